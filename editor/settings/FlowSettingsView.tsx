// The flow's settings: understanding thresholds, fallbacks, language, and its variables.
import { variableTypes, type FlowDocumentInput } from '../../shared/index.ts';
import { setField } from '../document/mutations.ts';
import { uniqueId } from '../document/ids.ts';
import { useDoc, useProblems, useStudio } from '../studio/studio-context.ts';
import { CheckboxField } from '../inspector/fields/CheckboxField.tsx';
import { NumberField } from '../inspector/fields/NumberField.tsx';
import { SelectField } from '../inspector/fields/SelectField.tsx';
import { TextAreaField } from '../inspector/fields/TextAreaField.tsx';
import { TextField } from '../inspector/fields/TextField.tsx';
import { Icon } from '../ui/Icon.tsx';

type Settings = NonNullable<FlowDocumentInput['settings']>;
type Variable = NonNullable<FlowDocumentInput['variables']>[number];

export function FlowSettingsView() {
  const { store, readOnly } = useStudio();
  const settings = useDoc((d) => d.settings ?? {});
  const variables = useDoc((d) => d.variables ?? []);
  const locale = useDoc((d) => d.locale ?? 'en');
  const description = useDoc((d) => d.description ?? '');
  const problems = useProblems((p) => p.all.filter((x) => x.path.startsWith('settings') || x.path.startsWith('variables') || x.path === 'locale'));
  const err = (path: string) => problems.find((p) => p.path === path)?.message;
  const setSetting = <K extends keyof Settings>(key: K, value: Settings[K] | undefined) =>
    store.change('Edit settings', (d) => {
      const next: Settings = { ...(d.settings ?? {}) };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return setField(d, 'settings', next);
    }, { coalesceKey: `settings-${String(key)}` });
  const setVariables = (next: Variable[], key?: string) => store.change('Edit variables', (d) => setField(d, 'variables', next), key ? { coalesceKey: key } : {});

  return (
    <div className="settings-view">
      <section className="settings-section">
        <h2>Understanding</h2>
        <p className="muted">How sure the bot must be before it acts on what the customer wants. Reviewers approve changes to these.</p>
        <div className="field-grid">
          <NumberField label="Confidence threshold" slider min={0} max={1} step={0.05} value={settings.confidenceThreshold} placeholder="0.55" readOnly={readOnly} error={err('settings.confidenceThreshold')} help="Below this the bot asks to clarify, then hands over." onChange={(v) => setSetting('confidenceThreshold', v)} />
          <NumberField label="Ambiguity margin" slider min={0} max={0.5} step={0.01} value={settings.ambiguityMargin} placeholder="0.10" readOnly={readOnly} error={err('settings.ambiguityMargin')} help="When the top two intents are closer than this, the bot asks which one was meant." onChange={(v) => setSetting('ambiguityMargin', v)} />
          <NumberField label="Clarifying questions" min={0} max={10} step={1} value={settings.maxClarifications} placeholder="2" readOnly={readOnly} error={err('settings.maxClarifications')} help="Asked before handing over with reason low_confidence." onChange={(v) => setSetting('maxClarifications', v)} />
          <TextField label="Default queue" mono value={settings.defaultQueue ?? ''} placeholder="general" readOnly={readOnly} error={err('settings.defaultQueue')} help="For handovers no rule or node names (low confidence, “talk to a person”)." onChange={(v) => setSetting('defaultQueue', v || undefined)} />
          <NumberField label="Step budget per turn" min={10} max={10000} step={10} value={settings.stepBudget} placeholder="100" readOnly={readOnly} error={err('settings.stepBudget')} help="A turn that runs more nodes stops and hands over." onChange={(v) => setSetting('stepBudget', v)} />
          <TextField label="Language" mono value={locale} readOnly={readOnly} error={err('locale')} help="Locale tag of the main intent model, e.g. en or de-CH." onChange={(v) => store.change('Edit language', (d) => setField(d, 'locale', v), { coalesceKey: 'locale' })} />
        </div>
        <TextAreaField label="Description" value={description} rows={2} readOnly={readOnly} onChange={(v) => store.change('Edit description', (d) => setField(d, 'description', v || undefined), { coalesceKey: 'description' })} />
      </section>
      <section className="settings-section">
        <div className="section-head">
          <h2>Variables</h2>
          {!readOnly && (
            <button type="button" className="btn btn-sm" onClick={() => setVariables([...variables, { name: uniqueId('variable', new Set(variables.map((v) => v.name))), type: 'string', pii: false }])}>
              <Icon name="plus" size={14} /> Add variable
            </button>
          )}
        </div>
        <p className="muted">Declared variables can be read in rules and messages as vars.name. Personal data (PII) is redacted from handoff packages unless the site allows it. Ask, Set and Action nodes declare the variables they fill.</p>
        {variables.length === 0 ? (
          <p className="panel-note">No declared variables.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Personal data</th>
                <th scope="col">Description</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {variables.map((v, i) => {
                const patch = (p: Partial<Variable>, key?: string) => setVariables(variables.map((x, j) => (i === j ? { ...x, ...p } : x)), key ? `var-${i}-${key}` : undefined);
                return (
                  <tr key={i}>
                    <td>
                      <TextField label={`Name of variable ${i + 1}`} mono value={v.name} readOnly={readOnly} error={err(`variables[${i}].name`)} onChange={(name) => patch({ name }, 'name')} />
                    </td>
                    <td>
                      <SelectField label={`Type of ${v.name}`} value={v.type ?? 'string'} readOnly={readOnly} options={variableTypes.map((t) => ({ value: t, label: t }))} onChange={(type) => patch({ type })} />
                    </td>
                    <td>
                      <CheckboxField label="PII" checked={!!v.pii} readOnly={readOnly} onChange={(pii) => patch({ pii })} />
                    </td>
                    <td>
                      <TextField label={`Description of ${v.name}`} value={v.description ?? ''} readOnly={readOnly} onChange={(description) => patch({ description: description || undefined }, 'description')} />
                    </td>
                    <td>
                      {!readOnly && (
                        <button type="button" className="icon-button" aria-label={`Remove variable ${v.name}`} onClick={() => setVariables(variables.filter((_, j) => j !== i))}>
                          <Icon name="trash" size={14} />
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
