// The editor batches queries into one GET whose path names every procedure; a batch of several
// queries must not be refused for its path length (Fastify's default limit answered 414).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../server/app.ts';
import { dialects, listenOnLoopback, makeWorld, type TestDatabase } from './harness.ts';

describe('batched tRPC queries over HTTP', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    database = await dialects[0]!.open();
    const world = await makeWorld(database);
    app = await createApp({ db: database.db, dialect: database.dialect, config: world.deps.config });
    base = await listenOnLoopback(app);
  });
  afterAll(async () => {
    await app.close();
    await database.cleanup();
  });

  it('answers a batch of sixteen queries whose path is longer than 100 characters', async () => {
    const path = Array.from({ length: 16 }, () => 'auth.me').join(',');
    expect(path.length).toBeGreaterThan(100);
    const input = encodeURIComponent(JSON.stringify({}));
    const res = await fetch(`${base}/trpc/${path}?batch=1&input=${input}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as unknown[];
    expect(body).toHaveLength(16);
  });
});
