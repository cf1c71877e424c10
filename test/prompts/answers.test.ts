/**
 * A template's answer to a lexicon's `met` question (ContextJudge.answerTo):
 * the whole clause after the question's colon or dash, or the first clause of
 * the sentence after its question mark; nothing else counts as an answer.
 */
import { describe, expect, test } from 'vitest';
import { CONTEXT_PHRASES, contextJudge } from '../../src/prompts/context';
import { compilePhrases, findRawMatches } from '../../src/prompts/phrase-index';
import { tokenize } from '../../src/prompts/tokenize';

const question = compilePhrases(['feel* safe at home']);
const cues = compilePhrases(CONTEXT_PHRASES);

function answerIn(text: string): string | undefined {
  const tokens = tokenize(text);
  const [m] = findRawMatches(tokens, question);
  if (!m) throw new Error(`no question in ${text}`);
  const a = contextJudge(tokens, [m], findRawMatches(tokens, cues), 2026).answerTo(m);
  return a && `${a.answer}: ${text.slice(tokens[m.first]?.start, tokens[a.last]?.end)}`;
}

describe('answerTo', () => {
  test.each([
    ['Feels safe at home: no', 'no: Feels safe at home: no'],
    ['Feels safe at home - No.', 'no: Feels safe at home - No'],
    ['Feels safe at home: N', 'no: Feels safe at home: N'],
    ['Feels safe at home: not really, partner shouts', 'no: Feels safe at home: not really'],
    ['Do you feel safe at home? No.', 'no: feel safe at home? No'],
    ['Do you feel safe at home?\nNo', 'no: feel safe at home?\nNo'],
    ['Feels safe at home with partner: no', 'no: Feels safe at home with partner: no'],
    ['Feels safe at home: yes', 'yes: Feels safe at home: yes'],
    ['Do you feel safe at home? Yes always.', 'yes: feel safe at home? Yes always'],
    // Not answers: a finding after a comma, a longer clause, a question too long, a full stop, an answer two clauses on.
    ['Feels safe at home, no concerns', undefined],
    ['Feels safe at home: no concerns raised', undefined],
    ['Feels safe at home with partner and the kids and the dog: no', undefined],
    ['Feels safe at home. No.', undefined],
    ['Feels safe at home: asked twice, no', undefined],
    ['Feels safe at home', undefined],
    // After an answer label; a label after a full stop is no answer.
    ['Do you feel safe at home? A: no', 'no: feel safe at home? A: no'],
    ['Feels safe at home? Ans: no', 'no: Feels safe at home? Ans: no'],
    ['Feels safe at home? A - no', 'no: Feels safe at home? A - no'],
    ['Feels safe at home. A: no', undefined],
    // Notes that end early.
    ['Feels safe at home:', undefined],
    ['Feels safe at home?', undefined],
    ['Feels safe at home? A:', undefined],
    // Blank and flipped templates; a negation inside the question's own words.
    ['Feels safe at home: N/A', undefined],
    ['Feels safe at home: Y/N', undefined],
    ['Feels safe at home: no/yes', undefined],
    ['Feels safe at home: n/a tube fed', undefined],
    ['Feels safe at home: no, a bit scared of him', 'no: Feels safe at home: no'],
    ['Not feels safe at home: no', undefined],
    ['Feels safe at home alone after discharge: no', undefined],
    // The question may run on four words past the phrase, not five.
    ['Feels safe at home with her new partner: no', 'no: Feels safe at home with her new partner: no'],
    ['Feels safe at home with her new partner now: no', undefined],
    ['Do you feel safe at home? - No', 'no: feel safe at home? - No'],
    ['Feels safe at home? No, fine', 'no: Feels safe at home? No'],
  ])('%j', (text, expected) => {
    expect(answerIn(text)).toBe(expected);
  });

  test('the tokenizer marks the clause right after a question mark, and only that one', () => {
    expect(tokenize('Safe? No. Fine').map((t) => t.afterQuestion)).toEqual([false, true, false]);
    expect(tokenize('Safe? No, fine').map((t) => t.afterQuestion)).toEqual([false, true, false]);
  });

  test('a phrase word that is a flip elsewhere does not stop its own question being answered', () => {
    const q = compilePhrases(['(has|have|got) ~2 (friends|family|people|someone|anyone) ~2 (nearby|to talk to)']);
    for (const text of ['Has anyone to talk to: no', 'Has friends or family nearby: no']) {
      const tokens = tokenize(text);
      const [m] = findRawMatches(tokens, q);
      expect(m && contextJudge(tokens, [m], findRawMatches(tokens, cues), 2026).answerTo(m)?.answer, text).toBe('no');
    }
  });
});
