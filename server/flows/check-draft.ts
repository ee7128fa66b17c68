// compileFlow's checks for a draft, guaranteed not to throw: a draft is user input, and a bug
// deep in a checker must come back as a problem (400), never as a 500.
import { checkFlow } from '../../runtime/index.ts';
import type { Problem } from '../../shared/index.ts';

export function checkDraft(document: unknown): Problem[] {
  try {
    return checkFlow(document);
  } catch (error) {
    return [
      {
        code: 'invalid_document',
        severity: 'error',
        path: '',
        message: `This document could not be checked (${error instanceof Error ? error.message : 'unknown error'}); simplify deeply nested rules.`,
      },
    ];
  }
}
