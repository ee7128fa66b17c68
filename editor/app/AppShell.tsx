// The frame around every signed-in screen: brand, navigation for the user's roles, the user menu.
import type { ReactNode } from 'react';
import type { CurrentUser } from '../../shared/index.ts';
import { hasRole, useSignOut } from '../auth/use-session.ts';
import { Icon, type IconName } from '../ui/Icon.tsx';
import { routeHref, type Route } from './route.ts';

interface NavItem {
  route: Route;
  label: string;
  icon: IconName;
  active: (r: Route) => boolean;
}

export function navItemsFor(user: CurrentUser): NavItem[] {
  const items: NavItem[] = [];
  if (hasRole(user, 'admin', 'designer', 'reviewer', 'analyst')) {
    items.push({ route: { screen: 'flows' }, label: 'Flows', icon: 'flow', active: (r) => r.screen === 'flows' || r.screen === 'flow' });
    items.push({ route: { screen: 'reviews' }, label: 'Reviews', icon: 'review', active: (r) => r.screen === 'reviews' || r.screen === 'review' });
    items.push({ route: { screen: 'knowledge', kbId: null }, label: 'Knowledge', icon: 'answer', active: (r) => r.screen === 'knowledge' });
  }
  if (hasRole(user, 'analyst', 'admin')) {
    items.push({ route: { screen: 'dashboard' }, label: 'Dashboard', icon: 'chart', active: (r) => r.screen === 'dashboard' });
  }
  if (hasRole(user, 'agent')) {
    items.push({ route: { screen: 'inbox', handoffId: null }, label: 'Inbox', icon: 'chat', active: (r) => r.screen === 'inbox' });
  }
  if (hasRole(user, 'admin')) {
    items.push({ route: { screen: 'settings', section: 'users' }, label: 'Settings', icon: 'settings', active: (r) => r.screen === 'settings' });
  }
  return items;
}

export function AppShell({ user, route, children, compact }: { user: CurrentUser; route: Route; children: ReactNode; compact?: boolean }) {
  const signOut = useSignOut();
  return (
    <div className={compact ? 'app app-compact' : 'app'}>
      <header className="topbar">
        <a className="brand" href="#/flows">
          <span className="brand-mark" aria-hidden="true">
            <Icon name="flow" size={14} />
          </span>
          Switchboard
        </a>
        <nav className="topnav" aria-label="Main">
          {navItemsFor(user).map((item) => (
            <a key={item.label} href={routeHref(item.route)} className={item.active(route) ? 'topnav-link active' : 'topnav-link'} aria-current={item.active(route) ? 'page' : undefined}>
              <Icon name={item.icon} size={15} />
              {item.label}
            </a>
          ))}
        </nav>
        <div className="topbar-spacer" />
        <div className="user-chip" title={user.email}>
          <span className="avatar" aria-hidden="true">
            {(user.name || user.email).slice(0, 1).toUpperCase()}
          </span>
          <span className="user-chip-text">
            <span className="user-name">{user.name || user.email}</span>
            <span className="user-roles">{user.roles.join(' · ') || 'no roles'}</span>
          </span>
        </div>
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          <Icon name="logout" size={15} /> Sign out
        </button>
      </header>
      <div className="app-body">{children}</div>
    </div>
  );
}
