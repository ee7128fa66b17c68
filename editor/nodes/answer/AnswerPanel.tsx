// Inspector for a knowledge answer: the score an article needs and the text around it.
import { routeHref } from '../../app/route.ts';
import { NumberField } from '../../inspector/fields/NumberField.tsx';
import { TextAreaField } from '../../inspector/fields/TextAreaField.tsx';
import type { NodePanelProps } from '../node-ui.ts';
import { num, str, withField } from '../raw-data.ts';

export function AnswerPanel({ data, errors, update, readOnly, doc }: NodePanelProps) {
  const articles = doc.knowledge?.articles?.length ?? 0;
  const base = doc.knowledge?.base;
  return (
    <>
      {base ? (
        <p className="panel-note">
          Searches the knowledge base <strong>{base}</strong> (the version committed with this flow). The best article is used when it scores at least the threshold.{' '}
          <a href={routeHref({ screen: 'knowledge', kbId: base })}>Open {base}</a> to edit articles or try “which article would answer this?”.
        </p>
      ) : (
        <p className="panel-note">
          {articles ? `Searches this flow's ${articles} knowledge articles` : 'This flow has no knowledge articles yet; name a knowledge base in the flow settings (knowledge.base)'}. The best article is used when it scores at least the threshold.{' '}
          <a href={routeHref({ screen: 'knowledge', kbId: null })}>Knowledge bases</a>
        </p>
      )}
      <NumberField label="Minimum score" slider min={0} max={1} step={0.05} value={num(data, 'threshold')} placeholder="0.35" readOnly={readOnly} error={errors.get('threshold')} onChange={(v) => update(withField(data, 'threshold', v), { coalesce: 'threshold' })} />
      <TextAreaField
        label="Answer text"
        value={str(data, 'template')}
        placeholder="{{kb.extract}}"
        readOnly={readOnly}
        error={errors.get('template')}
        help="{{kb.title}}, {{kb.extract}} and {{kb.url}} are filled in from the article."
        onChange={(v) => update(withField(data, 'template', v), { coalesce: 'template' })}
      />
    </>
  );
}
