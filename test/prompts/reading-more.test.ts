// More ways clinicians write (#14, development half 2): short invented notes,
// not taken from any corpus half. Each row: notes, age, sex, needs that must
// show (GP, top three) and needs that must not.
import { describe, expect, test } from 'vitest';
import { tokenize } from '../../src/prompts/tokenize';
import { pastTimeYear } from '../../src/prompts/context';
import { checkNeeds as check } from './helpers';


describe('past times beyond a four-digit year', () => {
  test.each([
    ['Made redundant in the 90s.', 'the 90s', 1999],
    ['Homeless in the 1980s.', '1980s', 1989],
    ["Signed on in '92.", '92', 1992],
  ])('%s', (notes, word, year) => {
    const tokens = tokenize(notes);
    const k = tokens.findIndex((t) => t.word === word.split(' ').at(-1));
    expect(pastTimeYear(tokens, k)).toBe(year);
  });
  test.each([
    ['A woman in her 50s.', '50s'],
    ['Review in 45 minutes.', '45'],
    ['Struggling since 2019.', '2019'],
  ])('%s is not a past time', (notes, word) => {
    const tokens = tokenize(notes);
    expect(pastTimeYear(tokens, tokens.findIndex((t) => t.word === word))).toBeUndefined();
  });
});

describe('context: declined offers, screening, anniversaries, old homes, worries about later', () => {
  check([
    ['Made redundant when the shipyard shut in the 80s, worked as a joiner since.', 70, 'male', [], ['work']],
    ["Was sleeping rough for a while in '98, settled for years.", 60, 'male', [], ['housing']],
    ['Lost her brother in 2012, went to bereavement support at the time, doing fine.', 58, 'female', [], ['mental-wellbeing']],
    ['Smoker 20/day. Stop smoking service offered - declines, not ready.', 50, 'male', [], ['activity']],
    ['BMI 35. Discussed weight management but not interested.', 47, 'female', [], ['activity']],
    ['Screened for gambling harm at review: nil.', 40, 'male', [], ['substances']],
    ['Routine enquiry re domestic abuse at the smear: nothing to report.', 33, 'female', [], ['safety']],
    ['Anniversary of her husband dying later this month, coping.', 68, 'female', [], ['mental-wellbeing']],
    ['Had damp and mould in the old house; new flat is dry.', 35, 'female', [], ['housing']],
    ['Worried gas prices could go up after Christmas, managing for now.', 70, 'female', [], ['fuel']],
    ['Would she ever use a food bank? Says she would rather not.', 45, 'female', [], ['food']],
    ['Fit note until the end of the month; SSP ends then if still off.', 50, 'male', [], ['work']],
    ['Works in a care home; says her residents are lonely since the lounge shut.', 30, 'female', [], ['loneliness']],
    ['Colleague lost his job last week. Pt here for a cough.', 45, 'male', [], ['work', 'money']],
    ['Asked whether she gets much help caring for her father - no, he lives independently.', 52, 'female', [], ['caring']],
    ['She has asked whether anyone could help her appeal the PIP decision.', 52, 'female', ['money'], []],
  ]);
});

describe('everyday words the lexicons now know', () => {
  check([
    // housing
    ["Kipping on his cousin's couch since the break-up, using a friend's address for mail.", 30, 'male', ['housing'], []],
    ['Family of three placed in a hotel by the Home Office while the claim is decided.', 29, 'female', ['housing'], []],
    ['Wages cut and she cannot cover the rent this month.', 41, 'female', ['housing'], []],
    ['Neighbours shouting threats through the letterbox; desperate to be rehoused.', 50, 'female', ['housing'], []],
    // safety
    ['Husband holds her bank card and she has to ask his permission to buy anything.', 44, 'female', ['safety'], []],
    ['Terrified of what he might do if he sees the leaflet.', 36, 'female', ['safety'], []],
    ['Bruising to both wrists; the story does not fit, explanation inconsistent.', 27, 'female', ['safety'], []],
    // family
    ['Single dad, nobody to leave the kids with when he works nights.', 35, 'male', ['family'], []],
    ['Grandad has been bringing up his grandson since the boy was two.', 70, 'male', ['family'], []],
    ['Childminder retired and the new nursery place fell through; cannot start her job without childcare.', 31, 'female', ['family', 'work'], []],
    ['Stepson (15) and pt constantly rowing, arguments every night.', 42, 'male', ['family'], []],
    // mental wellbeing
    ['Started crying as soon as she sat down. Lying awake going over the bills.', 48, 'female', ['mental-wellbeing'], []],
    ['Baby cried all night with colic; mum well, feeding fine.', 29, 'female', [], ['mental-wellbeing']],
    // loneliness
    ['Since the stroke the home help is the only person she sees all week.', 81, 'female', ['loneliness'], []],
    ['Stopped going to the choir and the church group, will not answer the door.', 78, 'female', ['loneliness'], []],
    ['Lives alone but not lonely at all, sees her sisters daily.', 82, 'female', [], ['loneliness']],
    ['Isolating for five days with flu, fit note given.', 35, 'male', [], ['loneliness']],
    // caring
    ['Lifts his wife from the bed to the commode several times a night; shattered.', 74, 'male', ['caring'], []],
    ['Brother (30) has bipolar disorder; she manages his medication and gets him to clinic. Worn out.', 45, 'female', ['caring'], []],
    // digital
    ['The booking page needs an email and she has not got an email address.', 79, 'female', ['digital'], []],
    ['Happy using the app, no problems with online ordering.', 70, 'female', [], ['digital']],
    // money
    ['Statutory sick pay only, nothing coming in from the business, wife\'s wage not enough.', 45, 'male', ['money'], []],
    ['Her Adult Disability Payment was refused and she is finding things hard financially.', 57, 'female', ['money'], []],
    ['Pension gone by the middle of the month, borrowing off neighbours.', 72, 'male', ['money'], []],
    ['Never claimed Pension Credit though he is probably entitled to it.', 80, 'male', ['money'], []],
    // work
    ['Handed his P45 when the factory closed last month.', 55, 'male', ['work'], []],
    ['Was let go a fortnight after telling HR about her diagnosis; asks whether that is even allowed.', 46, 'female', ['work', 'legal'], []],
    ['Keen to get back into some sort of paid work after years at home.', 44, 'female', ['work'], []],
    ['Missing lots of college because of caring for her gran.', 18, 'female', ['work'], []],
    // legal
    ['Wants to challenge the council decision on her homeless application.', 33, 'female', ['legal'], []],
    ['Needs someone to speak up for him at the benefits meeting.', 60, 'male', ['legal'], []],
    // long-term condition
    ['Newly diagnosed with Parkinson\'s, head is spinning, wants to talk to someone going through the same.', 62, 'male', ['long-term-condition'], []],
    ['Self-manages well with his inhalers, not interested in groups.', 55, 'male', [], ['long-term-condition']],
    // activity
    ['Wants to shed a few stone before his knee op.', 58, 'male', ['activity'], []],
    ['Says she is ready to pack in the cigs this time.', 40, 'female', ['activity'], []],
    // substances
    ['A couple of cans after work turns into a whole weekend session most weeks.', 33, 'male', ['substances'], []],
    ['Buys the occasional scratchcard, no concerns.', 50, 'male', [], ['substances']],
    // fuel
    ['Only heats the kitchen now; the gas ran out twice last month.', 75, 'female', ['fuel'], []],
    ['Receives the warm home discount, house warm.', 77, 'female', [], ['fuel']],
    // food
    ["Skips her lunch so the kids can eat, buys whatever's cheapest.", 34, 'female', ['food'], []],
  ]);
});
