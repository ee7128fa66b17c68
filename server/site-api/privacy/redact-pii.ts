// Personal data that must not sit in stored transcripts or handoff packages: card numbers (only
// those passing the Luhn check), IBANs (only those passing the mod-97 check), e-mail addresses
// and phone numbers. Each is replaced by a label the agent understands. A value the flow collected
// into a variable not marked `pii` is kept: the designer said the flow may store it.

/** Labels that replace what was found. */
export const REDACTION_LABELS = { card: '[card number]', iban: '[IBAN]', email: '[email]', phone: '[phone]' } as const;

const digitsOnly = (s: string) => s.replace(/\D/g, '');

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function ibanValid(iban: string): boolean {
  const compact = iban.replace(/\s/g, '').toUpperCase();
  if (compact.length < 15 || compact.length > 34) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

const CARD = /(?<![\w-])\d(?:[ -]?\d){12,18}(?![\w-])/g;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** International (+ or 00) or grouped numbers with 9–15 digits; plain ISO dates are left alone. */
const PHONE = /(?<![\w+])(?:\+|00)?\(?\d[\d ().-]{7,}\d(?![\w])/g;
const DIGIT = /\d/;

export interface RedactOptions {
  /** Exact values (as collected into non-PII variables) to keep. Default none. */
  keep?: ReadonlySet<string>;
}

/** The text with card numbers, IBANs, e-mail addresses and phone numbers replaced by labels. */
export function redactPii(text: string, o: RedactOptions = {}): string {
  // Every stored text of every turn passes through here, and most hold neither a digit nor an @;
  // every pattern needs one of them (numbers their digits, addresses the @), so skip the scans.
  if (!DIGIT.test(text) && !text.includes('@')) return text;
  const keep = o.keep ?? new Set<string>();
  const kept = (match: string) => keep.has(match) || keep.has(digitsOnly(match));
  return text
    .replace(CARD, (m) => {
      const d = digitsOnly(m);
      return d.length >= 13 && d.length <= 19 && luhn(d) && !kept(m) ? REDACTION_LABELS.card : m;
    })
    .replace(IBAN, (m) => (ibanValid(m) && !kept(m) ? REDACTION_LABELS.iban : m))
    .replace(EMAIL, (m) => (kept(m) ? m : REDACTION_LABELS.email))
    .replace(PHONE, (m) => {
      const d = digitsOnly(m);
      if (d.length < 9 || d.length > 15 || kept(m)) return m;
      if (/^\d{4}-\d{2}-\d{2}$/.test(m.trim())) return m;
      const international = /^\s*(\+|00)/.test(m);
      const grouped = /[ ().-]/.test(m);
      return international || grouped ? REDACTION_LABELS.phone : m;
    });
}
