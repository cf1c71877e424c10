// @vitest-environment node
/**
 * src/core.ts is the pure public surface: it must import with no browser and
 * no extension API present, and expose the functions the issues name.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';

describe('src/core.ts', () => {
  test('imports in a plain Node process with no browser globals at all', () => {
    // A separate process: the test runner itself installs a fake extension API.
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', '-e', "import('./src/core.ts').then((c) => console.log(typeof globalThis.chrome, typeof globalThis.document, Object.keys(c).length))"],
      { encoding: 'utf8' },
    );
    const [chrome, document, exports] = out.trim().split(' ');
    expect([chrome, document]).toEqual(['undefined', 'undefined']);
    expect(Number(exports)).toBeGreaterThan(50);
    // A whole Node process: seconds on a loaded two-core machine.
  }, 30_000);

  test('exposes the functions the issues name', async () => {
    const core = await import('../src/core');
    const named = ['isValidChi', 'isValidNhsNumber', 'chiBirthDate', 'chiSex', 'ageOn', 'detectPatient', 'detect', 'promptsFor', 'parseDirectory', 'buildIndex', 'toFhirBundle'] as const;
    for (const name of named) expect(typeof core[name], name).toBe('function');
  }, 30_000);

  test('the pure functions work end to end without a browser', async () => {
    const core = await import('../src/core');
    expect(core.isValidChi('1403522103')).toBe(true);
    const prompts = core.promptsFor({
      sex: 'female',
      problems: [],
      notes: 'She has rent arrears and an eviction letter.',
      pageKind: 'consultation',
      source: { adapter: 'test', confidence: 1 },
    });
    expect(prompts.map((p) => p.need)).toContain('housing');
  });
});
