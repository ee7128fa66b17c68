// The editor's entry point: one QueryClient, the app, and the stylesheets.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import '@xyflow/react/dist/style.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/canvas.css';
import './styles/panels.css';
import './styles/rules.css';
import './styles/simulator.css';
import './styles/versions.css';
import './styles/inbox.css';
import { queryClient } from './api/query-client.ts';
import { App } from './app/App.tsx';
import { preloadFirstScreen } from './app/preload.ts';

performance.mark('sb:boot');
preloadFirstScreen(queryClient, window.location.hash);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
