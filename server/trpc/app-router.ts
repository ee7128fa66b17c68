// The studio API. The editor imports only `type AppRouter` from here.
import { auditRouter } from './routers/audit-router.ts';
import { authRouter } from './routers/auth-router.ts';
import { customersRouter } from './routers/customers-router.ts';
import { dashboardRouter } from './routers/dashboard-router.ts';
import { deploymentsRouter } from './routers/deployments-router.ts';
import { flowsRouter } from './routers/flows-router.ts';
import { inboxRouter } from './routers/inbox-router.ts';
import { replaysRouter } from './routers/replays-router.ts';
import { knowledgeRouter } from './routers/knowledge-router.ts';
import { reviewsRouter } from './routers/reviews-router.ts';
import { siteSettingsRouter } from './routers/site-settings-router.ts';
import { sitesRouter } from './routers/sites-router.ts';
import { suggestionsRouter } from './routers/suggestions-router.ts';
import { usersRouter } from './routers/users-router.ts';
import { versionsRouter } from './routers/versions-router.ts';
import { router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  flows: flowsRouter,
  versions: versionsRouter,
  reviews: reviewsRouter,
  deployments: deploymentsRouter,
  sites: sitesRouter,
  siteSettings: siteSettingsRouter,
  inbox: inboxRouter,
  customers: customersRouter,
  audit: auditRouter,
  replays: replaysRouter,
  dashboard: dashboardRouter,
  knowledge: knowledgeRouter,
  suggestions: suggestionsRouter,
});

export type AppRouter = typeof appRouter;
