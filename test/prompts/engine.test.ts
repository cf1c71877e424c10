// The prompt engine as the sidebar loads it (#17): compiled in short steps, with
// the same prompts as a compile in one go.
import { describe, expect, test } from 'vitest';
import { compilePhrases, compilePhrasesInSteps, runSteps } from '../../src/prompts/phrase-index';
import { promptEngine, promptEngineInSlices } from '../../src/prompts/engine';
import { ctx } from './helpers';

describe('promptEngineInSlices', () => {
  test('pauses many times, and then gives the prompts the one-go engine gives', async () => {
    let pauses = 0;
    const sliced = await promptEngineInSlices([], [], async () => {
      pauses++;
    });
    expect(pauses).toBeGreaterThan(10);
    const whole = promptEngine([], []);
    for (const notes of ['Struggling to pay the gas bill, skipping meals.', 'Lives alone since his wife died, rarely goes out.', 'Ankle sprain, RICE.']) {
      const patient = ctx({ notes, age: 74, sex: 'male' });
      expect(sliced.promptsFor(patient, { role: 'gp', year: 2026 })).toEqual(whole.promptsFor(patient, { role: 'gp', year: 2026 }));
    }
  });

  test('a disabled rule stays off in the sliced engine', async () => {
    const all = promptEngine([], []);
    const id = all.rules[0]?.id as string;
    const sliced = await promptEngineInSlices([id], [], async () => undefined);
    expect(sliced.rules.some((r) => r.id === id)).toBe(false);
  });
});

describe('compilePhrasesInSteps', () => {
  test('the same index as compilePhrases, in steps', () => {
    const phrases = Array.from({ length: 400 }, (_, i) => `word${i} thing`);
    const steps = compilePhrasesInSteps(phrases);
    let yields = 0;
    let step = steps.next();
    while (!step.done) {
      yields++;
      step = steps.next();
    }
    expect(yields).toBe(2);
    expect(step.value.phrases.map((p) => p.phrase)).toEqual(compilePhrases(phrases).phrases.map((p) => p.phrase));
    expect(runSteps(compilePhrasesInSteps(phrases)).phrases).toHaveLength(400);
  });
});
