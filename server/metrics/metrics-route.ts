// `GET /metrics` and the hook that times every HTTP request by route. Access: a bearer token when
// METRICS_TOKEN is set, else direct loopback callers only (metrics-options.ts).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MetricsOptions } from './metrics-options.ts';
import type { ServerMetrics } from './server-metrics.ts';

const loopback = (address: string | undefined) => address !== undefined && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));

function allowed(req: FastifyRequest, token: string | null): { ok: true } | { ok: false; status: 401 | 403; message: string } {
  if (token !== null) {
    const presented = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const a = Buffer.from(presented);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b) ? { ok: true } : { ok: false, status: 401, message: 'Send the metrics token as Authorization: Bearer <METRICS_TOKEN>.' };
  }
  if (loopback(req.socket.remoteAddress) && req.headers['x-forwarded-for'] === undefined) return { ok: true };
  return { ok: false, status: 403, message: 'Metrics are served to loopback callers only; set METRICS_TOKEN to allow others with that bearer token.' };
}

export function registerMetrics(app: FastifyInstance, metrics: ServerMetrics, options: MetricsOptions): void {
  app.addHook('onResponse', (req, reply, done) => {
    metrics.request({ method: req.method, route: req.routeOptions.url ?? 'unmatched', status: reply.statusCode, seconds: reply.elapsedTime / 1000 });
    done();
  });
  app.get('/metrics', async (req, reply) => {
    const access = allowed(req, options.token);
    if (!access.ok) return reply.code(access.status).send({ error: access.message });
    const { contentType, body } = await metrics.scrape();
    return reply.header('cache-control', 'no-store').type(contentType).send(body);
  });
}
