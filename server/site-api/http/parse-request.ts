// Request validation at the edge: a zod schema applied to one part of the request (body, query,
// path), with every problem reported as `body.text: …` so a developer sees what and where.
import type { z } from 'zod';
import { formatPath } from '../../../shared/index.ts';
import { siteFail, siteOk, type SiteResult } from '../site-failure.ts';

export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, part: 'body' | 'query' | 'path'): SiteResult<z.output<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return siteOk(parsed.data);
  const issues = parsed.error.issues.map((i) => {
    const path = formatPath(i.path);
    return { path: path ? (path.startsWith('[') ? `${part}${path}` : `${part}.${path}`) : part, message: i.message };
  });
  const first = issues[0]!;
  const message =
    value === undefined && part === 'body'
      ? 'This request needs a JSON body (Content-Type: application/json).'
      : `Invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
  return siteFail('invalid_request', message, first.path, { issues });
}
