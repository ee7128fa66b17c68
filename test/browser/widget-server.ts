// The real server for the widget's browser tests: `startServer` on a temporary SQLite database
// with banking-support and a small looping chat flow seeded, the demo key set, intent models
// prepared before the first page loads, and the widget built from source on first request.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { Role } from '../../shared/index.ts';
import { createUser } from '../../server/accounts/users.ts';
import { systemActor } from '../../server/actor.ts';
import { defaultConfig, type ServerConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/open-database.ts';
import { startServer } from '../../server/main.ts';
import { siteApiOptions } from '../../server/site-api/site-api-options.ts';
import { chatFlow } from '../site/fixtures.ts';
import { StudioHttpClient } from '../site/site-harness.ts';

export const DEMO_KEY = 'sb_live_widget_browser_tests_key';
export const ADMIN = { email: 'admin@example.com', password: 'correct horse battery staple', name: 'Administrator' };

export interface WidgetServer {
  url: string;
  /** The admin (who holds the agent role) over HTTP tRPC. */
  agent(): Promise<StudioHttpClient>;
  close(): Promise<void>;
}

/** A person added before the test (e.g. agents for the inbox's browser tests). */
export interface ExtraUser {
  email: string;
  name: string;
  roles: Role[];
}

/** `editor`: also serve the built editor (dist/editor); `users`: accounts to create (password ADMIN.password). */
export async function startWidgetServer(o: { banking?: boolean; editor?: boolean; users?: ExtraUser[] } = {}): Promise<WidgetServer> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-widget-'));
  const flows = join(dir, 'flows');
  mkdirSync(flows);
  writeFileSync(join(flows, 'chat.json'), JSON.stringify(chatFlow('chat')));
  if (o.banking) copyFileSync(resolve('flows/banking-support.json'), join(flows, 'banking-support.json'));
  const config: ServerConfig = {
    ...defaultConfig,
    port: 0,
    host: '127.0.0.1',
    databaseUrl: join(dir, 'site.db'),
    adminPassword: ADMIN.password,
    demoSiteKey: DEMO_KEY,
    flowsDir: flows,
    editorDir: o.editor ? resolve('dist/editor') : '/nonexistent',
    scryptCost: 2 ** 10,
  };
  const server = await startServer(config, { print: () => undefined, site: siteApiOptions({ warmFlows: 'all', widgetDir: '/nonexistent', sseHeartbeatMs: 5000 }) });
  if (o.users?.length) {
    const { db, close } = openDatabase(config.databaseUrl);
    try {
      for (const u of o.users) {
        const created = await createUser(db, { ...u, password: ADMIN.password, actor: systemActor, now: new Date(), scryptCost: config.scryptCost });
        if (!created.ok) throw new Error(created.failure.message);
      }
    } finally {
      await close();
    }
  }
  return {
    url: server.url,
    agent: () => StudioHttpClient.signIn(server.url, ADMIN.email, ADMIN.password),
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The widget's parts, found through its (open) shadow root by role and name. */
export function widget(page: Page) {
  const root = page.locator('#switchboard-widget');
  return {
    root,
    launcher: root.getByRole('button', { name: /chat: / }),
    panel: root.getByRole('dialog'),
    log: root.getByRole('log', { name: 'Conversation' }),
    input: root.getByRole('textbox', { name: 'Type your message' }),
    send: root.getByRole('button', { name: 'Send message' }),
    human: root.locator('button.human'),
    typing: root.getByRole('status').filter({ hasText: 'The assistant is typing' }),
    messages: (role: 'user' | 'bot' | 'agent') => root.locator(`.msg.${role} .text`),
    notices: root.locator('.notice'),
  };
}
