import { useState } from 'preact/hooks';
import { DEFAULT_RULES, parseRules } from '../../prompts/index';
import { needLabel } from '../../prompts/needs';
import { Section, SelectField, errorsAt, fieldId, type SectionProps } from './form';
import { DataZoneImport } from './DataZoneImport';

const GENERIC_OPTIONS = [
  { value: 'off', label: 'Off' },
  { value: 'with-social', label: 'Only with a social sign on screen' },
  { value: 'on', label: 'On' },
] as const;

/** Reads the custom rules text; never throws. Returns the rules as written, or why they were refused. */
export function readRulesText(text: string): { value: unknown[]; errors: string[] } {
  if (text.trim() === '') return { value: [], errors: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { value: [], errors: ['This is not valid JSON: check for a missing comma, quote or bracket.'] };
  }
  const parsed = parseRules(json);
  if (parsed.errors.length > 0) {
    return { value: [], errors: parsed.errors.map((e) => `Rule ${e.index + 1}${e.id ? ` (${e.id})` : ''}: ${e.reason}`) };
  }
  return { value: json as unknown[], errors: [] };
}

/** Turn default prompt rules on or off, and add the practice's own. */
export function RulesSection(p: SectionProps) {
  const disabled = new Set(p.settings.rules.disabled);
  const [text, setText] = useState(() => (p.settings.rules.custom.length ? JSON.stringify(p.settings.rules.custom, null, 2) : ''));
  const [problems, setProblems] = useState<string[]>([]);
  const customId = fieldId('rules.custom');

  const toggle = (id: string, on: boolean) =>
    p.update((s) => {
      const rest = s.rules.disabled.filter((d) => d !== id);
      s.rules.disabled = on ? rest : [...rest, id];
    });
  const editCustom = (next: string) => {
    setText(next);
    const read = readRulesText(next);
    setProblems(read.errors);
    p.report('rules.custom', read.errors.map((message) => ({ path: 'rules.custom', message })));
    if (read.errors.length === 0) p.update((s) => void (s.rules.custom = read.value));
  };
  const shown = [...problems, ...errorsAt(p.errors, 'rules.custom').map((e) => e.message)];

  return (
    <Section
      id="rules"
      title="Prompt rules"
      help="Each rule suggests asking about a need when something in the record points to it. Untick a rule to stop it showing in this practice."
      onSave={() => void p.save()}
    >
      <SelectField
        errors={p.errors}
        locked={p.locked}
        path="rules.generic"
        label="Prompts from the problem list alone (several long-term conditions, many medicines)"
        hint="Off by default: with nothing social on screen they are more often wrong than right. 'With a social sign' shows one only beside a specific social prompt."
        value={p.settings.rules.generic}
        options={GENERIC_OPTIONS}
        onChange={(value) => p.update((s) => void (s.rules.generic = value === 'on' || value === 'with-social' ? value : 'off'))}
      />
      <DataZoneImport />
      <div class="table-scroll">
        <table data-testid="rules-table">
          <caption class="visually-hidden">Default prompt rules</caption>
          <thead>
            <tr>
              <th scope="col">On</th>
              <th scope="col">Rule</th>
              <th scope="col">Need</th>
              <th scope="col">Id</th>
            </tr>
          </thead>
          <tbody>
            {DEFAULT_RULES.map((rule) => {
              const id = `rule-${rule.id}`;
              return (
                <tr key={rule.id} data-rule={rule.id}>
                  <td>
                    <input id={id} type="checkbox" checked={!disabled.has(rule.id)} onChange={(e) => toggle(rule.id, (e.currentTarget as HTMLInputElement).checked)} />
                  </td>
                  <td>
                    <label for={id}>{rule.title}</label>
                  </td>
                  <td>{needLabel(rule.need)}</td>
                  <td>
                    <code>{rule.id}</code>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <label for={customId}>This practice's own rules (JSON list)</label>
      <p class="hint" id={`${customId}-hint`}>
        Written in the same form as the default rules (see the prompt rules guide). Leave empty for none.
      </p>
      <textarea
        id={customId}
        rows={10}
        value={text}
        spellcheck={false}
        aria-invalid={shown.length > 0 ? 'true' : undefined}
        aria-describedby={`${customId}-hint${shown.length > 0 ? ` ${customId}-error` : ''}`}
        onInput={(e) => editCustom((e.currentTarget as HTMLTextAreaElement).value)}
      />
      {shown.length > 0 && (
        <ul class="error" id={`${customId}-error`} data-testid="custom-rules-errors">
          {shown.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </Section>
  );
}
