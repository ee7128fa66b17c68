// Inspector for a Message node.
import { TextAreaField } from '../../inspector/fields/TextAreaField.tsx';
import { InsertValueMenu } from '../InsertValueMenu.tsx';
import type { NodePanelProps } from '../node-ui.ts';
import { str, withField } from '../raw-data.ts';

export function MessagePanel({ data, errors, update, readOnly, doc }: NodePanelProps) {
  const text = str(data, 'text');
  return (
    <TextAreaField
      label="Message"
      value={text}
      rows={4}
      readOnly={readOnly}
      error={errors.get('text')}
      placeholder="What the bot says"
      help="Placeholders such as {{customer.firstName}} or {{vars.order_id}} are filled in when the bot speaks."
      aside={<InsertValueMenu doc={doc} disabled={readOnly} onInsert={(p) => update(withField(data, 'text', `${text}${text && !text.endsWith(' ') ? ' ' : ''}${p}`))} />}
      onChange={(v) => update(withField(data, 'text', v), { coalesce: 'text' })}
    />
  );
}
