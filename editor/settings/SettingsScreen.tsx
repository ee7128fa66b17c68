// Administration: users and their roles, sites and their API keys, the audit trail.
import { navigate } from '../app/route.ts';
import { Tabs } from '../ui/Tabs.tsx';
import { UsersAdmin } from './UsersAdmin.tsx';
import { SitesAdmin } from './SitesAdmin.tsx';
import { AuditLog } from './AuditLog.tsx';

type Section = 'users' | 'sites' | 'audit';

export function SettingsScreen({ section }: { section: Section }) {
  return (
    <main className="page">
      <header className="page-header">
        <div>
          <h1>Settings</h1>
          <p className="muted">Who can do what, which sites may talk to the bots, and what happened when.</p>
        </div>
      </header>
      <Tabs
        tabs={[
          { id: 'users', label: 'Users & roles' },
          { id: 'sites', label: 'Sites & keys' },
          { id: 'audit', label: 'Audit trail' },
        ]}
        value={section}
        onChange={(s) => navigate({ screen: 'settings', section: s })}
        label="Settings sections"
        idPrefix="settings"
      />
      <div role="tabpanel" id="settings-panel">
        {section === 'users' && <UsersAdmin />}
        {section === 'sites' && <SitesAdmin />}
        {section === 'audit' && <AuditLog />}
      </div>
    </main>
  );
}
