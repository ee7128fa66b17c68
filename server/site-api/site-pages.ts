// The pages around the API: /widget.js (the embeddable chat widget) and /demo (a demo page that
// embeds it with the demo site key).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { flowId } from '../../shared/api/common.ts';
import { demoPage } from './pages/demo-page.ts';
import { widgetBundleLoader } from './pages/widget-bundle.ts';
import type { SiteRuntime } from './site-runtime.ts';

export async function sitePages(app: FastifyInstance, o: { runtime: SiteRuntime }): Promise<void> {
  const rt = o.runtime;
  const bundle = widgetBundleLoader(rt.options.widgetDir);

  app.get('/widget.js', async (_req, reply) => {
    const loaded = await bundle();
    reply.type('application/javascript; charset=utf-8').header('access-control-allow-origin', '*').header('cross-origin-resource-policy', 'cross-origin');
    if (!loaded.ok) {
      rt.log.error(`/widget.js: ${loaded.message}`);
      return reply.code(503).send(`console.error(${JSON.stringify(`Switchboard widget unavailable: ${loaded.message}. Run npm run build:widget.`)});\n`);
    }
    return reply.header('cache-control', 'public, max-age=300').send(loaded.code);
  });

  const demoQuery = z.object({ flow: flowId.optional().catch(undefined), key: z.string().min(1).max(200).optional().catch(undefined) }).catch({});
  app.get('/demo', async (req, reply) => {
    const query = demoQuery.parse(req.query);
    const key = query.key ?? rt.options.demoSiteKey;
    reply.header('x-frame-options', 'SAMEORIGIN');
    return reply.type('text/html; charset=utf-8').send(demoPage({ siteKey: key, flowId: query.flow ?? 'banking-support' }));
  });
}
