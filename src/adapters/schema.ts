import * as v from 'valibot';
import { FIELD_NAMES } from './field-names';

/**
 * A site adapter says, declaratively, where one clinical system shows the
 * patient. Adapters are data (JSON) so practices can write and share them
 * without code; see docs/site-adapters.md.
 */

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const selectorList = v.union([nonEmpty, v.pipe(v.array(nonEmpty), v.minLength(1, 'needs at least one selector'))]);

const FieldRuleSchema = v.object({
  selector: selectorList,
  attribute: v.optional(nonEmpty),
  regex: v.optional(nonEmpty),
});

export const SiteAdapterSchema = v.object({
  id: v.pipe(nonEmpty, v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes')),
  name: nonEmpty,
  urlPatterns: v.pipe(v.array(nonEmpty), v.minLength(1, 'needs at least one URL pattern')),
  consultationSignal: v.object({ selector: nonEmpty, textMatches: v.optional(nonEmpty) }),
  fields: v.object({
    name: v.optional(FieldRuleSchema),
    birthDate: v.optional(FieldRuleSchema),
    sex: v.optional(FieldRuleSchema),
    chi: v.optional(FieldRuleSchema),
    nhsNumber: v.optional(FieldRuleSchema),
    postcode: v.optional(FieldRuleSchema),
    address: v.optional(FieldRuleSchema),
    phone: v.optional(FieldRuleSchema),
  }),
  problems: v.optional(
    v.object({
      listSelector: v.optional(nonEmpty),
      itemSelector: nonEmpty,
      termSelector: v.optional(nonEmpty),
      codeSelector: v.optional(nonEmpty),
      codeAttribute: v.optional(nonEmpty),
    }),
  ),
  medications: v.optional(v.object({ listSelector: v.optional(nonEmpty), itemSelector: nonEmpty })),
  notes: v.optional(v.object({ selector: selectorList })),
});

export type SiteAdapter = v.InferOutput<typeof SiteAdapterSchema>;
export type FieldRule = v.InferOutput<typeof FieldRuleSchema>;
export { FIELD_NAMES, type FieldName } from './field-names';

export type ParseAdapterResult = { ok: true; adapter: SiteAdapter } | { ok: false; errors: string[] };

/**
 * A rough syntax check for CSS selectors when no DOM is at hand: balanced
 * brackets, parentheses and quotes, no dangling combinator. The options page
 * should pass `domSelectorValidator(document)` for the browser's own verdict.
 */
export function looksLikeSelector(selector: string): boolean {
  const s = selector.trim();
  if (s === '' || /^[>+~,]|[>+~,]\s*$/.test(s) || /,\s*,/.test(s)) return false;
  const stack: string[] = [];
  let quote = '';
  for (const ch of s) {
    if (quote) {
      if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '(') stack.push(ch);
    else if (ch === ']' && stack.pop() !== '[') return false;
    else if (ch === ')' && stack.pop() !== '(') return false;
    else if (ch === '{' || ch === '}' || ch === ';') return false;
  }
  return quote === '' && stack.length === 0;
}

/** A selector check backed by a real DOM: the browser parses the selector and rejects bad ones. */
export function domSelectorValidator(doc: Document): (selector: string) => boolean {
  const fragment = doc.createDocumentFragment();
  return (selector) => {
    try {
      fragment.querySelector(selector);
      return true;
    } catch {
      return false;
    }
  };
}

function regexProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'i');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : 'it is not a valid regular expression';
  }
}

function issuePath(issue: v.BaseIssue<unknown>): string {
  const keys: string[] = [];
  for (const item of issue.path ?? []) keys.push(String(item.key));
  return keys.length ? keys.join('.') : 'adapter';
}

function selectorsOf(value: string | string[]): string[] {
  return typeof value === 'string' ? [value] : value;
}

/** Every selector and regex in the adapter with the place it sits, for error messages. */
function collectChecks(adapter: SiteAdapter): { where: string; selectors: string[]; regex?: string }[] {
  const checks: { where: string; selectors: string[]; regex?: string }[] = [];
  checks.push({ where: 'consultationSignal', selectors: [adapter.consultationSignal.selector], regex: adapter.consultationSignal.textMatches });
  for (const name of FIELD_NAMES) {
    const rule = adapter.fields[name];
    if (rule) checks.push({ where: `fields.${name}`, selectors: selectorsOf(rule.selector), regex: rule.regex });
  }
  if (adapter.problems) {
    const p = adapter.problems;
    const list = [p.itemSelector];
    if (p.listSelector) list.push(p.listSelector);
    if (p.termSelector) list.push(p.termSelector);
    if (p.codeSelector) list.push(p.codeSelector);
    checks.push({ where: 'problems', selectors: list });
  }
  if (adapter.medications) {
    const m = adapter.medications;
    checks.push({ where: 'medications', selectors: m.listSelector ? [m.itemSelector, m.listSelector] : [m.itemSelector] });
  }
  if (adapter.notes) checks.push({ where: 'notes', selectors: selectorsOf(adapter.notes.selector) });
  return checks;
}

/**
 * Validate adapter JSON (already parsed). Never throws: returns every problem
 * in plain words, e.g. `fields.chi: the selector "div[" is not valid CSS`.
 */
export function parseAdapter(json: unknown, isValidSelector: (selector: string) => boolean = looksLikeSelector): ParseAdapterResult {
  const result = v.safeParse(SiteAdapterSchema, json);
  if (!result.success) {
    const errors: string[] = [];
    for (const issue of result.issues) {
      const missing = issue.input === undefined && issue.kind === 'schema';
      errors.push(`${issuePath(issue)}: ${missing ? 'is missing' : issue.message}`);
    }
    return { ok: false, errors };
  }
  const adapter = result.output;
  const errors: string[] = [];
  for (const check of collectChecks(adapter)) {
    for (const selector of check.selectors) {
      if (!isValidSelector(selector)) errors.push(`${check.where}: the selector "${selector}" is not valid CSS`);
    }
    if (check.regex !== undefined) {
      const problem = regexProblem(check.regex);
      if (problem) errors.push(`${check.where}: the pattern "${check.regex}" is not a valid regular expression (${problem})`);
    }
  }
  for (const pattern of adapter.urlPatterns) {
    if (!/^[a-z*]+:\/\//i.test(pattern) && !pattern.startsWith('*')) {
      errors.push(`urlPatterns: "${pattern}" should start with a scheme (https://) or *`);
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, adapter };
}
