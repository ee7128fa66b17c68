// Inspector for an Ask node: the question, where the answer goes, and how it is checked.
import { askValueTypes, type AskValueType } from '../../../shared/nodes/ask.ts';
import { NumberField } from '../../inspector/fields/NumberField.tsx';
import { SelectField } from '../../inspector/fields/SelectField.tsx';
import { TagListField } from '../../inspector/fields/TagListField.tsx';
import { TextAreaField } from '../../inspector/fields/TextAreaField.tsx';
import { TextField } from '../../inspector/fields/TextField.tsx';
import { flowVariables } from '../../rules/rule-fields.ts';
import { InsertValueMenu } from '../InsertValueMenu.tsx';
import type { NodePanelProps } from '../node-ui.ts';
import { num, str, strList, withField } from '../raw-data.ts';

const typeLabels: Record<AskValueType, string> = {
  text: 'Text',
  number: 'Number',
  integer: 'Whole number',
  email: 'E-mail address',
  phone: 'Phone number',
  date: 'Date',
  yes_no: 'Yes or no',
  choice: 'One of a list',
};

export function AskPanel({ data, errors, update, readOnly, doc }: NodePanelProps) {
  const valueType = (str(data, 'valueType', 'text') as AskValueType) || 'text';
  const prompt = str(data, 'prompt');
  const numeric = valueType === 'number' || valueType === 'integer';
  return (
    <>
      <TextAreaField
        label="Question"
        value={prompt}
        readOnly={readOnly}
        error={errors.get('prompt')}
        aside={<InsertValueMenu doc={doc} disabled={readOnly} onInsert={(p) => update(withField(data, 'prompt', `${prompt} ${p}`.trim()))} />}
        onChange={(v) => update(withField(data, 'prompt', v), { coalesce: 'prompt' })}
      />
      <TextField
        label="Store the answer in"
        mono
        value={str(data, 'variable')}
        readOnly={readOnly}
        error={errors.get('variable')}
        help={`Read it later as vars.${str(data, 'variable') || 'name'}. Known: ${flowVariables(doc).map((v) => v.name).join(', ') || 'none yet'}.`}
        onChange={(v) => update(withField(data, 'variable', v), { coalesce: 'variable' })}
      />
      <SelectField
        label="Expected answer"
        value={valueType}
        readOnly={readOnly}
        error={errors.get('valueType')}
        options={askValueTypes.map((t) => ({ value: t, label: typeLabels[t] }))}
        onChange={(v) => update(withField(data, 'valueType', v))}
      />
      {valueType === 'choice' && (
        <TagListField label="Choices" values={strList(data, 'choices')} readOnly={readOnly} error={errors.get('choices')} onChange={(v) => update(withField(data, 'choices', v))} help="Matched without regard to case." />
      )}
      {valueType === 'text' && (
        <TextField
          label="Pattern (optional)"
          mono
          value={str(data, 'pattern')}
          readOnly={readOnly}
          error={errors.get('pattern')}
          placeholder="^[A-Z]{2}[0-9]{6}$"
          help="A regular expression the whole answer must match."
          onChange={(v) => update(withField(data, 'pattern', v || undefined), { coalesce: 'pattern' })}
        />
      )}
      {(numeric || valueType === 'text') && (
        <div className="field-row">
          <NumberField label={numeric ? 'Minimum' : 'Min length'} value={num(data, 'min')} readOnly={readOnly} error={errors.get('min')} onChange={(v) => update(withField(data, 'min', v), { coalesce: 'min' })} />
          <NumberField label={numeric ? 'Maximum' : 'Max length'} value={num(data, 'max')} readOnly={readOnly} error={errors.get('max')} onChange={(v) => update(withField(data, 'max', v), { coalesce: 'max' })} />
        </div>
      )}
      <TextAreaField
        label="When the answer does not fit"
        value={str(data, 'retryPrompt')}
        readOnly={readOnly}
        rows={2}
        error={errors.get('retryPrompt')}
        placeholder="Sorry, that doesn't look right. (then the question again)"
        onChange={(v) => update(withField(data, 'retryPrompt', v || undefined), { coalesce: 'retryPrompt' })}
      />
      <NumberField
        label="Tries before giving up"
        value={num(data, 'maxAttempts')}
        min={0}
        max={10}
        step={1}
        placeholder="2"
        readOnly={readOnly}
        error={errors.get('maxAttempts')}
        help="Then the Invalid answer port is taken, or the conversation goes to a person when it is not connected."
        onChange={(v) => update(withField(data, 'maxAttempts', v), { coalesce: 'maxAttempts' })}
      />
    </>
  );
}
