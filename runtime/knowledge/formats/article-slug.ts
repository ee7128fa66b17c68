// Article ids made from titles and file names: `How do I change my PIN?` → `how-do-i-change-my-pin`.

/** Longest id a slug produces (the schema allows 128). */
const MAX_SLUG = 80;

/** Lowercase ASCII letters and digits joined by single dashes; accents are dropped, other scripts too. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, MAX_SLUG).replace(/-+$/, '');
}

/** A slug not in `taken` (adds `-2`, `-3`…), recorded in `taken`; `article` when the text has no usable characters. */
export function uniqueSlug(text: string, taken: Set<string>): string {
  const base = slugify(text) || 'article';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
