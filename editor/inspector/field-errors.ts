// Inline field errors for a node's form: the node type's zod schema parsed on the spot (so an
// error shows while typing) merged with the runtime's problems for that node's fields.
import type { z } from 'zod';
import type { Problem } from '../../shared/index.ts';
import { definitionOf } from '../document/node-ports.ts';
import { problemField } from '../document/problem-index.ts';

function sentence(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'Required.';
  if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1) return 'Required.';
  if (issue.code === 'too_small' && issue.origin === 'number') return `Must be at least ${issue.minimum}.`;
  if (issue.code === 'too_big' && issue.origin === 'number') return `Must be at most ${issue.maximum}.`;
  if (issue.code === 'unrecognized_keys') return `Unknown field${issue.keys.length === 1 ? '' : 's'}: ${issue.keys.join(', ')}.`;
  if (issue.code === 'invalid_value' && 'values' in issue) return `Choose one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
  const m = issue.message;
  return m.endsWith('.') ? m : `${m}.`;
}

/** Field path (`prompt`, `cases.0.id`) → the first thing wrong with it. */
export function fieldErrors(type: string, data: unknown, problems: readonly Problem[]): Map<string, string> {
  const errors = new Map<string, string>();
  const def = definitionOf(type);
  const parsed = def?.data.safeParse(data);
  if (parsed && !parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).join('.') || '(data)';
      if (!errors.has(key)) errors.set(key, sentence(issue));
    }
  }
  for (const p of problems) {
    const field = problemField(p);
    if (field && !errors.has(field)) errors.set(field, p.message);
  }
  return errors;
}
