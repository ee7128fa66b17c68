// Deeply nested JSON would overflow recursive validators (zod, rule compilers); it is refused
// up front, iteratively, with the path where the limit was crossed.

/** Deepest nesting a flow document (or a rule) may have. Real flows stay under 20. */
export const MAX_JSON_DEPTH = 64;

/** The path of the first value nested deeper than `limit`, or null when the value is within it. */
export function pathBeyondDepth(value: unknown, limit = MAX_JSON_DEPTH): PropertyKey[] | null {
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (path.length >= limit) return path;
    if (Array.isArray(current)) current.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
    else for (const [key, item] of Object.entries(current)) stack.push({ value: item, path: [...path, key] });
  }
  return null;
}
