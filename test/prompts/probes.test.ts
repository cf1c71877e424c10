// Probe notes written for #14 in fresh words (not taken from either corpus half):
// each row says which needs must be prompted and which must not. They keep the
// lexicons and context rules honest about phrasing the corpus does not use.
import { describe, expect, test } from 'vitest';
import { promptsFor } from '../../src/prompts/prompts-for';
import { ctx } from './helpers';

/** [notes, age, needs that must show (GP, top three), needs that must not] */
const PROBES: [string, number, string[], string[]][] = [
  // money
  ['Really struggling financially since her marriage ended, behind on the council tax.', 45, ['money'], []],
  ['Universal Credit stopped after he missed the work coach appointment, no money coming in for a fortnight.', 33, ['money'], []],
  ['Debt letters piling up, owes about £3k on catalogues and a payday lender.', 52, ['money'], []],
  ['Cannae afford his prescriptions and the electric, on a low income.', 61, ['money'], []],
  ['Finances fine, husband works, no debts.', 40, [], ['money']],
  ['Pension covers everything she needs.', 80, [], ['money']],
  ['Benefit of continuing the statin explained, cost of HRT prescription prepayment certificate discussed.', 55, [], ['money']],
  ['Had debts in his twenties, all paid off now.', 48, [], ['money']],
  ['Her son has got himself into debt with a loan shark, she is worried for him. Pt well.', 66, [], ['money']],
  // housing
  ['Flat is freezing and there is black mould in the bairns room, landlord ignoring her.', 29, ['housing'], []],
  ['Partner threw him out last week, sleeping on a pal\'s couch, nowhere permanent.', 24, ['housing'], []],
  ['Council house is not suitable since the amputation, cannot manage the stairs to the bathroom, needs ground floor.', 67, ['housing'], []],
  ['Landlord put the rent up again and she cannot keep up, worried she will lose the flat.', 38, ['housing'], []],
  ['Lives in a two bedroom council flat with husband, no issues.', 70, [], ['housing']],
  ['Was in a homeless hostel years ago, now has her own tenancy.', 41, [], ['housing']],
  ['Works for the housing association as a tenancy officer.', 35, [], ['housing']],
  // food
  ['Goes without meals so the weans get fed, using the larder at the church.', 31, ['food'], []],
  ['Cupboards bare, no money for shopping until Thursday.', 27, ['food'], []],
  ['Eating well, good appetite, weight steady.', 50, [], ['food']],
  ['Food diary for IBS, lactose intolerance discussed.', 34, [], ['food']],
  // fuel
  ['Has not had the heating on since October, can\'t afford to top up the meter.', 77, ['fuel'], []],
  ['Sits with a blanket and her coat on indoors to save on the gas.', 83, ['fuel'], []],
  ['Central heating works well, warm house.', 72, [], ['fuel']],
  ['Blood gas normal. Heat rash on back.', 29, [], ['fuel']],
  // work
  ['Worried about losing his job, been given a final warning for sickness absence.', 44, ['work'], []],
  ['Signed off with stress from work, manager keeps phoning her at home.', 39, ['work'], []],
  ['Long-term sick for two years, would like to get back into some kind of work.', 51, ['work'], []],
  ['Fit note 2/52 after appendicectomy, back to work after that.', 28, [], ['work']],
  ['Works full time as a teacher, enjoys it.', 45, [], ['work']],
  ['Bloods work up for tiredness: FBC, U&E, TFT.', 36, [], ['work']],
  // loneliness
  ['Rarely leaves the house since her husband passed, says the telly is her only company.', 79, ['loneliness'], []],
  ['Moved to Dundee for work, lost touch with friends, spends most evenings alone.', 30, ['loneliness'], []],
  ['Very sociable, at the bowling club most days.', 76, [], ['loneliness']],
  ['Isolated systolic hypertension, recheck BP in 4 weeks.', 64, [], ['loneliness']],
  ['Self-isolating with covid, symptoms mild.', 22, [], ['loneliness']],
  // mental wellbeing
  ['Not herself for months, weepy, lost interest in everything. PHQ-9 18.', 42, ['mental-wellbeing'], []],
  ['Panic attacks on the bus, constant worry about her job.', 26, ['mental-wellbeing'], []],
  ['Mum died in January, still can\'t get out of bed most days.', 37, ['mental-wellbeing'], []],
  ['Mood good, sleeping well, no anxiety.', 33, [], ['mental-wellbeing']],
  ['Stress urinary incontinence, pelvic floor referral.', 48, [], ['mental-wellbeing']],
  ['Father died of an MI aged 54, family history noted for QRISK.', 46, [], ['mental-wellbeing']],
  ['Her friend\'s husband died last month. Pt here for smear.', 39, [], ['mental-wellbeing']],
  // activity
  ['Smokes 15 a day, keen to give up before the baby arrives.', 27, ['activity'], []],
  ['Overweight, sits at a desk all day, wants advice on getting more active.', 47, ['activity'], []],
  ['Gave up smoking 20 years ago. Walks daily.', 70, [], ['activity']],
  ['Exercise tolerance 200 yards, SOB on exertion.', 68, [], ['activity']],
  // caring
  ['Looks after her husband who has Parkinson\'s, does all his meds and washing, exhausted.', 73, ['caring'], []],
  ['Full-time carer for her son who has cerebral palsy, no respite in a year.', 49, ['caring'], []],
  ['Has carers four times a day for personal care.', 88, [], ['caring']],
  ['His daughter is his main carer. Pt frail.', 91, [], ['caring']],
  // substances
  ['Drinking a bottle of wine every night to cope, knows it is too much.', 46, ['substances'], []],
  ['Using cocaine at weekends, wants help to stop.', 25, ['substances'], []],
  ['Betting on the horses most days, lost his savings.', 58, ['substances'], []],
  ['Alcohol: 6 units a week. Non smoker.', 50, [], ['substances', 'activity']],
  ['Hand gel reaction, alcohol wipes avoided.', 35, [], ['substances']],
  ['Dry for 15 years, goes to AA occasionally.', 63, [], ['substances']],
  ['Relapsing-remitting MS, relapse last month treated with steroids.', 34, [], ['substances']],
  // safety
  ['Partner is controlling, checks her phone and will not let her see her family.', 30, ['safety'], []],
  ['Husband hit her last night, bruising to arm, frightened to go home.', 41, ['safety'], []],
  ['Son takes her pension every week and shouts at her.', 82, ['safety'], []],
  ['Feels safe at home, good relationship.', 35, [], ['safety']],
  ['Head injury advice and safety netting given.', 19, [], ['safety']],
  ['Routine enquiry about domestic abuse: no concerns.', 28, [], ['safety']],
  // legal
  ['Asylum claim refused, appealing, has no lawyer.', 29, ['legal'], []],
  ['Needs an advocate for the tribunal over his PIP.', 55, ['legal'], []],
  ['Tennis court injury, sprained ankle.', 32, [], ['legal']],
  // digital
  ['No access to the internet at home and no smartphone, can\'t do the online UC journal.', 50, ['digital'], []],
  ['Not good with computers, struggles with the NHS app.', 74, ['digital'], []],
  ['Books appointments online without bother.', 44, [], ['digital']],
  // transport
  ['Can\'t drive since the stroke, no buses from the village, missed two physio sessions.', 71, ['transport'], []],
  ['Taxi to the Royal costs £30, can\'t afford it every week for dialysis.', 60, ['transport'], []],
  ['Drives, no trouble getting to appointments.', 66, [], ['transport']],
  ['Travel clinic: hepatitis A and typhoid vaccines.', 31, [], ['transport']],
  // family
  ['Struggling with her 14 year old\'s behaviour, excluded from school twice.', 43, ['family'], []],
  ['Lone parent of twins, no family support, exhausted.', 32, ['family'], []],
  ['Family planning: pill restarted.', 24, [], ['family']],
  ['Her daughter is struggling with the new baby. Pt here for BP.', 68, [], ['family']],
  // long-term condition
  ['Newly diagnosed with heart failure, frightened, wants to learn more about the condition.', 62, ['long-term-condition'], []],
  ['COPD getting him down, fed up with it, asks about a support group.', 69, ['long-term-condition'], []],
  ['Asthma well controlled, ACT 25.', 23, [], ['long-term-condition']],
  // hypotheticals, history and others
  ['If the landlord does evict her she knows to call Shelter.', 37, [], ['housing']],
  ['Should money get tight after retirement, Citizens Advice can help.', 64, [], ['money']],
  ['In case things get worse at home she has the Women\'s Aid number.', 33, [], ['safety']],
  ['Used to drink heavily in his thirties.', 62, [], ['substances']],
  ['Gambling problem 2010-2013, none since.', 45, [], ['substances']],
  ['Neighbour is lonely and the pt pops in daily.', 58, [], ['loneliness']],
  ['Her clients are mostly homeless men; she works at the night shelter.', 39, [], ['housing']],
  // round two: templates, negated lists, other people, and everyday phrasing
  ['No financial worries. Lives with supportive husband.', 60, [], ['money', 'loneliness']],
  ['Smoking: never. Alcohol: occasional.', 45, [], ['activity', 'substances']],
  ['Denies any issues with housing, money or food.', 52, [], ['housing', 'money', 'food']],
  ['Previously used the food bank in 2019 during a redundancy, fine now.', 44, [], ['food', 'work']],
  ['Historic heroin use, 10 years clean.', 47, [], ['substances']],
  ['Explained that Women\'s Aid is available should she ever need it.', 31, [], ['safety']],
  ['Her sister has been made redundant and is struggling.', 50, [], ['work', 'money']],
  ['Husband is a heavy drinker but pt does not drink.', 57, [], ['substances']],
  ['Discussed that if his hours are cut he could apply for UC.', 36, [], ['money', 'work']],
  ['Rent arrears resolved with help from the council.', 40, [], ['housing', 'money']],
  ['Wife is his carer.', 84, [], ['caring']],
  ['Asked about money worries - none.', 67, [], ['money']],
  ['Was sofa surfing when younger, now settled.', 35, [], ['housing']],
  ['Her daughter has postnatal depression; pt helping out.', 55, [], ['mental-wellbeing']],
  ['Social history: lives alone, independent, no carers, drives.', 79, [], ['loneliness', 'caring', 'transport']],
  ['Stress test booked. Work up for chest pain.', 58, [], ['mental-wellbeing', 'work']],
  ['Money\'s a nightmare since the divorce.', 42, ['money'], []],
  ['Says she is stony broke until payday.', 30, ['money'], []],
  ['Waiting 5 weeks for his first UC payment.', 26, ['money'], []],
  ['Freezing at home, can\'t put the heating on.', 80, ['fuel'], []],
  ['Got a notice from the council to leave the flat by March.', 39, ['housing'], []],
  ['Struggling to pay for food, uses the Trussell Trust.', 33, ['food'], []],
  ['Off sick, employer threatening to sack him.', 45, ['work'], []],
  ['Feels cut off out in the country since she stopped driving.', 77, ['loneliness'], []],
  ['Doesn\'t have anyone to talk to.', 66, ['loneliness'], []],
  ['Not sleeping with worry about the kids.', 38, ['mental-wellbeing'], []],
  ['Son killed in a car crash last year, not coping.', 61, ['mental-wellbeing'], []],
  ['Spending all his money on scratchcards.', 49, ['substances'], []],
  ['Frightened of her ex who has just been released from prison.', 34, ['safety'], []],
  ['Home Office interview next week, no legal representation.', 28, ['legal'], []],
  ['Can\'t get to the hospital in Inverness, no car and the bus takes three hours.', 70, ['transport'], []],
  ['Struggling with the baby, partner no help at all.', 27, ['family'], []],
  ['Keen to lose a few stone before her knee op.', 56, ['activity'], []],
  ['Smoker 20/day, thinking about quitting.', 41, ['activity'], []],
  ['Stress at home.', 40, [], ['mental-wellbeing']],
  // round three: more ways of saying the varied needs
  ['Provides care for her partner with MS, finding it a struggle.', 52, ['caring'], []],
  ['Her mum has advanced COPD and the pt does her shopping, cleaning and meds every day.', 48, ['caring'], []],
  ['Has to do everything for her husband since his stroke.', 70, ['caring'], []],
  ['Looks after elderly mother with dementia who lives with them.', 55, ['caring'], []],
  ['Worried about job security, contract up for renewal.', 39, ['work'], []],
  ['Employer not making any adjustments for his back.', 47, ['work'], []],
  ['Can\'t hold down a job because of his anxiety.', 29, ['work'], []],
  ['Struggling emotionally since the miscarriage.', 31, ['mental-wellbeing'], []],
  ['Lots of stress about money and the kids.', 36, ['mental-wellbeing'], []],
  ['Mood swings and irritability, short fuse with everyone.', 44, ['mental-wellbeing'], []],
  ['Since her husband died she rarely sees anyone.', 81, ['loneliness'], []],
  ['Only leaves the flat for appointments now.', 77, ['loneliness'], []],
  ['Finding it hard to live with her arthritis, asks about support for people with it.', 63, ['long-term-condition'], []],
  ['Chronic pain getting her down, wants to understand her condition better.', 54, ['long-term-condition'], []],
  ['Fed up of being breathless all the time.', 71, ['long-term-condition'], []],
  ['Teenage daughter self-harming, pt very worried.', 45, ['family'], []],
  ['Going through a custody battle over the kids.', 35, ['family'], []],
  ['Running out of food before payday most months.', 28, ['food'], []],
  ['Says it is heat or eat this winter.', 69, ['fuel', 'food'], []],
  ['No car and the bus into town is too dear, missing physio.', 58, ['transport'], []],
  // and the same words where they must stay quiet
  ['Carer for 20 years until her mother died in 2015.', 66, [], ['caring']],
  ['Her sister provides care for their mum.', 50, [], ['caring']],
  ['Job secure, happy at work.', 41, [], ['work']],
  ['Mood stable, no anxiety, coping well with the new job.', 38, [], ['mental-wellbeing', 'work']],
  ['Sees friends every day at the day centre, not lonely.', 83, [], ['loneliness']],
  ['Arthritis stable on current analgesia, no concerns.', 66, [], ['long-term-condition']],
  ['Daughter doing well at school.', 40, [], ['family']],
  ['Eating well, no problems with food.', 30, [], ['food']],
  ['Bills.', 40, [], ['money']],
  ['Heating.', 40, [], ['fuel']],
  ['Court.', 40, [], ['legal']],
  ['Transport.', 40, [], ['transport']],
  ['Exercise.', 40, [], ['activity']],
  // round five: endings, offers declined, people at work
  ['Was a carer for her late husband.', 71, [], ['caring']],
  ['Sofa surfing last year but now has his own flat.', 27, [], ['housing']],
  ['Had a gambling problem, got help, no longer gambles.', 44, [], ['substances']],
  ['Offered a food bank voucher but declined.', 36, [], ['food']],
  ['Will need a carer when discharged.', 85, [], ['caring']],
  ['Debts now paid off.', 49, [], ['money']],
  ['Used the food bank during lockdown.', 33, [], ['food']],
  ['Teacher, worried about her pupils living in poverty.', 41, [], ['money']],
  ['Anxiety about the eviction hearing next week.', 37, ['mental-wellbeing', 'housing'], []],
  ['Sick pay runs out next month and he still cannot work.', 50, ['work'], []],
  ['Has no family and rarely gets visitors.', 80, ['loneliness'], []],
  ['Needs a lift to every appointment since losing her licence.', 68, ['transport'], []],
  ['Mood \u2193, poor sleep.', 44, ['mental-wellbeing'], []],
  ['Anxiety ++ about the court case.', 39, ['mental-wellbeing'], []],
  ['DV from ex-partner, police involved.', 30, ['safety'], []],
  ['Not working since the accident, worried about money.', 48, ['work', 'money'], []],
  ["Worried about her son's drinking.", 58, [], ['substances']],
  ["Her husband's gambling debts are mounting.", 47, [], ['substances', 'money']],
  ["Struggling since her husband's death in the spring, very low.", 70, ['mental-wellbeing'], []],
  ['A friend of hers is homeless.', 35, [], ['housing']],
  ['Domestic abuse in a previous relationship, now safe.', 40, [], ['safety']],
  ['Housing stable, finances secure.', 55, [], ['housing', 'money']],
  ['Worried she might lose her flat as the landlord is selling.', 39, ['housing'], []],
  ['Link worker referral re isolation.', 80, ['loneliness'], []],
  ['Letter to housing re damp in the bedroom.', 33, ['housing'], []],
  ['Supporting letter for her PIP tribunal.', 47, ['money', 'legal'], []],
  ['No concerns re housing or finances.', 47, [], ['housing', 'money']],
  // round four: where a cue's reach ends
  ['Denies SI, low mood for three months.', 34, ['mental-wellbeing'], []],
  ['Low mood, suicidal ideation denied.', 34, ['mental-wellbeing'], []],
  ['Recurrence of low mood, previously on sertraline.', 46, ['mental-wellbeing'], []],
  ['Asked if she could get help with her debts.', 41, ['money'], []],
  ['Alcohol: nil. Smoking - never. Money: no problems.', 52, [], ['substances', 'activity', 'money']],
];

/** Rows whose reading depends on the patient's sex ("she" is the patient, or the daughter). */
const BY_SEX: [string, 'female' | 'male', string[], string[]][] = [
  ['Husband left in March, she is very low and not sleeping.', 'female', ['mental-wellbeing'], []],
  ['Wife died last year, he is lonely and drinking more.', 'male', ['loneliness', 'substances'], []],
  ['Son moved to Canada and she feels lonely.', 'female', ['loneliness'], []],
  ['Partner walked out, he cannot afford the rent on his own now.', 'male', ['money'], []],
  ['Her daughter is lonely and she worries about her.', 'female', [], ['loneliness']],
  ['Her son is drinking heavily, he lost his job.', 'female', [], ['substances', 'work']],
  ['Partner throws things when drunk, she is frightened at home.', 'female', ['safety'], []],
  ['Husband died last year, lives alone now and rarely goes out.', 'female', ['loneliness'], []],
  ['Partner left in the summer, can\'t afford the rent on her own.', 'female', ['money'], []],
  ['Lives with her mum who has dementia, she is exhausted and gets no break.', 'female', ['caring'], []],
  ['Her son has moved out and is using drugs again.', 'female', [], ['substances']],
  ['Daughter concerned he is not eating and the house is cold.', 'male', ['fuel'], []],
  ['Son says she has not been out of the flat in weeks.', 'female', ['loneliness'], []],
  ['Wife reports he is drinking a bottle of whisky a day.', 'male', ['substances'], []],
  ['Daughter says she is struggling with her own rent.', 'female', [], ['money', 'housing']],
];

describe('probe notes (#14)', () => {
  test.each(PROBES)('%s', (notes, age, shown, notShown) => {
    const needs = promptsFor(ctx({ notes, age }), { role: 'gp', limit: 3 }).map((p) => p.need);
    for (const n of shown) expect(needs, `${n} should show`).toContain(n);
    for (const n of notShown) expect(needs, `${n} should not show`).not.toContain(n);
  });

  test.each(BY_SEX)('%s (%s patient)', (notes, sex, shown, notShown) => {
    const needs = promptsFor(ctx({ notes, sex, age: 50 }), { role: 'gp', limit: 3 }).map((p) => p.need);
    for (const n of shown) expect(needs, `${n} should show`).toContain(n);
    for (const n of notShown) expect(needs, `${n} should not show`).not.toContain(n);
  });
});
