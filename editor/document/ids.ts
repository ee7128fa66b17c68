// Readable, unique ids for new nodes and edges ("message_3", "e_ask_1_next").

/** `base` when free, else `base_2`, `base_3`… */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const clean = base.replace(/\s+/g, '_') || 'item';
  if (!taken.has(clean)) return clean;
  for (let n = 2; ; n++) {
    const id = `${clean}_${n}`;
    if (!taken.has(id)) return id;
  }
}

/** The next free `${type}_${n}` with n counting from 1. */
export function nextNodeId(type: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const id = `${type}_${n}`;
    if (!taken.has(id)) return id;
  }
}
