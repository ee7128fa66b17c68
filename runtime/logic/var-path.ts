// How a `var` path reads rule data: json-logic-js splits on "." and walks properties; the one deliberate
// difference is that members inherited from built-in prototypes (toString, constructor, __proto__…) count as missing.

const inheritedNames: ReadonlySet<string> = new Set(
  [Object.prototype, Array.prototype, String.prototype, Number.prototype, Boolean.prototype].flatMap((proto) =>
    Object.getOwnPropertyNames(proto),
  ),
);

/**
 * True when some JSON value could inherit a member called `key` (e.g. "toString", "length",
 * "__proto__"), so reading it must check that the value owns it. Other keys are read directly.
 */
export function isInheritedName(key: string): boolean {
  return inheritedNames.has(key);
}

/** `value[key]` when `key` is the value's own property (a string's or list's `length` is), else undefined. */
export function readOwn(value: unknown, key: string): unknown {
  if (value === null || value === undefined) return undefined;
  return Object.hasOwn(value as object, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * json-logic-js `var`: an empty path (undefined, null or "") is the whole data; otherwise the path is
 * `String(path).split(".")` and each step must land on a defined value, else `fallback` (default null).
 * A value of null at the end is returned as null, not replaced by the fallback.
 */
export function readVar(data: unknown, path?: unknown, fallback?: unknown): unknown {
  const notFound = fallback === undefined ? null : fallback;
  if (path === undefined || path === null || path === '') return data;
  let value = data;
  for (const segment of String(path).split('.')) {
    if (value === null || value === undefined) return notFound;
    value = isInheritedName(segment) ? readOwn(value, segment) : (value as Record<string, unknown>)[segment];
    if (value === undefined) return notFound;
  }
  return value;
}
