// Names designers give to variables, intents and ports: safe in JSON-logic `var` paths and templates.
import { z } from 'zod';

export const identifierPattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const identifier = z
  .string()
  .regex(identifierPattern, 'Use letters, digits and underscores, starting with a letter (e.g. order_id).')
  .max(64);

/** Ids of nodes, edges and rules: short, no whitespace. */
export const elementId = z
  .string()
  .min(1, 'An id cannot be empty.')
  .max(128)
  .regex(/^[^\s]+$/, 'An id cannot contain spaces.');
