import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isNeedId } from '../../src/prompts/needs';
import { DEFAULT_RULE_FILES, DEFAULT_RULES } from '../../src/prompts/rules/index';
import { parseRule, parseRules } from '../../src/prompts/schema';

const dir = resolve(__dirname, '../../src/prompts/rules');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const docs = readFileSync(resolve(__dirname, '../../docs/prompts.md'), 'utf8');

describe('default rule files', () => {
  test('every file is loaded by rules/index.ts and none fails to parse', () => {
    expect(Object.keys(DEFAULT_RULE_FILES).sort()).toEqual(files.map((f) => f.replace(/\.json$/, '')).sort());
    // The bundle loads the files without the schema library; this is where they are validated.
    const parsed = parseRules(Object.values(DEFAULT_RULE_FILES));
    expect(parsed.errors).toEqual([]);
    expect(DEFAULT_RULES).toEqual(parsed.rules);
    expect(DEFAULT_RULES).toHaveLength(files.length);
  });

  test.each(files.map((f) => [f]))('%s parses, is named by its id, names a real need and is documented', (file) => {
    const json: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const parsed = parseRule(json);
    expect(parsed.ok ? '' : parsed.reason).toBe('');
    if (!parsed.ok) return;
    expect(`${parsed.rule.id}.json`).toBe(file);
    expect(isNeedId(parsed.rule.need)).toBe(true);
    expect(docs).toContain(`\`${parsed.rule.id}\``);
  });

  test('rule ids are unique', () => {
    const ids = DEFAULT_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('no two rules share a receptionist opener (the popup shows one cue per need)', () => {
    const openers = DEFAULT_RULES.flatMap((r) => (r.openers.receptionist ? [r.openers.receptionist] : []));
    expect(openers.length).toBeGreaterThan(10);
    expect(new Set(openers).size).toBe(openers.length);
  });
});
