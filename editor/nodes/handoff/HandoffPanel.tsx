// Inspector for a handoff: queue, priority, reason, what the customer is told, tags.
import { priorities, type Priority } from '../../../shared/index.ts';
import { SelectField } from '../../inspector/fields/SelectField.tsx';
import { TagListField } from '../../inspector/fields/TagListField.tsx';
import { TextAreaField } from '../../inspector/fields/TextAreaField.tsx';
import { TextField } from '../../inspector/fields/TextField.tsx';
import type { NodePanelProps } from '../node-ui.ts';
import { str, strList, withField } from '../raw-data.ts';

export function HandoffPanel({ data, errors, update, readOnly }: NodePanelProps) {
  return (
    <>
      <p className="panel-note">Changes to handoff nodes need an independent reviewer's approval before they go live.</p>
      <TextField label="Queue" mono value={str(data, 'queue')} readOnly={readOnly} error={errors.get('queue')} help="The agents' queue, e.g. fraud or returns." onChange={(v) => update(withField(data, 'queue', v), { coalesce: 'queue' })} />
      <SelectField<Priority> label="Priority" value={(str(data, 'priority', 'normal') as Priority) || 'normal'} readOnly={readOnly} error={errors.get('priority')} options={priorities.map((p) => ({ value: p, label: p[0]!.toUpperCase() + p.slice(1) }))} onChange={(v) => update(withField(data, 'priority', v))} />
      <TextField label="Reason" mono value={str(data, 'reason')} readOnly={readOnly} error={errors.get('reason')} help="A short code agents and reports see, e.g. damaged_goods." onChange={(v) => update(withField(data, 'reason', v), { coalesce: 'reason' })} />
      <TextAreaField label="Tell the customer" value={str(data, 'text')} rows={2} placeholder="Connecting you to a member of our team." readOnly={readOnly} error={errors.get('text')} onChange={(v) => update(withField(data, 'text', v || undefined), { coalesce: 'text' })} />
      <TagListField label="Tags" values={strList(data, 'tags')} readOnly={readOnly} error={errors.get('tags')} onChange={(v) => update(withField(data, 'tags', v))} />
    </>
  );
}
