/**
 * What one click means at each step of the adapter picker: the element becomes
 * a field rule (selector plus, where needed, a regex), a problem-list spec
 * generalised to all its sibling items, or the notes box. Every pick is read
 * back through the same code the sidebar uses, so a pick that would not work
 * is refused on the spot with the reason.
 */
import type { Picks, PickedField } from '../../adapters/build-adapter';
import { safeQueryAll, textOf } from '../../adapters/dom-text';
import type { FieldName } from '../../adapters/field-names';
import { convertField } from '../../adapters/fields';
import { readProblems, readRule } from '../../adapters/read-rule';
import type { SiteAdapter } from '../../adapters/schema';
import { cssIdent, isStableToken, regexFor, selectorFor } from '../../adapters/selector-for';
import { isValidChi, isValidNhsNumber, normaliseIdentifier } from '../../context/identifiers';
import { PICK_STEPS, type StepKey } from './steps';

type ProblemsSpec = NonNullable<SiteAdapter['problems']>;

export type StepPick =
  | { kind: 'field'; field: FieldName; rule: PickedField; preview: string }
  | { kind: 'problems'; spec: ProblemsSpec; count: number; preview: string }
  | { kind: 'notes'; selector: string; preview: string };

export type PickOutcome = { ok: true; pick: StepPick } | { ok: false; problem: string };

const LIST_ITEM = 'li, tr, [role="listitem"], [role="row"]';
const NOTES_BOX = 'textarea, input, [contenteditable]:not([contenteditable="false"])';

/** Which identifier a clicked element shows: a valid CHI first (Scotland), else a valid NHS number. */
function identifierField(text: string): FieldName | undefined {
  const runs = text.match(/\d(?:[ -]?\d){9}/g) ?? [];
  for (const run of runs) if (isValidChi(normaliseIdentifier(run))) return 'chi';
  for (const run of runs) if (isValidNhsNumber(normaliseIdentifier(run))) return 'nhsNumber';
  return undefined;
}

function fieldPick(el: Element, field: FieldName, label: string): PickOutcome {
  const text = textOf(el);
  const regex = regexFor(text, field);
  const rule: PickedField = regex ? { selector: selectorFor(el), regex } : { selector: selectorFor(el) };
  const read = readRule(el.ownerDocument, rule);
  if (read.raw === undefined || read.problem) return { ok: false, problem: `The ${label} could not be read there: ${read.problem ?? 'it is empty'}.` };
  const converted = convertField(field, read.raw);
  if (!converted.ok) return { ok: false, problem: `That does not look like the ${label}: ${converted.problem}.` };
  return { ok: true, pick: { kind: 'field', field, rule, preview: converted.value } };
}

/** The repeating element the click sits in: a list item or row, else the nearest element with same-tag siblings. */
export function listItemOf(el: Element): Element {
  const known = el.closest(LIST_ITEM);
  if (known) return known;
  for (let node: Element | null = el; node && node.parentElement; node = node.parentElement) {
    const tag = node.tagName;
    let same = 0;
    for (let i = 0; i < node.parentElement.children.length; i++) if (node.parentElement.children[i]?.tagName === tag) same++;
    if (same >= 2 && tag !== 'BODY') return node;
  }
  return el;
}

/** A selector for `el` relative to `item`, whose first match inside `item` is `el`. */
function relativeSelector(item: Element, el: Element): string | undefined {
  const tag = el.tagName.toLowerCase();
  const classes: string[] = [];
  for (let i = 0; i < el.classList.length; i++) {
    const name = el.classList.item(i);
    if (name && isStableToken(name)) classes.push(`.${cssIdent(name)}`);
  }
  const candidates = [tag + classes.slice(0, 2).join('')];
  const parent = el.parentElement;
  if (parent === item) {
    let index = 0;
    for (let i = 0, same = 0; i < item.children.length; i++) {
      if (item.children[i]?.tagName === el.tagName) same++;
      if (item.children[i] === el) index = same;
    }
    candidates.push(`${tag}:nth-of-type(${index})`);
  }
  return candidates.find((c) => safeQueryAll(item, c)[0] === el);
}

/** Where the problem's code is: a code-like data-* attribute of the item, or a cell holding just the code. */
function codeSpec(item: Element, term: Element): Pick<ProblemsSpec, 'codeAttribute' | 'codeSelector'> {
  for (let i = 0; i < item.attributes.length; i++) {
    const attr = item.attributes.item(i);
    if (attr && attr.name.startsWith('data-') && /^[A-Z0-9.]{4,18}$/i.test(attr.value) && /\d/.test(attr.value)) return { codeAttribute: attr.name };
  }
  const leaves = safeQueryAll(item, '*');
  for (const leaf of leaves) {
    if (leaf.children.length > 0 || leaf.contains(term) || term.contains(leaf)) continue;
    if (!/^\d{5,18}$/.test(textOf(leaf))) continue;
    const selector = relativeSelector(item, leaf);
    if (selector) return { codeSelector: selector };
  }
  return {};
}

/** A problem-list spec from one clicked problem: the item selector covers all its siblings. */
export function problemsSpecFor(el: Element): ProblemsSpec | undefined {
  const item = listItemOf(el);
  const parent = item.parentElement;
  if (!parent) return undefined;
  const itemSelector = `${selectorFor(parent)} > ${item.tagName.toLowerCase()}`;
  if (!safeQueryAll(item.ownerDocument, itemSelector).includes(item)) return undefined;
  const termSelector = el !== item && item.contains(el) ? relativeSelector(item, el) : undefined;
  const term = termSelector ? el : item;
  return { itemSelector, ...(termSelector ? { termSelector } : {}), ...codeSpec(item, term) };
}

/**
 * What a click at `step` picks, or why it cannot be used (in plain words).
 * Never throws.
 */
export function pickFor(step: StepKey, el: Element): PickOutcome {
  const label = PICK_STEPS.find((s) => s.key === step)?.label ?? step;
  try {
    if (step === 'identifier') {
      const field = identifierField(textOf(el));
      if (!field) return { ok: false, problem: 'No valid CHI or NHS number was found there. Click the number itself.' };
      return fieldPick(el, field, field === 'chi' ? 'CHI number' : 'NHS number');
    }
    if (step === 'problems') {
      const spec = problemsSpecFor(el);
      const problems = spec ? readProblems(el.ownerDocument, spec) : [];
      if (!spec || problems.length === 0) return { ok: false, problem: 'No problems could be read from there. Click the wording of one problem in the list.' };
      return { ok: true, pick: { kind: 'problems', spec, count: problems.length, preview: `${problems.length} problems, e.g. "${problems[0]?.term ?? ''}"` } };
    }
    if (step === 'notes') {
      const box = el.closest(NOTES_BOX) ?? el.querySelector(NOTES_BOX) ?? el;
      return { ok: true, pick: { kind: 'notes', selector: selectorFor(box), preview: box.tagName === 'TEXTAREA' ? 'a text box' : 'an editable area' } };
    }
    return fieldPick(el, step, label);
  } catch (error) {
    return { ok: false, problem: `That element could not be used (${error instanceof Error ? error.message : String(error)}).` };
  }
}

/** The picks of every step, in the shape buildAdapter takes. */
export function picksFrom(chosen: Partial<Record<StepKey, StepPick>>): Picks {
  const picks: Picks = { fields: {} };
  for (const pick of Object.values(chosen)) {
    if (!pick) continue;
    if (pick.kind === 'field') picks.fields[pick.field] = pick.rule;
    else if (pick.kind === 'problems') picks.problems = pick.spec;
    else picks.notes = { selector: pick.selector };
  }
  return picks;
}
