// Inspector for a satisfaction question.
import { TextAreaField } from '../../inspector/fields/TextAreaField.tsx';
import type { NodePanelProps } from '../node-ui.ts';
import { str, withField } from '../raw-data.ts';

export function CsatPanel({ data, errors, update, readOnly }: NodePanelProps) {
  return (
    <TextAreaField
      label="Question"
      value={str(data, 'prompt')}
      placeholder="How did we do? Rate us from 1 (poor) to 5 (great)."
      readOnly={readOnly}
      error={errors.get('prompt')}
      help='Understands "4", "five stars"… Asks once more if the answer is not a score, then moves on.'
      onChange={(v) => update(withField(data, 'prompt', v), { coalesce: 'prompt' })}
    />
  );
}
