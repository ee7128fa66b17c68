// Untrusted customer text: strip control characters and cap the length before anything reads it.

/** Longer messages are cut; 4,000 characters is far beyond any real support message. */
export const MAX_MESSAGE_CHARS = 4000;

export function cleanMessage(raw: unknown): { text: string; notes: string[] } {
  const notes: string[] = [];
  let text = typeof raw === 'string' ? raw : '';
  if (typeof raw !== 'string') notes.push('message text was not a string; treated as empty');
  if (text.length > MAX_MESSAGE_CHARS) {
    notes.push(`message cut from ${text.length} to ${MAX_MESSAGE_CHARS} characters`);
    text = text.slice(0, MAX_MESSAGE_CHARS);
  }
  // Keep tabs and newlines; drop other C0/C1 controls, and lone surrogates from the cut.
  text = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
  return { text: text.trim(), notes };
}
