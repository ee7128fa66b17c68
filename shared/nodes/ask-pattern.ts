// An ask node's pattern: a regular expression designers write and customers' answers are tested
// against on the server's only serving thread. One that backtracks for ever would stall every
// conversation, so a pattern must run on V8's linear-time engine, which the server falls back to
// after excessive backtracking (server/v8-settings.ts): no backreferences, no lookaround. Nested
// repetition is refused too (safe-regex2: the standard star-height check), so that a pattern with
// large counts, which that engine cannot take either, still cannot blow up.
import safeRegex from 'safe-regex2';

/** What is wrong with a pattern, as a sentence for the designer; null when it may be used. */
export function patternProblem(pattern: string): string | null {
  try {
    new RegExp(pattern);
  } catch {
    return 'The pattern is not a valid regular expression.';
  }
  const construct = backtrackingOnlyConstruct(pattern);
  if (construct) return `The pattern uses ${construct}; answers are checked in linear time, which it does not allow. Rewrite it without.`;
  if (!safeRegex(pattern)) {
    return 'The pattern repeats a repetition, like (a+)+ or (\\d{1,3})*, or has more than 25 repetitions: some answers would take exponential time to check. Repeat one thing at a time.';
  }
  return null;
}

/** The first backreference or lookaround outside a character class, described; null when there is none. */
function backtrackingOnlyConstruct(pattern: string): string | null {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (!inClass && /[1-9]/.test(next)) return `a backreference (\\${next})`;
      if (!inClass && next === 'k' && pattern[i + 2] === '<') return 'a named backreference (\\k<…>)';
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(' && pattern[i + 1] === '?') {
      const kind = pattern.slice(i + 2, i + 4);
      if (kind.startsWith('=') || kind.startsWith('!')) return 'a lookahead ((?=…) or (?!…))';
      if (kind === '<=' || kind === '<!') return 'a lookbehind ((?<=…) or (?<!…))';
    }
  }
  return null;
}
