// "Try this rule": evaluates the rule with the runtime's own compiled evaluator (compileLogic)
// against a sample rule context the designer can edit.
import { useMemo, useState } from 'react';
import type { Json } from '../../shared/index.ts';
import { checkLogic, compileLogic } from '../../runtime/logic/index.ts';
import { Icon } from '../ui/Icon.tsx';
import { LazyJsonEditor } from '../monaco/LazyMonaco.tsx';

export interface TryRuleProps {
  rule: Json | undefined;
  sample: Record<string, Json>;
  modelPath: string;
}

type Outcome = { kind: 'match' } | { kind: 'no-match'; value: unknown } | { kind: 'value'; value: unknown } | { kind: 'error'; message: string };

export function TryRule({ rule, sample, modelPath }: TryRuleProps) {
  const [text, setText] = useState(() => JSON.stringify(sample, null, 2));
  const outcome = useMemo((): Outcome => {
    if (rule === undefined) return { kind: 'error', message: 'Write a rule first.' };
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return { kind: 'error', message: 'The sample context is not valid JSON.' };
    }
    const problems = checkLogic(rule);
    if (problems.length > 0) return { kind: 'error', message: problems[0]!.message };
    const value = compileLogic(rule)(data);
    if (value === true) return { kind: 'match' };
    if (value === false || value === null || value === undefined || value === 0 || value === '') return { kind: 'no-match', value };
    return { kind: 'value', value };
  }, [rule, text]);

  return (
    <section className="try-rule" aria-labelledby={`${modelPath}-try`}>
      <header className="try-rule-header">
        <h3 id={`${modelPath}-try`}>Try this rule</h3>
        <p className="muted small">Edit the sample conversation context; the rule runs with the same evaluator as the live bot.</p>
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => setText(JSON.stringify(sample, null, 2))}>
          Reset sample
        </button>
      </header>
      <div className="try-rule-body">
        <div className="try-rule-editor">
          <LazyJsonEditor path={`${modelPath}-sample.json`} value={text} onChange={setText} logic={false} ariaLabel="Sample rule context" height={220} />
        </div>
        <div className={`try-rule-result result-${outcome.kind}`} role="status" aria-live="polite" data-testid="try-rule-result">
          {outcome.kind === 'match' && (
            <>
              <Icon name="checkCircle" size={20} />
              <strong>Matches</strong>
              <span>With this context the rule is true.</span>
            </>
          )}
          {outcome.kind === 'no-match' && (
            <>
              <Icon name="x" size={20} />
              <strong>Does not match</strong>
              <span>The rule evaluates to {JSON.stringify(outcome.value ?? null)}.</span>
            </>
          )}
          {outcome.kind === 'value' && (
            <>
              <Icon name="info" size={20} />
              <strong>Matches (truthy)</strong>
              <span>
                The rule evaluates to <code>{JSON.stringify(outcome.value)}</code>, which counts as true.
              </span>
            </>
          )}
          {outcome.kind === 'error' && (
            <>
              <Icon name="warning" size={20} />
              <strong>Cannot evaluate</strong>
              <span>{outcome.message}</span>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
