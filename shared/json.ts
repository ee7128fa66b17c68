// JSON values: everything in a flow document, a conversation state or a handoff package is JSON.
import { z } from 'zod';
import { MAX_JSON_DEPTH, pathBeyondDepth } from './json-depth.ts';

export type JsonPrimitive = string | number | boolean | null;
export type Json = JsonPrimitive | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Any JSON value, without the depth limit: the structure `jsonSchema` checks once the depth is known to be safe. */
export const jsonValueSchema: z.ZodType<Json> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValueSchema), z.record(z.string(), jsonValueSchema)]),
);

/**
 * Any JSON value nested at most MAX_JSON_DEPTH deep (used for JSON-logic expressions, variable
 * values and customer fields). The depth is checked first, without recursion: validating (and
 * later cloning or redacting) recurses once per level, so a small body nested a few thousand deep
 * would exhaust the stack, a 500 instead of a 400.
 */
export const jsonSchema: z.ZodType<Json> = z
  .unknown()
  .check((ctx) => {
    const tooDeep = pathBeyondDepth(ctx.value);
    if (tooDeep) ctx.issues.push({ code: 'custom', message: `Nested more than ${MAX_JSON_DEPTH} levels deep here.`, input: ctx.value, path: tooDeep });
  })
  .pipe(jsonValueSchema);

export const jsonObjectSchema = z.record(z.string(), jsonSchema);
