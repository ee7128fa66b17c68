// Validation without compiling (no model training): what `switchboard validate` and the editor's
// problems panel need.
import { parseFlow, type Problem } from '../../shared/index.ts';
import { validateFlow } from './validate-flow.ts';

/** Every problem in a flow document: schema errors, or else graph and rule problems (errors and warnings). */
export function checkFlow(input: unknown): Problem[] {
  const parsed = parseFlow(input);
  return parsed.ok ? validateFlow(parsed.doc) : parsed.problems;
}
