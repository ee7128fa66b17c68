// Reads a typed value out of a free-text answer ("about $1,200" → 1200). Returns null when the
// answer does not hold a valid value of the asked type.
import type { Json } from '../../shared/index.ts';
import type { NodeDataMap } from '../../shared/index.ts';

type AskData = NodeDataMap['ask'];

const yes = /^(y|yes|yeah|yep|yup|sure|correct|right|ok|okay|affirmative|true|si|oui|ja)\b/i;
const no = /^(n|no|nope|nah|not|negative|false|non|nein)\b/i;
const email = /[^\s@<>()]+@[^\s@<>()]+\.[A-Za-z]{2,}/;

export function parseAnswer(text: string, data: AskData): Json | null {
  const answer = text.trim();
  if (!answer) return null;
  switch (data.valueType) {
    case 'text':
      if (data.pattern !== undefined && !new RegExp(`^(?:${data.pattern})$`).test(answer)) return null;
      if (data.min !== undefined && answer.length < data.min) return null;
      if (data.max !== undefined && answer.length > data.max) return null;
      return answer;
    case 'number':
    case 'integer': {
      const match = answer.replace(/(\d),(?=\d{3}\b)/g, '$1').match(/-?\d+(?:\.\d+)?\s*(k|thousand|m|million)?\b/i);
      if (!match) return null;
      const scale = match[1] ? (/^(k|thousand)$/i.test(match[1]) ? 1_000 : 1_000_000) : 1;
      const value = parseFloat(match[0]) * scale;
      if (!Number.isFinite(value)) return null;
      if (data.valueType === 'integer' && !Number.isInteger(value)) return null;
      if (data.min !== undefined && value < data.min) return null;
      if (data.max !== undefined && value > data.max) return null;
      return value;
    }
    case 'email':
      return answer.match(email)?.[0].toLowerCase() ?? null;
    case 'phone': {
      const digits = answer.replace(/[^\d+]/g, '');
      const count = digits.replace(/\D/g, '').length;
      return count >= 7 && count <= 15 ? digits : null;
    }
    case 'date':
      return parseDate(answer);
    case 'yes_no':
      return yes.test(answer) ? true : no.test(answer) ? false : null;
    case 'choice': {
      const choices = data.choices ?? [];
      const index = answer.match(/^\s*(\d+)\s*[.)]?\s*$/);
      if (index) return choices[Number(index[1]) - 1] ?? null;
      const lower = answer.toLowerCase();
      const exact = choices.find((c) => c.toLowerCase() === lower);
      if (exact) return exact;
      const contained = choices.filter((c) => lower.includes(c.toLowerCase()));
      return contained.length === 1 ? contained[0]! : null;
    }
    default:
      return data.valueType satisfies never;
  }
}

/** ISO dates (2026-03-14) and day/month/year (14/03/2026); returns YYYY-MM-DD. */
function parseDate(answer: string): string | null {
  const iso = answer.match(/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/);
  const dmy = answer.match(/\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return date.toISOString().slice(0, 10);
}
