// `{{vars.amount}}`-style placeholders in bot messages, filled from the rule context.
// `{{customer.firstName | there}}`: the text after `|` is used when the value is missing.
const placeholder = /\{\{\s*([A-Za-z_][\w]*(?:\.[A-Za-z_0-9][\w]*)*)\s*(?:\|\s*([^}]*?)\s*)?\}\}/g;

/** The context paths a template reads, e.g. `["vars.amount", "customer.firstName"]`. */
export function templatePaths(template: string): string[] {
  return [...template.matchAll(placeholder)].map((m) => m[1]!);
}

/** Fills placeholders; a missing value renders as its fallback (default empty), objects as JSON. */
export function renderTemplate(template: string, context: Record<string, unknown>): string {
  return template.replace(placeholder, (_, path: string, fallback: string | undefined) => {
    let value: unknown = context;
    for (const key of path.split('.')) {
      value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    }
    if (value === undefined || value === null || value === '') return fallback ?? '';
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  });
}
