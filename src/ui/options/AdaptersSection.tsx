import { useEffect, useRef, useState } from 'preact/hooks';
import { BUILTIN_ADAPTERS } from '../../adapters/builtin';
import { domSelectorValidator, parseAdapter } from '../../adapters/schema';
import { send } from '../../messaging/client';
import type { AdapterTestResponse } from '../../messaging/protocol';
import { isLocked } from '../../settings/managed';
import { AdapterTestTable } from './AdapterTestTable';
import { Section, errorsAt, fieldId, type SectionProps } from './form';

interface Item {
  key: number;
  text: string;
  errors: string[];
  value?: unknown;
}

const TEMPLATE = {
  id: 'my-system',
  name: 'My clinical system',
  urlPatterns: ['https://ehr.example.scot/*'],
  consultationSignal: { selector: '#consultation' },
  fields: { name: { selector: '.patient-name' }, chi: { selector: '.patient-chi' } },
};

/** Reads adapter text; never throws. */
export function readAdapterText(text: string, doc: Document): { value?: unknown; errors: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { errors: ['This is not valid JSON: check for a missing comma, quote or bracket.'] };
  }
  const parsed = parseAdapter(json, domSelectorValidator(doc));
  return parsed.ok ? { value: json, errors: [] } : { errors: parsed.errors };
}

/** Built-in adapters (read only) and the practice's own, as JSON. */
export function AdaptersSection(p: SectionProps) {
  const fixed = isLocked(p.locked, 'adapters');
  const [next, setNext] = useState(p.settings.adapters.length);
  const [items, setItems] = useState<Item[]>(() =>
    p.settings.adapters.map((a, key) => ({ key, text: JSON.stringify(a, null, 2), errors: [], value: a })),
  );
  const [tests, setTests] = useState<Record<number, AdapterTestResponse | string>>({});
  const [pickStatus, setPickStatus] = useState('');
  const picking = useRef(false);
  const latest = useRef({ items, next });
  latest.current = { items, next };

  const apply = (list: Item[]) => {
    setItems(list);
    for (const item of list) {
      p.report(`adapter-${item.key}`, item.errors.map((message) => ({ path: `adapters.${list.indexOf(item)}`, message })));
    }
    p.update((s) => void (s.adapters = list.filter((i) => i.errors.length === 0).map((i) => i.value)));
  };
  const edit = (key: number, text: string) =>
    apply(items.map((i) => (i.key === key ? { key, text, ...readAdapterText(text, document) } : i)));
  const remove = (key: number) => {
    p.report(`adapter-${key}`, []);
    apply(items.filter((i) => i.key !== key));
  };
  const add = () => {
    apply([...items, { key: next, text: JSON.stringify(TEMPLATE, null, 2), errors: [], value: TEMPLATE }]);
    setNext(next + 1);
  };
  const test = async (item: Item) => {
    // Checked here too (the background checks again): only a valid adapter is sent.
    const parsed = parseAdapter(item.value, domSelectorValidator(document));
    if (!parsed.ok) {
      setTests({ ...tests, [item.key]: `The test could not run: ${parsed.errors.join(' ')}` });
      return;
    }
    const r = await send('adapter.test', { adapter: parsed.adapter });
    setTests({ ...tests, [item.key]: r.ok ? r.value : `The test could not run: ${r.error.message}` });
  };

  const pick = async () => {
    const r = await send('adapter.pick', {});
    picking.current = r.ok;
    setPickStatus(
      r.ok
        ? `A panel is open on ${r.value.url}. Switch to that tab; the panel there asks you to click each field, then saves the adapter. This list updates when you come back.`
        : `The picker could not start: ${r.error.message}`,
    );
  };

  // An adapter saved from the picker lands in the stored settings; bring it into this list on return.
  useEffect(() => {
    const onFocus = () => {
      if (!picking.current) return;
      void send('settings.get', {}).then((r) => {
        if (!r.ok) return;
        const stored = (r.value.settings as { adapters?: unknown }).adapters;
        if (!Array.isArray(stored)) return;
        let { items: list, next: key } = latest.current;
        for (const a of stored as unknown[]) {
          const id = typeof a === 'object' && a !== null ? (a as { id?: unknown }).id : undefined;
          const text = JSON.stringify(a, null, 2);
          const same = list.find((i) => typeof i.value === 'object' && i.value !== null && (i.value as { id?: unknown }).id === id);
          if (same && same.text === text) continue;
          const item: Item = { key: same?.key ?? key++, text, errors: [], value: a };
          list = same ? list.map((i) => (i === same ? item : i)) : [...list, item];
        }
        if (list === latest.current.items) return;
        setNext(key);
        apply(list);
        setPickStatus('The adapter list was updated from the saved settings.');
      });
    };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  });

  return (
    <Section
      id="adapters"
      title="Site adapters"
      help="An adapter tells the sidebar where your clinical system shows the patient's name, CHI number and notes. Built-in adapters cover the supported systems; add your own as JSON (see the site adapter guide)."
      onSave={() => void p.save()}
    >
      <h3>Built in</h3>
      <ul data-testid="builtin-adapters">
        {BUILTIN_ADAPTERS.map((a) => (
          <li key={a.id}>
            <strong>{a.name}</strong> <span class="muted">({a.id}: {a.urlPatterns.join(', ')})</span>
          </li>
        ))}
      </ul>
      <h3>This practice's adapters</h3>
      {fixed && <p class="locked-note">Set by your health board</p>}
      {items.length === 0 && <p>None yet.</p>}
      {items.map((item, index) => {
        const id = fieldId(`adapters.${index}`);
        const problems = [...item.errors, ...errorsAt(p.errors, `adapters.${index}`).map((e) => e.message)];
        const result = tests[item.key];
        return (
          <div key={item.key} class="adapter">
            <label for={id}>Adapter {index + 1} (JSON)</label>
            <textarea
              id={id}
              rows={12}
              value={item.text}
              disabled={fixed}
              spellcheck={false}
              aria-invalid={problems.length > 0 ? 'true' : undefined}
              aria-describedby={problems.length > 0 ? `${id}-error` : undefined}
              onInput={(e) => edit(item.key, (e.currentTarget as HTMLTextAreaElement).value)}
            />
            {problems.length > 0 && (
              <ul class="error" id={`${id}-error`}>
                {problems.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )}
            <p class="actions">
              <button type="button" disabled={item.errors.length > 0} onClick={() => void test(item)}>
                Test adapter {index + 1} on this tab
              </button>
              <button type="button" disabled={fixed} onClick={() => remove(item.key)}>
                Delete adapter {index + 1}
              </button>
            </p>
            <div aria-live="polite">
              {typeof result === 'string' && <p class="error">{result}</p>}
              {result && typeof result !== 'string' && <AdapterTestTable result={result} name={`adapter ${index + 1}`} />}
            </div>
          </div>
        );
      })}
      <p class="actions">
        <button type="button" disabled={fixed} onClick={add}>
          Add adapter
        </button>
        <button type="button" disabled={fixed} aria-describedby="adapter-pick-hint" onClick={() => void pick()}>
          Build an adapter by clicking the record
        </button>
      </p>
      <p class="hint" id="adapter-pick-hint">
        Open a consultation in the clinical record first. Then switch to the record tab; a panel there asks you to click each field (name,
        date of birth, CHI number…).
      </p>
      <p aria-live="polite">{pickStatus}</p>
    </Section>
  );
}
