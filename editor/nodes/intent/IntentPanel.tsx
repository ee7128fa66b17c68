// Inspector for an intent router: which intents it routes, and its confidence threshold.
import { NumberField } from '../../inspector/fields/NumberField.tsx';
import { TagListField } from '../../inspector/fields/TagListField.tsx';
import { TextAreaField } from '../../inspector/fields/TextAreaField.tsx';
import { intentNames } from '../../document/editor-document.ts';
import type { NodePanelProps } from '../node-ui.ts';
import { num, str, strList, withField } from '../raw-data.ts';
import { RoutedIntents } from './RoutedIntents.tsx';

export function IntentPanel({ data, errors, update, readOnly, doc }: NodePanelProps) {
  const routed = strList(data, 'intents');
  const all = intentNames(doc);
  const missing = all.filter((i) => !routed.includes(i));
  const flowThreshold = doc.settings?.confidenceThreshold ?? 0.55;
  return (
    <>
      <TextAreaField
        label="Prompt (optional)"
        value={str(data, 'prompt')}
        rows={2}
        readOnly={readOnly}
        error={errors.get('prompt')}
        placeholder="How can I help?"
        help="Said before waiting; leave empty when a message just asked."
        onChange={(v) => update(withField(data, 'prompt', v || undefined), { coalesce: 'prompt' })}
      />
      <TagListField
        label={`Routed intents (${routed.length})`}
        values={routed}
        suggestions={all}
        readOnly={readOnly}
        error={errors.get('intents')}
        placeholder="Type an intent name"
        help="Each routed intent gets its own port. Manage intents and their examples in the Intents tab."
        onChange={(v) => update(withField(data, 'intents', v))}
      />
      <RoutedIntents routed={routed} readOnly={readOnly} doc={doc} />
      {!readOnly && missing.length > 0 && missing.length <= 12 && (
        <div className="chip-suggestions" aria-label="Intents not routed here">
          {missing.map((i) => (
            <button key={i} type="button" className="chip-button" onClick={() => update(withField(data, 'intents', [...routed, i]))}>
              + {i}
            </button>
          ))}
        </div>
      )}
      <NumberField
        label="Confidence threshold"
        slider
        min={0}
        max={1}
        step={0.05}
        value={num(data, 'confidenceThreshold')}
        placeholder={`${flowThreshold} (flow)`}
        readOnly={readOnly}
        error={errors.get('confidenceThreshold')}
        help={`Below this the bot asks to clarify, then hands over. Empty uses the flow's ${flowThreshold}.`}
        onChange={(v) => update(withField(data, 'confidenceThreshold', v), { coalesce: 'confidenceThreshold' })}
      />
    </>
  );
}
