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
  ])('%j', (text, expected) => {
    expect(answerIn(text)).toBe(expected);
  });

  test('the tokenizer marks a sentence after a question mark, and only that one', () => {
    expect(tokenize('Safe? No. Fine').map((t) => t.afterQuestion)).toEqual([false, true, false]);
  });
});
