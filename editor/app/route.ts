// Hash routes: the server serves one index.html, so every screen lives after `#`.
import { useSyncExternalStore } from 'react';

export type Route =
  | { screen: 'flows' }
  | { screen: 'flow'; flowId: string; panel: string | null }
  | { screen: 'reviews' }
  | { screen: 'review'; versionId: string }
  | { screen: 'settings'; section: 'users' | 'sites' | 'audit' }
  | { screen: 'dashboard' }
  | { screen: 'knowledge'; kbId: string | null }
  | { screen: 'inbox'; handoffId: string | null };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  if (first === 'flows' && second) return { screen: 'flow', flowId: second, panel: third ?? null };
  if (first === 'reviews' && second) return { screen: 'review', versionId: second };
  if (first === 'reviews') return { screen: 'reviews' };
  if (first === 'dashboard') return { screen: 'dashboard' };
  if (first === 'knowledge') return { screen: 'knowledge', kbId: second ?? null };
  if (first === 'inbox') return { screen: 'inbox', handoffId: second ?? null };
  if (first === 'settings') return { screen: 'settings', section: second === 'sites' ? 'sites' : second === 'audit' ? 'audit' : 'users' };
  return { screen: 'flows' };
}

export function routeHref(route: Route): string {
  switch (route.screen) {
    case 'flows':
      return '#/flows';
    case 'flow':
      return `#/flows/${encodeURIComponent(route.flowId)}${route.panel ? `/${route.panel}` : ''}`;
    case 'reviews':
      return '#/reviews';
    case 'review':
      return `#/reviews/${encodeURIComponent(route.versionId)}`;
    case 'settings':
      return `#/settings/${route.section}`;
    case 'dashboard':
      return '#/dashboard';
    case 'knowledge':
      return route.kbId ? `#/knowledge/${encodeURIComponent(route.kbId)}` : '#/knowledge';
    case 'inbox':
      return route.handoffId ? `#/inbox/${encodeURIComponent(route.handoffId)}` : '#/inbox';
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

const subscribe = (listener: () => void) => {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
};

/** The current route; re-renders on navigation. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
