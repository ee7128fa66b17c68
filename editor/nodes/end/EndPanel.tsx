// Inspector for an End node.
import { SelectField } from '../../inspector/fields/SelectField.tsx';
import { TextAreaField } from '../../inspector/fields/TextAreaField.tsx';
import type { NodePanelProps } from '../node-ui.ts';
import { str, withField } from '../raw-data.ts';

export function EndPanel({ data, errors, update, readOnly }: NodePanelProps) {
  return (
    <>
      <SelectField
        label="Outcome"
        value={str(data, 'outcome', 'resolved') === 'abandoned' ? 'abandoned' : 'resolved'}
        readOnly={readOnly}
        error={errors.get('outcome')}
        options={[
          { value: 'resolved', label: 'Resolved: the bot helped' },
          { value: 'abandoned', label: 'Abandoned: the customer left' },
        ]}
        onChange={(v) => update(withField(data, 'outcome', v))}
      />
      <TextAreaField label="Goodbye message (optional)" value={str(data, 'text')} rows={2} readOnly={readOnly} error={errors.get('text')} onChange={(v) => update(withField(data, 'text', v || undefined), { coalesce: 'text' })} />
    </>
  );
}
