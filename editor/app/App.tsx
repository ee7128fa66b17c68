// The sign-in gate and the screen for the current route, chosen by the user's roles.
import { lazy, Suspense } from 'react';
import type { CurrentUser } from '../../shared/index.ts';
import { describeFailure } from '../api/api-failure.ts';
import { CurrentUserContext } from '../auth/current-user.ts';
import { SignIn } from '../auth/SignIn.tsx';
import { ReauthDialog } from '../auth/ReauthDialog.tsx';
import { hasRole, useSession } from '../auth/use-session.ts';
import { FlowList } from '../flows/FlowList.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { Toaster } from '../ui/Toaster.tsx';
import { AppShell } from './AppShell.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { useRoute, type Route } from './route.ts';
import { loadFlowStudio } from './preload.ts';

const FlowStudio = lazy(() => loadFlowStudio().then((m) => ({ default: m.FlowStudio })));
const ReviewQueue = lazy(() => import('../reviews/ReviewQueue.tsx').then((m) => ({ default: m.ReviewQueue })));
const ReviewScreen = lazy(() => import('../reviews/ReviewScreen.tsx').then((m) => ({ default: m.ReviewScreen })));
const DashboardScreen = lazy(() => import('../dashboard/DashboardScreen.tsx').then((m) => ({ default: m.DashboardScreen })));
const KnowledgeScreen = lazy(() => import('../knowledge/KnowledgeScreen.tsx').then((m) => ({ default: m.KnowledgeScreen })));
const InboxScreen = lazy(() => import('../inbox/InboxScreen.tsx').then((m) => ({ default: m.InboxScreen })));
const SettingsScreen = lazy(() => import('../settings/SettingsScreen.tsx').then((m) => ({ default: m.SettingsScreen })));

export function App() {
  const session = useSession();
  const route = useRoute();
  if (session.isPending) {
    return (
      <div className="page-center">
        <Spinner label="Loading the studio" size={24} />
      </div>
    );
  }
  if (session.isError) {
    return (
      <div className="page-center">
        <EmptyState icon="cloudOff" title="The studio server is not answering" action={<button type="button" className="btn" onClick={() => void session.refetch()}>Try again</button>}>
          {describeFailure(session.error)}
        </EmptyState>
      </div>
    );
  }
  const user = session.data;
  if (!user) {
    return (
      <>
        <SignIn />
        <Toaster />
      </>
    );
  }
  return (
    <CurrentUserContext.Provider value={user}>
      <AppShell user={user} route={route} compact={route.screen === 'flow' || route.screen === 'review' || route.screen === 'inbox'}>
        <ErrorBoundary key={route.screen}>
          <Suspense
            fallback={
              <div className="page-center">
                <Spinner size={24} />
              </div>
            }
          >
            <Screen route={route} user={user} />
          </Suspense>
        </ErrorBoundary>
      </AppShell>
      <ReauthDialog user={user} />
      <Toaster />
    </CurrentUserContext.Provider>
  );
}

function Screen({ route, user }: { route: Route; user: CurrentUser }) {
  // Agents work in the inbox; an agent without a studio role lands there whatever the route.
  if (hasRole(user, 'agent') && (route.screen === 'inbox' || !hasRole(user, 'admin', 'designer', 'reviewer', 'analyst'))) {
    return <InboxScreen handoffId={route.screen === 'inbox' ? route.handoffId : null} />;
  }
  if (route.screen === 'inbox') {
    return (
      <div className="page-center">
        <EmptyState icon="chat" title="The inbox is for agents">
          Ask an administrator for the agent role to take over escalated conversations.
        </EmptyState>
      </div>
    );
  }
  if (!hasRole(user, 'admin', 'designer', 'reviewer', 'analyst')) {
    return (
      <div className="page-center">
        <EmptyState icon="users" title="Nothing to see here yet">
          Your account ({user.roles.join(', ') || 'no roles'}) has no studio role. Ask an administrator for the designer, reviewer or analyst role.
        </EmptyState>
      </div>
    );
  }
  switch (route.screen) {
    case 'flows':
      return <FlowList />;
    case 'flow':
      return <FlowStudio key={route.flowId} flowId={route.flowId} panel={route.panel} />;
    case 'reviews':
      return <ReviewQueue />;
    case 'review':
      return <ReviewScreen key={route.versionId} versionId={route.versionId} />;
    case 'dashboard':
      return hasRole(user, 'analyst', 'admin') ? (
        <DashboardScreen />
      ) : (
        <div className="page-center">
          <EmptyState icon="chart" title="The dashboard is for analysts">
            Ask an administrator for the analyst role to see containment, escalations and agent figures.
          </EmptyState>
        </div>
      );
    case 'knowledge':
      return <KnowledgeScreen key={route.kbId ?? ''} kbId={route.kbId} />;
    case 'settings':
      return hasRole(user, 'admin') ? (
        <SettingsScreen section={route.section} />
      ) : (
        <div className="page-center">
          <EmptyState icon="settings" title="Settings are for administrators">
            Ask an administrator to manage sites, keys, users and roles.
          </EmptyState>
        </div>
      );
  }
}
