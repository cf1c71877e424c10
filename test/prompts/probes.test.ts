// Probe notes written for #14 in fresh words (not taken from either corpus half):
// each row says which needs must be prompted and which must not. They keep the
// lexicons and context rules honest about phrasing the corpus does not use.
import { describe, expect, test } from 'vitest';
import type { PatientContext } from '../../src/context/patient-context';
import { promptsFor } from '../../src/prompts/prompts-for';
import { ctx } from './helpers';

/** [notes, age, needs that must show (GP, top three), needs that must not] */
const PROBES: [string, number, string[], string[]][] = [
  // Sixteenth session: four changes from dev37's misses, narrowed after a hostile review (120 notes). What they read,
  // and what the review showed they must not.
  ['Only puts the heater on for an hour a day to keep the bills down. Lives alone, frail.', 88, ['fuel'], []],
  ['Falls prevention advice: put the heater on for half an hour before bathing so the bathroom is warm.', 80, [], ['fuel']],
  ['Nightshift worker. Puts the heating on for an hour when he gets in so the baby sleeps.', 34, [], ['fuel']],
  ['Registered blind. Application for companion travel card completed today - needs a sighted guide to get to eye clinic.', 62, ['transport'], []],
  ["Form for son's concessionary travel card (autism) - son registered at another practice. Pt here for own asthma.", 44, [], ['transport']],
  ['Wants the concession travel card photo updated - card expired, still entitled. No problems getting about.', 70, [], ['transport']],
  ['Clinic letter from the IBD group, Western General: calprotectin 30, in remission, continue azathioprine.', 39, [], ['long-term-condition']],
  ['Struggling with the toddler tantrums, wants to hear how others cope. Mood otherwise ok.', 31, [], ['long-term-condition']],
  ['Offered befriending and the exercise referral - adamant she doesn\'t want them, "I just get on wi it".', 74, [], ['loneliness', 'activity']],
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
  // Thirteenth session: a work-support rule (occupational health, an adjustment and a worry) was withdrawn after three
  // hostile reviews; these notes, its reviews' worst cases, prompt no work need.
  ['OH 30u/wk, mostly weekends. T2DM - metformin dose adjustments made, worried about his sugars.', 61, [], ['work']],
  ['Phased return completed last month, back on full hours. OH have signed her off. Was stressed, now fine.', 49, [], ['work']],
  ['Post MI. Phased return agreed with employer, OH involved. Happy with plan, a bit anxious about the stairs.', 58, [], ['work']],
  ['Knee arthroscopy. Says "oh I will be back in no time", worried about the stairs at home. Advised reduced duties.', 41, [], ['work']],
  ['Palpitations, HR 112. Stressed. OH nurse by trade, retired.', 66, [], ['work']],
  ['Lives with OH and 2 kids. Back at work on reduced hours after mat leave. Worried about the toddler\'s eczema.', 33, [], ['work']],
  ['Seen by occupational health. Light duties agreed. Struggling with the pain at night, using co-codamol.', 50, [], ['work']],
  // Unclaimed Scottish benefits as money were withdrawn after three reviews (ineligibility is said in too many ways); a
  // benefit not needed stays quiet, a benefit decision still prompts.
  ['Not applied for Child Disability Payment as the baby does not need it - hearing screen passed.', 31, [], ['money']],
  ['Community Care Grant not applied for - moved into a furnished flat so no need.', 24, [], ['money']],
  ['Adult Disability Payment decision - 0 points awarded. Wants to ask for redetermination.', 58, ['money'], []],
  // Living on one's own pension is not living alone; working at a bookmaker's is not gambling, spending time there is;
  // panic on buses is not a transport need; "until the shops shut" is neither a job loss nor transport. ("Barely leaves
  // the house" and "stopped going out/to the club" as loneliness were withdrawn: a newborn, a care home with company.)
  ['Plantar fasciitis. Stopped going out for runs, swimming instead.', 40, [], ['loneliness']],
  ['New baby 3 wks, barely left the house - normal, partner on paternity leave, mum staying. EPDS 4.', 29, [], ['loneliness']],
  ['Taxi driver. Spends hours between shifts at the bookies, lost £2k this month.', 45, ['substances'], []],
  ['Retired teacher, living on her own pension, husband well, busy with grandchildren.', 70, [], ['loneliness']],
  ['Manages a bookmaker\'s shop in town, branch closing, at risk of redundancy.', 34, [], ['substances']],
  ['Panic attacks, worse on buses and in shops, avoiding going out.', 23, ['mental-wellbeing'], ['transport']],
  ['Gets the bus into town to sit in the library until the shops shut, just to see folk.', 71, [], ['work', 'transport']],
  // Patterns learned from dev4/dev5 (nurses, pharmacists, GPs on the phone), written afresh here.
  ['Says the pension never stretches to the end of the month.', 79, ['money'], []],
  ['Has never claimed pension credit or attendance allowance, did not know she could.', 84, ['money'], []],
  ['Knee pain. Asked about a bus pass as she can no longer walk to the shops.', 71, ['transport'], []],
  ['BMI 41, keen for weight mgmt referral.', 50, ['activity'], []],
  ['BMI 22, weight steady, no concerns.', 35, [], ['activity']],
  ['Ex keeps breaching his bail conditions and coming to the door.', 31, ['safety'], []],
  ['Turns the heating off when the kids are at school to save money.', 36, ['fuel'], []],
  ['Nobody smokes at home, no pets.', 9, [], ['loneliness']],
  ['Skin prick test positive for house dust mite and mould spores.', 27, [], ['housing']],
  ['Damp problem in her old flat, since rehoused and the new flat is dry.', 44, [], ['housing']],
  ['Employer is holding his passport and taking money off his wages.', 26, ['legal'], []],
  ['Gave info about family support for her to pass on to her sister.', 58, [], ['family']],
  // Context rules learned from dev6/dev7 (long narrative notes, receptionists' messages), written afresh here.
  ['Pt asking if there is a lunch club nearby as she never sees anyone.', 81, ['loneliness'], []],
  ['Asked if lonely - laughed, says the house is never empty.', 77, [], ['loneliness']],
  ['Lives out past the quarry and the only bus does not get in till eleven.', 68, ['transport'], []],
  ['Two years ago she was in rent arrears after her hours were cut; all paid now and no worries about money.', 40, [], ['money', 'housing']],
  ['In his twenties he had a gambling problem, none for years.', 55, [], ['substances']],
  ['Through the eighties he was on the broo and skint, retired comfortably now.', 70, [], ['money']],
  ['Mum of 3, skipping meals so the kids get fed.', 34, ['food'], []],
  ['Her son is in Australia and since the club closed the days are awful long, I am talking to the telly.', 84, ['loneliness'], []],
  ['Cost of living questions asked: no arrears, heating on as normal, not skipping meals.', 60, [], ['money', 'fuel', 'food']],
  ['She speaks about her late husband with warmth rather than distress.', 79, [], ['mental-wellbeing']],
  // Context rules learned from dev8 (mixed voices), written afresh here.
  ['- gambling: denies', 45, [], ['substances']],
  ['Heroin use in the past, in recovery for six years.', 50, [], ['substances']],
  ['Paternal grandfather next door is struggling with money; she is fine.', 29, [], ['money']],
  ['Client reports her elderly uncle is very isolated.', 47, [], ['loneliness']],
  ['Toddler having tantrums, mum asking for help managing his behaviour.', 28, ['family'], []],
  // A need's own look-alikes ("notThisNeed") hide its words only, not another need's.
  ['Says she feels flat most of the time these days.', 52, ['mental-wellbeing'], ['housing']],
  ['Feels isolated, low mood since retiring.', 66, ['mental-wellbeing', 'loneliness'], []],
  ['Isolated low sodium on the last bloods, repeat U&E.', 66, [], ['loneliness', 'mental-wellbeing']],
  ['Threats of eviction from the landlord over the arrears.', 37, ['housing'], ['safety']],
  // "stress test" is an ignore look-alike, for every need: without it "stress" and "work" would pair for work.
  ['Exercise stress test at work next week.', 58, [], ['mental-wellbeing', 'work', 'money', 'housing']],
  // Patterns learned from dev9/dev10 (registrars and CPNs; review templates and pasted letters), written afresh here.
  ['Gambling: no / Alcohol: 2 units a week / Caring responsibilities: No', 44, [], ['substances', 'caring']],
  ['Housing concerns: none.', 70, [], ['housing']],
  // Found in review: a label that asks about something good is not denied by "no"; cues that read back stay in reach.
  ['Able to afford food: no', 41, ['food'], []],
  ['Seen today. Was homeless last night, slept in the car.', 33, ['housing'], []],
  ['Drinking a bottle of vodka a day, had been sober since 2021 until the funeral.', 55, ['substances'], []],
  ['Cannot get to appointments since the car was written off.', 70, ['transport'], []],
  ['Struggling with debt, at some point will need to see CAB.', 45, ['money'], []],
  ['Letter for transfer to the renal unit faxed.', 66, [], ['housing']],
  ['Child contact arranged via health visitor.', 30, [], ['family']],
  // Found by a second review trying hostile wording against new cues (each hid a current need; all withdrawn).
  ['Seen with sore ribs. Husband kicked her on Saturday - denies SOB or haemoptysis.', 34, ['safety'], []],
  ['Injecting heroin into groin daily - never shares works.', 38, ['substances'], []],
  ['Partner left last month. Feels she might end it all, has been stockpiling tablets.', 45, ['mental-wellbeing'], []],
  ['Disclosed partner hit her at the weekend, ASSIST leaflet given to keep.', 29, ['safety'], []],
  ['Partner strangled her last week, MARAC referral as a precaution.', 31, ['safety'], []],
  ['Could consider naloxone as injecting heroin daily.', 40, ['substances'], []],
  ['DV disclosed to police: no', 36, ['safety'], []],
  ['Rent affordable: no', 36, ['money'], []],
  ['Phone or internet: no', 70, ['digital'], []],
  ['Plans to leave her abusive husband at some point.', 44, ['safety'], []],
  ['Same money worries as when the kids were small.', 48, ['money'], []],
  ['Applying for a DRO to get her debts written off.', 39, ['money'], []],
  ['Landlord won\'t keep the flat in good repair, water coming in.', 41, ['housing'], []],
  ['Asked re debts - owes 3k on catalogues.', 37, ['money'], []],
  ['Phoned the council about the repair, no joy.', 52, [], ['mental-wellbeing']],
  ['Advised to contact her solicitor about the accident claim.', 45, [], ['family']],
  ['Symptoms dismissed by previous GP for years.', 50, [], ['work']],
  ['Fit note: amended duties, no night shifts for 2 weeks.', 44, [], ['work']],
  ['Has pre-settled status, works in a care home.', 33, [], ['legal']],
  // Found by a third review: cues and answers that reached too far (all withdrawn or narrowed).
  ['Very low, suicidal thoughts daily, would like to pass on.', 41, ['mental-wellbeing'], []],
  // Fourteenth session: "life not worth living" and its abbreviation TLNWL (a reviewer's note in the thirteenth session got
  // nothing); asked and denied, it stays quiet, and a relative's words are not the patient's.
  ['TLNWL at times, no active plans, protective factors her kids.', 34, ['mental-wellbeing'], []],
  ['Says life isn\'t worth living since the divorce.', 47, ['mental-wellbeing'], []],
  ['Asthma review. Asked re TLNWL - denies.', 38, [], ['mental-wellbeing']],
  ['No TLNWL. Sleeping ok.', 26, [], ['mental-wellbeing']],
  ['Landlord says the flat is not worth living in, damp everywhere, kids wheezy.', 31, ['housing'], ['mental-wellbeing']],
  ['Feels life not worth living in this state, low mood since the stroke.', 67, ['mental-wellbeing'], []],
  ['Husband says life not worth living since his stroke. Pt coping well, BP fine.', 70, [], ['mental-wellbeing']],
  ['Drinking 2 bottles of vodka a day, agreed for me to pass on referral to ADS.', 50, ['substances'], []],
  ['Told her to stop using cocaine but she kept on.', 28, ['substances'], []],
  ['Tried to stop self harming but kept on cutting.', 19, ['mental-wellbeing'], []],
  ['Afraid of partner - partner drives her.', 39, ['safety'], []],
  ['Self harming, said she dont need help.', 17, ['mental-wellbeing'], []],
  ['Partner bit the patient on the arm.', 33, ['safety'], []],
  ['She bit her lip during the seizure.', 24, [], ['safety']],
  ['Got told winter fuel payment stopped this year.', 81, ['fuel'], []],
  ['Practice manager refused to backdate the prescription.', 60, [], ['work']],
  ['Absence seizure management plan updated.', 12, [], ['work']],
  ['Worried about a shift in bowel habit.', 58, [], ['work']],
  ['Nothing gives her more joy than her grandchildren.', 72, [], ['mental-wellbeing']],
  ['Hoping to meet friends for coffee after the clinic.', 66, [], ['loneliness']],
  ['Eligible for funded hours for nursery from August.', 30, [], ['family']],
  // Patterns learned from dev11 (compact EMIS entries, mood shown indirectly), written afresh here.
  ['Intrusive thoughts about harm coming to the baby, EPDS 16.', 31, ['mental-wellbeing'], []],
  ['Says nothing gives her any joy these days.', 52, ['mental-wellbeing'], []],
  ['Meltdowns every night since starting P1, school on the phone daily.', 35, ['family'], []],
  ['Manager refusing to move him off nights.', 44, ['work'], []],
  ['Debt was written off last year, finances fine now.', 47, [], ['money']],
  ['Was isolated after the move but now goes to the lunch club most days.', 77, [], ['loneliness']],
  ['Catalogue debt was written off by the advice shop, managing fine now.', 48, [], ['money']],
  ["Offered a benefits check - says she doesn't need it.", 58, [], ['money']],
  ['Off work for six weeks with stress, absence meeting next week.', 45, ['work', 'mental-wellbeing'], []],
  ['Agency has given him no shifts this month.', 23, ['work'], []],
  ['Neighbours playing loud music every night and the council will not act.', 52, ['housing'], []],
  ['Cannot see how she will pay the funeral bill.', 71, ['money'], []],
  ['Pre-settled status runs out in March and she has not applied.', 30, ['legal'], []],
  ['Says the surgery is the only place he talks to anybody.', 80, ['loneliness'], []],
  ['Comes home to an empty house since his wife went into the care home.', 83, ['loneliness'], []],
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
  // Fourteenth session (dev35, two hostile reviews): adult support & protection written with "&"; a relative or carer
  // stealing from her purse; violence at work and animal bites are not domestic safety. Withdrawn after review, so these
  // stay as they were: "feels very unsafe" (stairs, driving, a ceiling), "ASP discussed" (aspirin, aspiration), "NHO"
  // (the patient who breached it, a sheriff clerk), "handy wi his fists" (the patient himself, a boxer), "not safe to talk"
  // (driving, voice rest), "using pt's flat to sell" (Avon, tablet, a let flat), "set the dog on" (a shepherd, a therapy dog).
  ['Daughter (carer) suspected of taking her money. Adult support & protection referral to SW today.', 84, ['safety'], []],
  ['Doorbell camera caught the carer stealing from pt\'s purse on Tuesday. Agency and SW informed.', 88, ['safety'], []],
  ['Bus driver. Assaulted by a passenger on Friday night, R shoulder strain. Police involved.', 47, [], ['safety']],
  ['Prison officer. Prisoner assaulted him during a cell search, jaw sore.', 39, [], ['safety']],
  ['Own labrador bit him when he took a bone off it. Wound cleaned.', 52, [], ['safety']],
  ['F/U fall at home. Feels very unsafe on the stairs now, sleeping downstairs.', 82, [], ['safety']],
  ['AF review. Asp discussed - aspirin not recommended for stroke prevention, switch to apixaban.', 71, [], ['safety']],
  ['Sheriff clerk. Stress - dealing with NHO applications all day. No DA in own life.', 44, [], ['safety']],
  ['Hill shepherd. He set the dog on a yowe that broke away and went over on his knee.', 58, [], ['safety']],
  ['Husband hit her on Saturday, bruise L orbit, third time. Also threatened by a customer at work last week.', 36, ['safety'], []],
  // The code review's cases: the work look-alikes name the worker's own public, never a client, a resident or a
  // service user (a sex worker's client, a fellow care-home resident), and only with the noun right before the verb.
  ['Ex-partner came into the shop as a customer and threatened her.', 33, ['safety'], []],
  ['Sex worker. Sexually assaulted by a client last week, doesn\'t want police.', 27, ['safety'], []],
  ['Care home resident. Assaulted by a fellow resident overnight, bruised forearm.', 86, ['safety'], []],
  ['Headache and L pupil larger after hit by partner on Saturday night.', 30, ['safety'], []],
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
  ['No financial, housing or food concerns.', 60, [], ['money', 'housing', 'food']],
  ['Anxiety about everything since the divorce.', 44, ['mental-wellbeing'], []],
  ['Anxiety well controlled on sertraline.', 44, [], ['mental-wellbeing']],
  ['Good support from family, lives with husband and two kids.', 38, [], ['family', 'loneliness']],
  // round four: where a cue's reach ends
  ['Denies SI, low mood for three months.', 34, ['mental-wellbeing'], []],
  ['Low mood, suicidal ideation denied.', 34, ['mental-wellbeing'], []],
  ['Recurrence of low mood, previously on sertraline.', 46, ['mental-wellbeing'], []],
  ['Asked if she could get help with her debts.', 41, ['money'], []],
  ['Alcohol: nil. Smoking - never. Money: no problems.', 52, [], ['substances', 'activity', 'money']],
  // Learned from dev16 (registrars, locums, fit notes, parents; seventh session), written afresh here.
  ['BP 150/95 on two readings, no other concerns.', 58, [], ['mental-wellbeing', 'money']],
  ['Agency has given her no shifts since she asked for time off.', 29, ['work'], []],
  ['HR warning about his absences, manager not supportive.', 41, ['work'], []],
  ['Employer now talking about capability after months of long covid.', 46, ['work'], []],
  ['Zero hrs contract in a warehouse, never knows his week.', 23, ['work'], []],
  ['Boss pushing her to come back before she is ready.', 39, ['work'], []],
  ['Ex will not let him see the kids, solicitor involved.', 36, ['family'], []],
  ['Day 1 post-op, tolerating tea and toast, wound clean.', 62, [], ['food']],
  ['Food runs out the last week of the month.', 37, ['food'], []],
  ['Panics in crowds, avoids the shops.', 30, ['mental-wellbeing'], []],
  // A hostile review of that round: a slash between digits still ends a clause, so a "nil" after a figure
  // never cancels what came before it; and these look-alikes stay quiet.
  ['Partner punched her 3/7 ago nil visible injury.', 30, ['safety'], []],
  ['Superficial cuts L forearm 2/7 ago nil SI.', 19, ['mental-wellbeing'], []],
  ['Using heroin 2/12 nil IVDU.', 33, ['substances'], []],
  ['Skipping meals 1/12 nil weight loss.', 45, ['food'], []],
  ['Dog food ran out, popped to the shop.', 50, [], ['food']],
  ['D&V 2/7, just tea and toast yesterday.', 40, [], ['food']],
  ['Baby greeting in consultation, ears clear.', 1, [], ['mental-wellbeing']],
  ['Family mediation went well, contact agreed.', 38, [], ['family']],
  ['Since work finished for the summer holidays, enjoying time with the kids.', 35, [], ['work']],
  ['Packing in his job to go travelling.', 27, [], ['work']],
  // A denial inside a clause followed by another finding denies that finding, not what came before it (seventh
  // session: "Low mood nil SI" prompted nothing). A label's answer denies the label whatever follows, unless it opens
  // with a finding that comes with the label's own and does not restate it (eighth session: "Low mood: denies SI" and
  // "Partner hit her - nil injuries" prompted nothing; a review of 454 template answers kept every other reading).
  ['Low mood nil SI.', 40, ['mental-wellbeing'], []],
  ['Low mood: denies SI.', 40, ['mental-wellbeing'], []],
  ['Partner hit her - nil injuries.', 30, ['safety'], []],
  ['Low mood: nil biological sx.', 40, ['mental-wellbeing'], []],
  ['Partner pushed her: nil marks.', 30, ['safety'], []],
  ['Self harm: denies intent.', 24, [], ['mental-wellbeing']],
  ['Debt: none known to practice.', 50, [], ['money']],
  ['DV: denies being hit.', 30, [], ['safety']],
  ['Damp: none seen on HV.', 30, [], ['housing']],
  ['DV: denies DA.', 30, [], ['safety']],
  ['Domestic abuse: denies, nil concerns.', 30, [], ['safety']],
  ['Self harm: denies DSH.', 19, [], ['mental-wellbeing']],
  ['Self harm: denies current.', 19, [], ['mental-wellbeing']],
  ['Gambling: denies betting.', 30, [], ['substances']],
  ['Mould: none in flat.', 30, [], ['housing']],
  ['Debt: none except mortgage.', 50, [], ['money']],
  ['Food insecurity: denies skipping meals.', 50, [], ['food']],
  // Self-harm said plainly, from the same review: these prompted nothing at all.
  ['Overdose last night, denies intent.', 22, ['mental-wellbeing'], []],
  ['Cutting arms again, denies SI.', 17, ['mental-wellbeing'], []],
  ['Denies cutting her arms.', 17, [], ['mental-wellbeing']],
  ['Her son took an overdose last night, pt very shaken but coping.', 50, ['family'], ['mental-wellbeing']],
  ['Drinking heavily nil withdrawal sx.', 50, ['substances'], []],
  ['Rent arrears nil payments made since March.', 44, ['money'], []],
  ['Foodbank: never needed.', 39, [], ['food']],
  ['Alcohol: nil units.', 60, [], ['substances']],
  ['Self harm: none since 2019.', 28, [], ['mental-wellbeing']],
  ['Money worries none at all.', 55, [], ['money']],
  ['Illicit drugs: denies use.', 30, [], ['substances']],
  ['Gambling: never gambled.', 45, [], ['substances']],
  ['DV: denies any history.', 33, [], ['safety']],
  // Ninth session (dev18): a job given up or left for a reason, written afresh; and what a hostile review
  // made the first, wider version prompt on (retiring, an allotment, leaving for work, a job medical).
  ['Has had to give up her job because of the fibromyalgia, feels useless.', 52, ['work'], []],
  ['Having to leave her job as she cannot manage the shifts with the pain.', 47, ['work'], []],
  ['Gave up his job at 65, retired, enjoying the golf.', 67, [], ['work']],
  ['Gave up his work on the allotment after the hip op.', 72, [], ['work']],
  ['Has to leave for her job at 6am so wants an early appointment.', 39, [], ['work']],
  ['Has to quit smoking before his job medical.', 34, [], ['work']],
  ['Her son had to leave his job when the factory shut. Pt well, BP check.', 63, [], ['work']],
  // Ninth session (dev19), kept after a third hostile review withdrew the rest: a job offer taken back, and
  // anxiety about a routine procedure that is only that (anxiety with more to it still prompts).
  ['Job offer rescinded when he disclosed his epilepsy.', 29, ['work'], []],
  ['No job offer withdrawn, starts in August.', 22, [], ['work']],
  ["Her son's job offer was withdrawn. Pt well.", 58, [], ['work']],
  ["Anxious about tomorrow's biopsy, reassured.", 61, [], ['mental-wellbeing']],
  ['Anxious about the coil fitting, not slept for a week, tearful and low.', 33, ['mental-wellbeing'], []],
  // A child's home is the household a parent describes (context.json `childHousehold`): for a patient of 15 or
  // younger, a parent as the subject does not make housing, money, food, fuel or transport someone else's. A
  // parent's possessive, another relation and the parent's own needs stay theirs; adults are unchanged.
  ['Dad says the flat is running with damp and the wee one coughs all night.', 6, ['housing'], []],
  ['Mum says they have been in a B&B for three weeks since the fire.', 3, ['housing'], []],
  ['Mum says the electric meter keeps running out and the house is cold.', 2, ['fuel'], []],
  ['Father says they cannot afford the train fare to the childrens hospital.', 9, ['transport'], []],
  ['Father says they cannot afford the train fare to the childrens hospital.', 40, [], ['transport', 'money']],
  ['Mum says black mould in the bedroom.', 15, ['housing'], []],
  ['Mum says black mould in the bedroom.', 16, [], ['housing']],
  ['Mum says her friend is being evicted.', 5, [], ['housing']],
  ['Mum says her sister is in rent arrears.', 9, [], ['housing', 'money']],
  // A parent's own parent is another household; both parents are the child's (found in review).
  ['Mum says her mother cannot afford to heat the house.', 8, [], ['fuel', 'money', 'housing']],
  ['Dad says his father cannot afford food.', 8, [], ['food', 'money']],
  ['Mum and dad say they have been evicted.', 8, ['housing'], []],
  ["Dad's flat is damp; she lives with her mum.", 8, [], ['housing']],
  ['Mum says no money worries and the house is warm.', 6, [], ['money', 'fuel']],
  ['Mum says she is very low and drinking more.', 7, [], ['mental-wellbeing', 'substances']],
  // A denial whose first item is itself a signal ("no work", "no money"): a head noun right after it, or after
  // "or"/"and", makes the whole a denied list (dev20). A comma ends the list: "No money, worries about the rent".
  ['No work worries.', 35, [], ['work']],
  ['Money fine, no money or work worries.', 50, [], ['money', 'work']],
  ['No heating or money worries this winter.', 70, [], ['fuel', 'money']],
  ['No job, worries about the future.', 40, ['work'], []],
  // ... but "and", or a head noun that opens a finding of its own, is two findings (found in review).
  ['No money and problems with the landlord.', 40, ['money', 'housing'], []],
  ['No job and debt problems.', 40, ['work', 'money'], []],
  // Phrases learned from dev20 (a rural and island practice), written afresh here, with the look-alikes a hostile
  // review (213 notes) found: each narrowed until those stayed quiet.
  ['Says the carer was the first person shes spoken to all week.', 88, ['loneliness'], []],
  ['The pharmacist was the first person she spoke to about the rash.', 40, [], ['loneliness']],
  ['Nobodys been near her since Christmas.', 80, ['loneliness'], []],
  ['Nobody has been near the wound since Friday.', 80, [], ['loneliness']],
  ['Friends have all drifted away since the stroke.', 66, ['loneliness'], []],
  ['Friends drifted off after school, has made new ones at uni.', 19, [], ['loneliness']],
  ['No one to take her to the eye clinic in Inverness.', 84, ['transport'], []],
  ['The day centre minibus was axed in the spring, so he stays in.', 85, ['transport'], []],
  ['School minibus cancelled for snow today.', 44, [], ['transport']],
  ['Heating the living room with the cooker since the boiler broke.', 79, ['fuel'], []],
  ['Uses the oven to heat up ready meals.', 79, [], ['fuel']],
  ['Electric meter top ups are eating her pension.', 80, ['fuel'], []],
  ['Phone top ups eat into her money.', 17, [], ['fuel']],
  ['Would like to meet other people with Parkinsons.', 70, ['long-term-condition'], []],
  ['Laid off at the end of the season, nothing till April.', 30, ['work'], []],
  ['There is nothing else going here over the winter, would like a course.', 34, ['work'], []],
  ['Nothing else going on in the village for her age group.', 15, [], ['work']],
  // Phrases learned from dev21 (a city-centre homeless and asylum-seeker list), written afresh here, with the
  // look-alikes a hostile review (272 notes) found; each narrowed until those stayed quiet.
  ['Alcohol 45 units/wk, wants to cut down.', 50, ['substances'], []],
  ['Drinks about 70u/wk.', 44, ['substances'], []],
  ['Insulin glargine 40 units daily, HbA1c 71.', 60, [], ['substances']],
  ['Colecalciferol 800 units daily.', 70, [], ['substances']],
  ['Takes insulin and drinks 40 units a week.', 51, ['substances'], []],
  ['Cut down from 60 units a week to 10, well done.', 52, [], ['substances']],
  ['Fiasp 40 units w/ meals.', 61, [], ['substances']],
  // Found in a second code review: "40u/w" and "every week" count; a comma before "weekly" ends it; insulin
  // only right beside its units hides drinking; "MS." ends a sentence; pet rats; "living with" a condition.
  ['Drinks 40u/w.', 45, ['substances'], []],
  ['Drinks 40 units every week.', 45, ['substances'], []],
  ['Takes 40 units, weekly review with DSN.', 60, [], ['substances']],
  ['Insulatard 40 units, weekly review.', 60, [], ['substances']],
  ['On insulin and 40 units a week of alcohol.', 60, ['substances'], []],
  ['Wife has MS. Behind with the rent.', 55, ['housing'], []],
  ['Has two pet rats at the flat.', 30, [], ['housing']],
  ['Does not feel safe living with epilepsy on her own.', 30, [], ['safety']],
  ['Disclosed DA at the last visit, wants support now.', 33, ['safety'], []],
  ['Discloses no DA or DV.', 33, [], ['safety']],
  ['Sacroiliac pain, passive SI joint mobilisation by physio.', 40, [], ['mental-wellbeing']],
  ['Mice in the flat, droppings on the worktops, reported twice.', 30, ['housing'], []],
  ['Keeps pet rats in her bedroom.', 20, [], ['housing']],
  ['Destitute since asylum support stopped.', 27, ['money'], []],
  ['Nothing left of her inhaler till Monday.', 50, [], ['money']],
  ['Has nothing left for the week once the rent is paid.', 50, ['money'], []],
  ['Section 4 ended on transfer to the ward.', 40, [], ['money']],
  ['Locked out of his UC journal, no phone.', 28, ['digital'], []],
  ['Locked out of the house, broke a window.', 28, [], ['digital']],
  ['Would like to meet others living with HIV.', 33, ['long-term-condition'], []],
  ['Her other two children are living with sickle cell.', 40, [], ['long-term-condition']],
  ['Does not feel safe sleeping there, men at the door at night.', 35, ['safety'], []],
  ['Does not feel safe in the bath since her fall.', 80, [], ['safety']],
  ['Kids have not been given school places yet.', 35, ['family'], []],
  ['Not enjoying her medical school placement.', 22, [], ['family']],
  // Worried about, or calling about, a relative (dev22): that stretch is the relative's, up to a word that joins on
  // something else or brings the patient back; the patient's own distress is never covered (hostile review).
  ['Worried about her son who is sleeping rough in Leeds.', 60, [], ['housing', 'mental-wellbeing']],
  ['Concerned that her husband is drinking too much.', 55, [], ['substances']],
  ['Worried about her daughter and not sleeping, tearful.', 45, ['mental-wellbeing'], []],
  ['Worried about her husband, he hits her when drunk.', 40, ['safety'], []],
  ['Worried about her son as she cannot pay the rent since he moved back.', 48, ['housing', 'money'], []],
  ['Worried about her partner and having thoughts of self-harm.', 39, ['mental-wellbeing'], []],
  // The cue's own "as" or "because" is not one of its stop words (dev22: these forms never reached past them).
  ['Upset because her brother has been sleeping in his car since his marriage broke down.', 38, [], ['housing']],
  ['Worried as her partner is up in court next month on a drugs charge.', 33, [], ['legal']],
  ['Worried as her son has lost his job and she cannot pay the rent.', 50, ['money'], ['work']],
  ['Gran says mum is struggling to pay the gas and the house is cold.', 4, ['fuel'], []],
  ['Grandad says mum is behind with the rent and may be evicted.', 7, ['housing'], []],
  ['PHQ-9 (22) today.', 40, ['mental-wellbeing'], []],
  ['Discussed: (1) not drinking (2) struggling with debts', 40, ['money'], []],
  ['Feels safe at home: no/unsure', 40, ['safety'], []],
  ['Mum says the landlord is selling the flat.', 8, ['housing'], []],
  // Eleventh session, from dev23: lost sleep with a low, tearful or panicky sign in the same or the next sentence is
  // mental wellbeing (a physical "low" is not one); a parent's account of parenting trouble is a young child's family need;
  // "since <when>" runs to now, so a past year after it does not make the sentence history; a relative who visits
  // monthly is no company; a possibility named by its own words is hypothetical.
  ['Not sleeping, low. PHQ9 12.', 38, ['mental-wellbeing'], []],
  ['Panics when the post comes. Not sleeping.', 41, ['mental-wellbeing'], []],
  ['Not sleeping due to back pain, low back pain radiating to leg.', 50, [], ['mental-wellbeing']],
  ['Can not sleep with cough, low grade fever.', 40, [], ['mental-wellbeing']],
  ['Mum struggling with his tantrums. Keen on the parenting group.', 2, ['family'], []],
  ['Lives alone since husband died in 2019. Says some weeks she speaks to nobody.', 81, ['loneliness'], []],
  ['Lives alone, rarely goes out, son visits monthly.', 81, ['loneliness'], []],
  ['Lives alone since wife died 4 years ago but denies any loneliness - out every day.', 82, [], ['loneliness']],
  ['Landlord has mentioned he might sell in a year or two. Tenancy fine.', 34, [], ['housing']],
  ['Mentions possible redundancies at the plant next year, not worried.', 47, [], ['work', 'money']],
  ['Partner left last month. Feels she might end it all.', 30, ['mental-wellbeing'], []],
  // dev23's everyday words: formula stretched, a hungry child at school, cutting meals to pay the rent, a warning at
  // work, flexible working refused, speaking to nobody, a young carer, no nursery place; "wasn't claiming" and "asked about
  // the pantry times" deny nothing.
  ['Formula has been made up weaker to make the tin last.', 1, ['food'], []],
  ['Class teacher has noticed he is often hungry and comes in without breakfast.', 10, ['food'], []],
  ['Admits he is cutting back on meals to pay the rent.', 71, ['food', 'money'], []],
  ['Dad with dementia phones her at work all day. Got a warning from her manager.', 46, ['work'], []],
  ['Line manager refusing her request for flexible hours.', 50, ['work'], []],
  ['Some weeks she speaks to nobody except the lassie in the shop.', 81, ['loneliness'], []],
  ['He does the shopping and sorts her tablets. Keen on Fife Young Carers.', 14, ['family', 'caring'], []],
  ['Was a young carer for her brother through high school.', 30, [], ['family']],
  // Withdrawn after a hostile review (395 notes, 48 better / 63 worse as first written): "can't get a nursery place"
  // alone, "often hungry", "speaks to nobody" alone, a bare "low" beside lost sleep, "possible" as a hypothetical.
  ['Can\'t get a nursery place; childminder arranged, all fine.', 30, [], ['family']],
  ['Often hungry since starting steroids; prednisolone 30mg.', 50, [], ['food']],
  ['Speaks to nobody about her symptoms, embarrassed. Stress incontinence.', 50, [], ['loneliness']],
  ['Not sleeping. Thyroid low, TSH 12, levothyroxine increased.', 50, [], ['mental-wellbeing']],
  ['Possible eviction if arrears not paid by June.', 40, ['housing'], []],
  ['Mum struggling with her own depression, on sertraline. Child well, URTI.', 6, [], ['family']],
  ['Lives alone, daughter visits fortnightly. Sociable, church on Sundays.', 80, [], ['loneliness']],
  ['Possible redundancy round at work next year - he is not worried.', 47, [], ['work', 'money']],
  ['Mum was not claiming Best Start Foods - helped her apply. Referred to the baby bank for formula.', 1, ['money'], []],
  ['Can\'t afford the bus this week. Also asked about the community pantry times.', 48, ['food'], []],
  // A past named with its own need word, a job now held, children who were small then, a carer who says she is fine.
  ['Hx alcohol excess, abstinent since 2019, still goes to AA.', 56, [], ['substances']],
  ['Previous heroin use - abstinent over 10 years, off methadone since 2017.', 47, [], ['substances']],
  ['Off methadone for 2 weeks and using heroin again.', 35, ['substances'], []],
  ['Out of work for 2 years after college - now 2nd year apprentice electrician, loving it.', 27, [], ['work']],
  ['Was really struggling with childcare when the twins were small.', 41, [], ['family']],
  ['Cares for husband after stroke - says she is coping fine, carers come in 4 times daily.', 77, [], ['caring']],
  ['Cares for husband, copes well with support but would like a break.', 70, ['caring'], []],
  ['School refusing since August, says he is being picked on on Snapchat.', 13, ['family', 'mental-wellbeing'], []],
  // dev24 (a university town): days without speaking to anyone, homesick, can't cover the rent, a dead laptop, 60-hour
  // weeks, a passport held by the agency, a visa running out, a landlord who lets himself in, a deposit kept, parents
  // who stopped speaking to him, strength and balance classes, fares, paranoia; a slash is "or"; a mental health safety
  // plan is no safety need; details "to pass on", "should that happen" and "for when he is ready" are not the patient's now.
  ['Goes days without speaking to anyone except the lassie on the Tesco till.', 82, ['loneliness'], []],
  ['Family were sending his living money but it is worth less than half now; can\'t cover rent and food.', 26, ['money'], []],
  ['Laptop died in Nov, can\'t afford a new one. Writing essays on his phone.', 20, ['digital'], []],
  // Withdrawn after a hostile review (411 notes, 57 better / 60 worse as first written): bare hours, breaks, payslips,
  // visas, leaving the country, homesick, one meal a day, paranoia, counting calories, bus passes, fares, hardship funds.
  ['No proper breaks in the bone on CT, hairline crack only.', 40, [], ['work']],
  ['Bit of paranoia about the lump, reassured - lipoma.', 40, [], ['mental-wellbeing']],
  ['Visa expires next year, straightforward renewal, no concerns.', 30, [], ['legal']],
  ['Only one hot meal a day from lunch club, fine with that.', 80, [], ['food']],
  ['The agency took his passport for safekeeping and deducts rent, leaving him £60 a week.', 31, ['work'], []],
  ['Graduate Route visa which expires in 4 months; needs a sponsored job or has to leave the country.', 30, ['legal'], []],
  ['Since they complained the landlord lets himself in without notice.', 22, ['housing'], []],
  ['Landlord keeping the whole £650 deposit for cleaning.', 22, ['housing'], []],
  ['His parents have stopped speaking to him since he came out and won\'t pay his rent.', 19, ['family'], []],
  ['Fall 3 wks ago, confidence gone. Referred to the Strength & Balance class.', 78, ['activity'], []],
  ['Crisis safety plan reviewed, Samaritans and 111 numbers added.', 20, ['mental-wellbeing'], ['safety']],
  ['Pt feels safe herself. Gave Women\'s Aid details to pass on to her housemate.', 20, [], ['safety']],
  ['Gets the no. 20 to the surgery. Told him about community transport should that happen.', 80, [], ['transport']],
  ['Carers centre number given for when he is ready. Currently caring for wife with dementia.', 70, ['caring'], []],
  ['Worried about his son (40s) who has credit card debts.', 71, [], ['money']],
  // dev25 (an Edinburgh practice's link worker list, home visits, district nurses): financial harm by someone close,
  // doorstep crime, a flat used to deal from, hoarding, heating or eating, a coat in the house, a doubled bill, no
  // mobile, cupboards low, short before pension day, taking more than prescribed, carer's leave, absence management.
  ['A friend who does his shopping has kept his bank card and PIN for months; money keeps going missing.', 80, ['safety'], []],
  ['Doorstep roofers charged her £3,000 cash for work that was never done.', 83, ['safety'], []],
  ['Best friend was scammed out of her savings. Pt upset for her.', 62, [], ['safety']],
  ['Friends using his flat to deal from, people coming and going at all hours.', 67, ['safety'], []],
  ['Flat piled to the ceiling with papers and bags; he cannae throw things oot.', 73, ['housing'], []],
  ['Says he is choosing between heating and eating this winter.', 78, ['fuel', 'food'], []],
  ['Bill doubled. I wear my coat in the hoose.', 86, ['fuel'], []],
  ['She has no mobile, landline only; the hospital sends appointments by text.', 75, ['digital'], []],
  ['Admits taking more co-codamol than prescribed and buying codeine online.', 39, ['substances'], []],
  ['Employer starting absence management; asks about carer\'s leave.', 51, ['work'], []],
  ['Doesn\'t feel safe in the house - damp and mould.', 40, ['housing'], ['safety']],
  // Hostile review of the dev25 phrases (164 notes, 35 better / 28 worse as first written; 30 / 7 after narrowing).
  ['Using his flat to store tools for his joinery business, bad back from lifting.', 50, [], ['safety']],
  ['Wears a hat indoors due to alopecia, self-conscious.', 40, [], ['fuel']],
  ['Cupboards low today but Tesco delivery due tomorrow.', 80, [], ['food']],
  ['Dreading going in for his knee replacement next week.', 60, [], ['work']],
  ['Taking more salbutamol than prescribed during an asthma attack last night.', 44, [], ['substances']],
  ['Keeping her bank card in a safe place at home after losing it last year.', 80, [], ['safety']],
  ['Son has power of attorney and keeps his bank card, pays all his bills.', 88, [], ['safety']],
  ['Staff nurse, burnout. Tearful on shift, dreading going in.', 35, ['work'], []],
  // Colleagues in the plural and "her eldest" are other people as subjects (dev22).
  ['Said her eldest at uni in Glasgow is struggling to afford food. Pt doing fine.', 31, [], ['food', 'money']],
  ['Several colleagues are off with stress following the restructure.', 46, [], ['mental-wellbeing']],
  ['Eldest of four, left school at 16, unemployed since the factory shut.', 30, ['work'], []],
  // "No adjustments needed" is a fit note's plan, not an employer refusing them (dev22).
  ['Fit note 2/52 post lap chole. Back to work after, no adjustments needed.', 44, [], ['work']],
  ['Employer making no adjustments, she is being pushed out.', 44, ['work'], []],
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
  // A subject pronoun of the other sex is someone else's clause; a group that names its own experiencer still counts.
  ['Wife has run up debts on bingo; she has started going to a support group.', 'male', [], ['long-term-condition']],
  ['Husband lost his job, he is drinking heavily.', 'female', [], ['substances']],
  ['Husband lost his job, he hits her when drunk.', 'female', ['safety'], []],
  ['Wife left. He is drinking heavily and not sleeping.', 'male', ['substances'], []],
  ['Husband is controlling. He checks her phone and takes her bank card.', 'female', ['safety'], []],
  ['Wife has dementia. She is not eating and wanders at night.', 'male', [], ['food']],
  // Hostile review of the pronoun cue (261 notes, 35 worse / 15 better as first written): only with someone of that sex
  // named just before, not before a reporting verb, never in a note that marks the patient's gender.
  ['She has been skipping meals to make the money last till payday.', 'male', ['food'], []],
  ['Trans woman, on oestrogen via GIC. She says she can\'t afford the rent since losing her job.', 'male', ['money'], []],
  ['Pt uses he/they. He says the flat is freezing, he can\'t afford the electric.', 'female', ['fuel'], []],
  ['District nurse visited. She found the house freezing and no food in the fridge.', 'male', ['fuel'], []],
  ['Girlfriend pregnant. She has been evicted so they are both sofa surfing.', 'male', ['housing'], []],
  ['Sister is homeless. She has been sleeping rough.', 'male', [], ['housing']],
  // Code review of the eleventh session's engine changes: each of these regressed or was missed.
  ['Non-binary. Mum visited. She cannot afford the rent since losing her job.', 'male', ['money'], []],
  ['Trans-vaginal USS booked. Husband lost his job. He is drinking heavily.', 'female', [], ['substances']],
  ['Daughter visiting. She has also said she cannot pay the rent.', 'male', ['money'], []],
  ['Son and partner hit her.', 'female', ['safety'], []],
  // A parent speaking of the other parent, or of a grandparent, never means the patient: only a child of the patient
  // (or "family") calls the patient mum, dad or gran (noted in the tenth session's closing note).
  ['Mum says dad lost his job and is drinking heavily.', 'male', [], ['work', 'money', 'substances']],
  ['Dad says gran has no food in the house.', 'female', [], ['food']],
  ['Daughter says mum has no food in the house and the flat is freezing.', 'female', ['food', 'fuel'], []],
  ['Son says his dad has lost his job.', 'male', ['work'], []],
  // The patient's own partner in a relative clause is still the one who does it to her; another relation's partner
  // is not the patient's (eleventh session).
  ['Lives with partner who controls the money.', 'female', ['safety'], []],
  ['Husband who shouts at her and takes her bank card.', 'female', ['safety'], []],
  ['Sister has a partner who hits her.', 'female', [], ['safety']],
  ['Her daughter has a boyfriend who is controlling.', 'female', [], ['safety']],
  ['Husband who has dementia is drinking heavily.', 'female', [], ['substances']],
  // Hostile review of the two rows above: an older patient's spouse calls the patient mum or dad; a grandparent's
  // "mum" for a child is the child's household; "keeps turning up" and "threatens to" need a harmful ending.
  ['Husband says mum can\'t afford to heat the house this winter.', 'female', ['fuel'], []],
  ['Wife says dad can\'t get to the shops since he stopped driving.', 'male', ['transport'], []],
  ['Partner who keeps turning up late from work.', 'female', [], ['safety']],
  ['Husband who threatens to sell the house.', 'female', [], ['safety']],
  // A possessive of the other sex in or just before a mention, after someone of that sex is named (twelfth session):
  // "his job" in a woman's notes is his. Only for work, substances, digital, activity and long-term conditions (a
  // household's money, housing, food, fuel and transport stay the patient's, as do caring, family, mood, loneliness,
  // safety and legal: "does all his personal care", "low since his death", "his solicitor"); a spouse's job is the
  // household's income; never after the patient as the clause's subject; never in a note that marks gender.
  ['Worried about her son - lost his job at the call centre.', 'female', [], ['work', 'money']],
  ['Worried about her brother - drinking heavily since losing his job.', 'female', [], ['work', 'money']],
  ['Son (17) has been caught with cannabis; his drug use worries her.', 'female', [], ['substances']],
  ['Boyfriend deals; she has been taking his cocaine at weekends.', 'female', ['substances'], []],
  ['Husband has dementia, she does all his personal care and is exhausted.', 'female', ['caring'], []],
  ['Husband died in March. Low since his death, not sleeping, tearful.', 'female', ['mental-wellbeing'], []],
  ['Grandson drove her but he has lost his licence, now no transport to hospital.', 'female', ['transport'], []],
  ['Lives with his sister; her rent has doubled and they cannot afford it.', 'male', ['housing'], []],
  ['Works in husband\'s shop; his shop is closing and she will lose her job.', 'female', ['work'], []],
  ['Trans man. Brother visited. Lost his job last month, signed on.', 'female', ['work'], []],
  // After a spouse as the subject, a clause that opens with "they" or "both" is the couple's; the same clause is not.
  ['Husband lost his job in May, they are behind with the rent now.', 'female', ['housing'], []],
  ['Husband drinks, they both drink heavily at weekends.', 'female', ['substances'], []],
  ['Husband and son both drink heavily.', 'female', [], ['substances']],
  ['Husband was sacked, we advised he contact the Jobcentre about his job seeking.', 'female', [], ['work']],
  // A bracket right after a relation says what is that person's (twelfth session, from dev27); a relation rule (caring)
  // still reads it, and safety ignores it as it ignores a pronoun.
  ['Lives with his dad (alcoholic liver disease) and does all his care, exhausted.', 'male', ['caring'], ['substances']],
  ['Asked about job schemes for his grandson (19, unemployed).', 'male', [], ['work']],
  ['Lives with partner (controlling, checks her phone and takes her bank card).', 'female', ['safety'], []],
  ['Pt (lost job in May) lives with mum, behind with rent.', 'male', ['work', 'housing'], []],
  // Code review of the twelfth session's rules: a bracket about the patient, the couple or the patient's own situation
  // is not another person's; a possessive after a patient who only tells or worries still is; "not always" denies nothing.
  ['Lives with husband (she is his main carer since his stroke).', 'female', ['caring'], []],
  ['Single mum (very isolated, no family nearby, struggling with money).', 'female', ['loneliness', 'money'], []],
  ['Lives with husband (lost his job last month).', 'female', ['money'], []],
  ['Lives with partner (both drinking heavily every night).', 'female', ['substances'], []],
  ['Husband drinks heavily. Pt worried about his drinking.', 'female', [], ['substances']],
  ['Wife on a methadone script. Has been taking her methadone.', 'male', ['substances'], []],
  ['Lonely? Not always.', 'female', ['loneliness'], []],
  // An offer declined in the next clause denies what was offered; a service "for him"/"for her" (the other sex, someone
  // of that sex named before) is that person's (twelfth session, from dev26, dev29 and dev30).
  ['Offered carer support and a social work referral - declined, husband fit and well.', 'female', [], ['caring']],
  ['Offered the education course and the local support group - declined, manages fine.', 'male', [], ['long-term-condition']],
  ['Offered weight management info - not needed, plays 5-a-side twice a week.', 'male', [], ['activity']],
  ['Offered food bank voucher - accepted, skipping meals.', 'female', ['food'], []],
  ['His mum is lonely in sheltered housing. He asked the warden about the lunch club for her.', 'male', [], ['loneliness']],
  ['Her father is lonely since mum died; asks about befriending for him.', 'female', [], ['loneliness']],
  ['Wife unwell. Gave a food bank voucher for her and the kids, no money till Friday.', 'male', ['food'], []],
  // From dev31: a number "to keep" or details "for when that happens" are for later, but only the two words of the
  // service before them; a need said before that still counts (a hostile review; "was fixed" and "might put the rent
  // up" were withdrawn after it hid "Rent arrears were fixed with DHP and now behind again").
  ['House warm at the moment. Gave Home Energy Scotland number to keep.', 'male', [], ['fuel']],
  ['No money for food, gave food bank number to keep.', 'female', ['food'], []],
  ['Skipping meals food bank number to keep.', 'female', ['food'], []],
  ['Fuel poverty - HES number to keep.', 'female', ['fuel'], []],
  ['On ESA, no migration letter yet. Given money adviser details for when that happens.', 'male', [], ['money']],
  ['Rent arrears were fixed with DHP and now behind again £900.', 'female', ['housing'], []],
  ['Factor may put their bills up and already £500 behind on service charge.', 'female', ['money'], []],
  // A template's "no" to any other mention denies it (twelfth session, from dev29's structured reviews); a question whose
  // "no" is the need ("Can you afford…", "Has anyone…") or that has a negation in it is not read that way.
  ['Lives alone: N', 'male', [], ['loneliness']],
  ['Gambling: N\nDrugs: denies', 'female', [], ['substances']],
  ['Carer? No.', 'female', [], ['caring']],
  ['Stress at work? No.', 'male', [], ['work']],
  // Only a bare "no" that ends its sentence: what follows may say more ("Still drinking a bottle a day? No, a litre
  // now", tested above), so "No, enjoys his job" is not read as a denial either (a known limit).
  ['Gambling: not really, £50 a day on the slots.', 'male', ['substances'], []],
  ['Q: Any money worries? A: No.', 'female', [], ['money']],
  ['Q: Can you afford enough food? A: Not really - used the food bank last week.', 'female', ['food'], []],
  ['Carer: N - but she looks after her brother every evening since his stroke and is exhausted.', 'female', ['caring'], []],
  // Never for mood, safety or what a patient has or lacks: a denial there is often followed by a disclosure, or is the lack.
  ['Self harm? No.', 'female', ['mental-wellbeing'], []],
  // Hostile review of the template denial (384 notes; 62 better / 60 worse as first written, 46 / 9 after): only a
  // question that names a problem, never one whose "no" is the need, and not when the next line takes it back.
  ['Still off the heroin? No.', 'female', ['substances'], []],
  ['Getting a break from caring? No.', 'female', ['caring'], []],
  ['Making ends meet? No.', 'female', ['money'], []],
  ['Gambling: N\nWife: he is on the bookies every night.', 'male', ['substances'], []],
  ['Stress at work? No.\nBut he has been suspended pending investigation.', 'male', ['work'], []],
  ['Lives alone: N. Partner checks her phone and she is frightened of him.', 'female', ['safety'], ['loneliness']],
  ['Q: Is money tight? A: No', 'female', [], ['money']],
  ['Phone or internet: no', 'male', ['digital'], []],
  ['Husband who keeps turning up at her work and threatening her.', 'female', ['safety'], []],
  ['Lives with girlfriend who keeps threatening to leave and take the kids.', 'female', ['safety'], []],
  ['He hit her again last night and she is frightened to go home.', 'female', ['safety'], []],
  ['Ex will not let him see the kids since the summer.', 'male', ['family'], []],
  // Hedged or pronoun-led abuse wording is still the patient's (found in review).
  ['Husband a bit violent at times.', 'female', ['safety'], []],
  ['Partner gets a bit aggressive when he drinks.', 'female', ['safety'], []],
  ['Husband is controlling. He uses coercive control.', 'female', ['safety'], []],
  ['A bit worried for him, he has been quiet since the exams.', 'female', [], ['safety']],
  // A template question that asks whether a need is met ("met" in the lexicons): "no" is the need; "yes" and
  // the question on its own say nothing (a "yes" that hid the need's words was withdrawn after review).
  ['Feels safe at home: no', 'female', ['safety'], []],
  ['Do you feel safe at home? No.', 'female', ['safety'], []],
  ['Feels safe at home with partner - no, he checks her phone', 'female', ['safety'], []],
  ['Feels safe at home: yes', 'female', [], ['safety']],
  // Found in review: a "yes" hides nothing; a question that asks something else, a blank template and
  // the past are not answers that prompt.
  ['Not safe at home: yes - son owes drug debts, men at the door.', 'female', ['safety'], []],
  ['Worried about being able to pay rent? Yes - two months behind.', 'female', ['housing'], []],
  ['Feels safe at home: N/A', 'female', [], ['safety']],
  ['Concerns about being safe at home: no', 'female', [], ['safety']],
  ["Doesn't feel safe in her own home since the falls.", 'female', [], ['safety']],
  ['Did you feel safe at home as a child? No.', 'female', [], ['safety']],
  ['Having enough to eat and drink? No - struggling to swallow.', 'male', [], ['food']],
  ['Feels safe at home, no concerns.', 'female', [], ['safety']],
  // Thirteenth session. A rule that read "Pt herself fine" as making what came before someone else's was withdrawn after
  // two hostile reviews (42 and then 48 readings worse: the patient's own debts, eviction and loneliness hidden, and with
  // a first version "PHQ9 20, passive suicidal ideation"): these notes keep the patient's own needs, and the notes about
  // a relative are read by the relation as the subject, as before.
  ['Neighbour (90) cannot afford oil for the heating, sitting in the cold. Pt herself fine.', 'female', [], ['fuel']],
  ['Worried about her son, who is behind with his rent in Inverness. She is fine financially herself.', 'female', [], ['housing', 'money']],
  ['Son is homeless since losing his flat. Pt himself fine, BP 132/80.', 'male', [], ['housing']],
  ['Daughter drinks too much. Pt herself fine. Behind with her own council tax now.', 'female', ['money'], []],
  ['Son moved back home. Says she is ok herself. PHQ9 20, passive thoughts of not wanting to be here.', 'female', ['mental-wellbeing'], []],
  ['Brother using heroin again, pt now kinship carer for his two kids and struggling with their behaviour. No problems himself.', 'male', ['family', 'caring'], []],
  ['Husband has dementia, she is his carer and exhausted. Fine herself.', 'female', ['caring'], []],
  ['Son arrested last week. Daughter-in-law hits her when she visits. Pt herself fine.', 'female', ['safety'], []],
  ['Lives alone, can wash and dress herself fine, daughter phones daily. Cannot afford the electric.', 'female', ['money'], []],
  ['Mum visiting. Fine herself with the insulin now. Struggling to pay the rent since her hours were cut.', 'female', ['housing'], []],
  ['Husband lost his job, they are behind with the rent. She is fine herself.', 'female', ['housing'], []],
  ['Husband drinks heavily. He is fine himself. She is exhausted and cannot pay the gas.', 'female', ['fuel'], []],
  ['Carer health: fine herself. Money: behind with the catalogue, bailiffs letter.', 'female', ['money'], []],
  // A relation's bracket: safety is still the patient's ("who ... pushes her about"); the clause after a bracket that
  // says the relation left or died is the patient's, as terse notes write it ("Son (26, left home) has a gambling
  // problem" is read as the patient's: a known limit). A continuation of the relation's reach over its bracket and a
  // relative clause after it read as the relation's were withdrawn after reviews (a departed partner's debts left to the
  // patient; a mother and daughter who cannot afford to heat the house they share).
  ['Her brother (alcoholic) who lives with her and pushes her about when drunk.', 'female', ['safety'], []],
  ['Her ex (controlling) who still checks her phone and follows her to work.', 'female', ['safety'], []],
  ['Partner (left in March) owes £2k on the joint account in her name, bailiffs now.', 'female', ['money'], []],
  ['Lives with her mum (COPD) who cannot afford to heat the house, both sitting in coats in the evenings.', 'female', ['fuel'], []],
  ['Wife (left 3 months ago) - drinking heavily since, 10 cans a day.', 'male', ['substances'], []],
  ['Husband (passed away in Feb) low since and very lonely, sees nobody.', 'female', ['loneliness'], []],
  ['Partner (left her in March) - cannot afford the mortgage alone, bank letters.', 'female', ['money'], []],
  ['Partner (moved out in Sept) struggling with the rent since, now in arrears.', 'female', ['housing'], []],
  ['No concerns and feels safe at home.', 'female', [], ['safety']],
  ['Denies DV, feels safe at home.', 'female', [], ['safety']],
  ['Does not feel safe at home.', 'female', ['safety'], []],
  ['No longer feels safe at home since he came back.', 'female', ['safety'], []],
  ["Doesn't feel safe with her partner.", 'female', ['safety'], []],
  ["Daughter doesn't feel safe at home.", 'female', [], ['safety']],
  ['Told her to call if she does not feel safe at home.', 'female', [], ['safety']],
  ['Rent affordable: no', 'female', ['housing'], []],
  ['Able to afford food: no', 'female', ['food'], []],
  ['Able to heat home: N', 'male', ['fuel'], []],
  ['Managing financially - no', 'male', ['money'], []],
  ['Has internet: no', 'male', ['digital'], []],
  ['Has internet: yes', 'male', [], ['digital']],
  ['Has anyone to talk to: no', 'male', ['loneliness'], []],
  ['Has no internet: Y', 'male', ['digital'], []],
  // Found in the fifth review: care-needs and capacity templates are not the need, and look-alikes leave disclosures alone.
  ['Safe at home at present: no - needs 24hr care.', 'female', [], ['safety']],
  ['Has own transport: no - daughter drives her everywhere.', 'female', [], ['transport']],
  ['Has family nearby: no - lots of friends at church.', 'female', [], ['loneliness']],
  ["Doesn't feel safe in the house - damp and mould.", 'female', [], ['safety']],
  ['Not safe at home since the fire he started in the kitchen.', 'female', ['safety'], []],
  ['Has been cutting herself on glass from a smashed mirror.', 'female', ['mental-wellbeing'], []],
  ['She and her sister widowed within a month of each other, very low.', 'female', ['mental-wellbeing'], []],
  ['Bank account no money in it till Friday, skipping meals.', 'female', ['food'], []],
  ['Mood ok? Not really.', 'male', ['mental-wellbeing'], []],
  ['Managing financially.', 'male', [], ['money']],
  ["Doesn't have anyone to talk to.", 'male', ['loneliness'], []],
  ['Daughter asked whether her mum can afford food: no idea, will ask.', 'female', [], ['food']],
  ['Q: Do you feel safe at home? A: no', 'female', ['safety'], []],
  // A "no" that answers a question (after "?" or "A:") and goes on, or answers a question about mood or safety, denies
  // nothing: four reviews found follow-up questions denying disclosures, so what the question names still counts. Since
  // the twelfth session a bare "no" that ends its sentence denies loneliness, caring, substances, work, money, activity
  // and legal mentions (below).
  ["Lonely? Naw, I'm never in - the club, the bowls.", 'male', ['loneliness'], []],
  ['Self harm? No. Cut her arms last night with a razor.', 'female', ['mental-wellbeing'], []],
  ['Domestic abuse? No - he just grabs her by the throat when drunk.', 'female', ['safety'], []],
  ['Any money worries? No. Struggling with the rent though.', 'female', ['money'], []],
  ['Lonely? Yes.', 'male', ['loneliness'], []],
  ['Are you drinking more? No but partner says he hits her.', 'female', ['safety'], []],
  ['Anyone hurting you at home? No, but husband controls the money.', 'female', ['safety'], []],
  ['Thoughts of self harm? Not really. Low mood for months.', 'female', ['mental-wellbeing'], []],
  // Found in review: a follow-up question's "no" denies only the question, a partial "no" denies nothing, and
  // "no" to a question about something good is the need.
  ['Partner hit her last night, has she told anyone? No.', 'female', ['safety'], []],
  ['Took an overdose of paracetamol last night, sought medical help? No.', 'female', ['mental-wellbeing'], []],
  ['Drinking 2 bottles of wine a day, wants to cut down? No.', 'female', ['substances'], []],
  ['Rent arrears of £1800, applied for DHP? No.', 'female', ['housing'], []],
  ['Suicidal thoughts? No active plan.', 'male', ['mental-wellbeing'], []],
  ['Self harm? No, but scratching her arms till they bleed.', 'female', ['mental-wellbeing'], []],
  ['Partner hit her again at the weekend? No injuries seen.', 'female', ['safety'], []],
  ['Can she afford to heat the house? No.', 'female', ['fuel'], []],
  ['Can she afford the rent? No.', 'female', ['housing'], []],
  // Learned from dev12/dev13 (nurses and pharmacists; Deep End triage), written afresh here.
  ['Buying co-codamol over the counter from different pharmacies, about ten a day.', 'female', ['substances'], []],
  ['Worried about getting hooked on sleeping tablets, declined them.', 'female', [], ['substances']],
  ['Hooked up to the oxygen concentrator most of the day.', 'male', [], ['substances']],
  ['Fingers just numb since the carpal tunnel got worse.', 'female', [], ['mental-wellbeing']],
  ['Blood supply cut off to the toes, vascular referral.', 'male', [], ['fuel']],
  ['Broadband disconnected by the supplier last week.', 'male', [], ['fuel']],
  ['No close friends or family with TB symptoms.', 'male', [], ['loneliness']],
  ['Drinking half a bottle of vodka a day, back at work since Monday.', 'male', ['substances'], []],
  ['PIP appeal not successful, struggling to pay bills.', 'female', ['money'], []],
  ['Pt and her sister both recently widowed, she is not coping.', 'female', ['mental-wellbeing'], []],
  // Learned from dev14/dev15 (rural practices and CLP summaries; health visitors, midwives, young people), written afresh.
  ['Heating only the one room now, sleeps in the chair to keep warm.', 'male', ['fuel'], []],
  ['Cannot afford an oil delivery till the new year.', 'female', ['fuel'], []],
  ['Nursery fees eat most of her wages.', 'female', ['money'], []],
  ['Living on tins since the van stopped coming.', 'male', ['food'], []],
  ['The bus route was axed in the spring and she is stuck in.', 'female', ['transport'], []],
  ['Employer is holding his passport and wages are not paid properly.', 'male', ['legal', 'work'], []],
  ['Q: Any money worries? A: No, just the rent arrears.', 'female', ['housing'], []],
  ['Did you feel safe at home growing up? No.', 'female', [], ['safety']],
  ['Finding it hard to bond with the baby.', 'female', ['family'], []],
  ["Havenae spoke to anyone in days.", 'male', ['loneliness'], []],
  ['He asked whether there is a volunteer driver scheme for his neighbour.', 'male', [], ['transport']],
  // Found in the third and fourth reviews: a question's "no" denies nothing, hedged label answers deny only as the
  // whole reply, Scots "naw" is an answer word (not a negation), and look-alikes of the new phrases.
  ['Does anyone else know he hits her? No.', 'female', ['safety'], []],
  ['Has the landlord fixed the damp? No.', 'female', ['housing'], []],
  ['Panic attacks stopped? No.', 'female', ['mental-wellbeing'], []],
  ['Injecting heroin daily, sharing needles? No.', 'male', ['substances'], []],
  ['Partner punched her on friday does she want to press charges? no', 'female', ['safety'], []],
  ['Suicidal thoughts? Never, until this week.', 'male', ['mental-wellbeing'], []],
  ['Gambling: not really, £50 a day on the slots.', 'male', ['substances'], []],
  ['Still drinking a bottle of vodka a day? No, a litre now.', 'male', ['substances'], []],
  ['naw the money doesnt stretch to the end of the month', 'female', ['money'], []],
  ["Won't need a refuge place, says he has promised to change.", 'female', ['safety'], []],
  ['She will not leave the house since her husband died.', 'female', ['loneliness'], []],
  ['Cutting herself while upset, superficial.', 'female', ['mental-wellbeing'], []],
  ['Gas meter capped by the engineer after a leak.', 'male', [], ['fuel']],
  ["Can't afford CBD oil for her pain.", 'female', [], ['fuel']],
  ['Drinks heavily like her dad did growing up.', 'female', ['substances'], []],
  ['Still in a one bedroom flat with two kids growing up.', 'female', ['housing'], []],
  ['Cut herself on a broken glass, steristrips applied.', 'female', [], ['mental-wellbeing']],
  ['Advice about contact lenses given.', 'female', [], ['legal']],
  ['Sat in the waiting room in his coat.', 'male', [], ['fuel']],
  ['Boiling the kettle to wash the bottles.', 'female', [], ['fuel']],
  ['Constant arguing with her sister about their mum.', 'female', [], ['family']],
  ['Says she cannot keep going like this with the job.', 'female', ['mental-wellbeing'], []],
  ['Health anxiety since the heart attack, scared to do anything.', 'male', ['mental-wellbeing'], []],
  ['Very anxious about needles, bloods taken fine.', 'female', [], ['mental-wellbeing']],
  ['Her friend was recently widowed and she pops in daily.', 'female', [], ['mental-wellbeing']],
  ['Statutory sick pay has run out and no UC claim made yet.', 'female', ['money'], []],
  ['Electric cut off by the supplier last week, owes hundreds.', 'male', ['fuel'], []],
  ['No real pals since he left school, gaming all day.', 'male', ['loneliness'], []],
  ['Mood flat since being paid off at the yard.', 'male', ['mental-wellbeing'], []],
  // "will not", "could not", "has not"... read as "won't", "couldn't", "hasn't" (as "can not" always was "can't").
  ['Could not afford the gas bill this month.', 'female', ['fuel'], []],
  ['He will not let her see her friends.', 'female', ['safety'], []],
  ['She could not cope with caring for her mum.', 'female', ['caring'], []],
  ['Would not like a referral to the food bank.', 'female', [], ['food']],
  // Only "will not" and "could not" are joined: "has not left the house" must still match "not left the house".
  ['Has not left the house in weeks, not spoken to anyone.', 'male', ['loneliness'], []],
  ['Are not coping with the baby at all.', 'female', ['family'], []],
  ['Have not got enough food for the kids this week.', 'female', ['food'], []],
  ['Food: enough, no concerns.', 'female', [], ['food']],
  // A note that says the patient is well in themselves tells a relation's trouble (context.json `selfWell`, seventeenth session).
  ['Worried about daughter who is depressed at uni. Pt herself coping fine.', 'female', [], ['mental-wellbeing']],
  ['Mentions mum lonely since dad died, worried about her. Pt well herself.', 'female', [], ['loneliness', 'mental-wellbeing']],
  ["Pt's dad very low since being paid off. Pt's own mood fine.", 'male', [], ['mental-wellbeing']],
  // Not when the relation is the one lost or gone, nor "physically" or "otherwise" well, nor a report, nor a denial.
  ['Lonely since wife died, sits in all day. Son in Canada. He himself feels he is coping well.', 'male', ['loneliness'], []],
  ['Low and tearful since son moved to Australia, feels very alone. She is fine herself physically.', 'female', ['loneliness', 'mental-wellbeing'], []],
  ['Grieving for her dad, very low, PHQ-9 18. Daughter worried. Pt herself fine otherwise.', 'female', ['mental-wellbeing'], []],
  ['Struggling since her husband died, lonely, rarely goes out. Daughter visits. Pt herself says she is fine but clearly is not.', 'female', ['loneliness'], []],
  ['Isolated since her sister moved away, nobody to talk to. Pt herself not coping.', 'female', ['loneliness'], []],
  ['Low mood, daughter not speaking to her. Well in herself, eating and drinking.', 'female', ['mental-wellbeing'], []],
  // The statement must be its whole clause: a domain or a turn makes it none (hostile review, 24 notes).
  ['Daughter has PND, pt helping with the baby. Pt herself coping fine but own sleep poor and feels low and cut off from her pals.', 'female', ['mental-wellbeing'], []],
  ['Lost her mum in August and has been low and lonely since - mum was her best pal. She is fine herself in terms of the diabetes.', 'female', ['loneliness', 'mental-wellbeing'], []],
  ['Son moved to Australia last yr, pt misses them terribly, v lonely, low. Pt herself coping ok with the COPD.', 'female', ['loneliness'], []],
  // "Own mood fine" speaks only of mood.
  ["Pt's own mood fine. Feels lonely since husband started working away offshore, evenings long with the kids in bed.", 'female', ['loneliness'], []],
  // Seventeenth session, dev38 and its review: work, legal, family, and what a landlord's threat is.
  ['Left college 2 yrs ago, never had a job. Wants to work - good with computers.', 'male', ['work'], []],
  ['Agency cleaner, hrs cut from 30 to 8 a week since Nov.', 'female', ['work'], []],
  ['Boss says he will lose the job if he keeps coming in late.', 'male', ['work'], []],
  ['Works in HR herself at the council, spends all day talking to the union.', 'female', [], ['work']],
  ['Landlord changed the locks yesterday, no court order - illegal eviction.', 'male', ['legal', 'housing'], []],
  ['Visa not at risk anymore - got ILR in spring.', 'female', [], ['legal']],
  ['Constant rows with her mum since her dad left, every day a fight. Open to family mediation.', 'female', ['family'], []],
  ['Might consider family mediation if ex gets difficult re contact, but fine at present.', 'female', [], ['family']],
  ['Landlord threatening to evict if rent not paid by Friday.', 'female', ['housing'], ['safety']],
  ['Landlord threatening her - came to the flat drunk and tried to force his way in. Scared to be there alone.', 'female', ['safety'], []],
  ['Teaches ESOL to refugees at the college. Low back pain, no red flags.', 'female', [], ['housing', 'safety']],
  ["International student, hasn't made any friends, doesn't want to bother flatmates.", 'female', ['loneliness'], []],
  ['Drinking 40u/wk, doesn\'t want to tell his wife how much.', 'male', ['substances'], []],
  // A question about a topic answered well denies the topic; an event asked about, or a need told in the answer, stays.
  ["Asked re finances - 'comfortable', good teacher's pension.", 'female', [], ['money']],
  ["Asked about work - 'no stress, I'm a postie, I love being out.'", 'male', [], ['work']],
  ["Asked how she's coping with the eviction notice - fine, sister helping.", 'female', ['housing'], []],
  ['Asked about money - fine until last month, now 2 months behind with rent.', 'female', ['money'], []],
  ['Asked re stress - no stress at work since he was paid off. Now stressing aboot paying the mortgage, not sleeping.', 'male', ['mental-wellbeing'], []],
  // A modal that looks ahead to a time or place is a possibility; a need told in its own clause stays.
  ['Daughter moving to Aberdeen in the summer; he might feel a bit isolated then, but sees plenty folk at the bowls.', 'male', [], ['loneliness']],
  ['Moving into halls in Sept, worried she might be lonely there. Fine just now.', 'female', [], ['loneliness']],
  ['Daughter moving away; she might be lonely then. Already isolated, rarely goes out.', 'female', ['loneliness'], []],
  // A pronoun of the other sex opening a reported clause is its subject (eighteenth session, dev39).
  ["Husband's COPD - she says he'd like to meet others with it and asked about groups.", 'female', [], ['long-term-condition']],
  ['Worried about 15yo daughter - staying out late, suspects she is drinking.', 'male', ['family'], ['substances']],
  // ... not when the reporter is that pronoun: her own household's rent stays (the reporting-verb rule).
  ['Daughter visiting. She has also said she cannot pay the rent.', 'male', ['money'], []],
  // A bracket saying the relation is not the patient leaves the relation's reach whole.
  ['Son (not our pt) gambling, owes money all over. Own health fine.', 'female', [], ['substances', 'money']],
  // 'd and 'll read as "would" and "will".
  ["Retired last year. Bored, says she'd like to do some volunteering.", 'female', ['work'], []],
  ["Parkinson's. He'd like to meet others with PD, info on the local branch.", 'male', ['long-term-condition'], ['loneliness']],
  // Eighteenth session, dev40: a full stop after a bracket ends the sentence; "not aware of" a scheme is no denial
  // ("not aware of any" still is); a leaflet "for him"; cannabis is no stop-smoking prompt; a declined offer.
  ["Son's drug use (daughter's partner too). Exhausted, money tight.", 'female', ['money'], []],
  ['On chemo weekly. Taxi ~£60 each time. Not aware of travel cost reimbursement.', 'male', ['transport'], []],
  ['Not aware of any money worries, pension covers it.', 'female', [], ['money']],
  ["Son has a gambling problem - she's refused to bail him out. GamCare leaflet for him.", 'female', [], ['substances']],
  ['Smoking cannabis every day since school - wants to stop. Drug service info.', 'male', ['substances'], ['activity']],
  ['Asthma rv. Housing: asked re damp/mould given chest - none, new-build.', 'female', [], ['housing']],
  ["Offered Carers Centre info as husband has COPD - she says she doesn't need it, they're both fine.", 'female', [], ['caring']],
  // The hostile review of the eighteenth session's rules: a wondering ends at its reason, a report is no offer.
  ["Wonders if she might be entitled to any help as she's behind with the council tax and the gas bill.", 'female', ['money'], []],
  ["Mentioned he's been off work 3 months and is worried about losing his job - declined a fit note today.", 'male', ['work'], []],
  ['The only people he speaks to about it are his AA group - sober 2 years, well supported by wife and pals.', 'male', [], ['loneliness']],
  ['Fell out with her parents and was thrown out at 16 - now reconciled, good relationship, own tenancy.', 'female', [], ['family']],
  // dev42: "if" reaches 15 words and a reason ends it; a benefit's loss as a condition; a denial of transport; Doric.
  ["If the boat's sold at the end of the season he'll be out of work - 'cross that bridge'.", 'male', [], ['work']],
  ["Asked if she's entitled to anything since she gave up work for it - not getting Carer Support Payment.", 'female', ['caring'], []],
  ['Skipping meals and no gas on, advised to contact CAB should benefits be sanctioned.', 'female', ['food', 'fuel'], []],
  ['Transport not an issue - son drives him to all his appointments.', 'male', [], ['transport']],
  ['Stepdad put him out 3 wks ago after a fight. Sofa surfing at pals.', 'male', ['family', 'housing'], []],
  ["Wife's stroke in Jan, he does everything now. 'I've lost aw my pals.'", 'male', ['loneliness'], []],
  // dev43 (nineteenth session): a relation opening a reported clause or told after "about … -"; a modal before
  // loneliness; a denied template question; and what its hostile review (50 notes) held the rules to.
  ['Pt says son is homeless. Her own tenancy fine.', 'female', [], ['housing']],
  ['Pt mentions daughter has PND and is struggling wi the baby - daughter at another practice.', 'female', [], ['family']],
  ['Pt anxious about son (22) - gambling, has borrowed money from her. Info re support for families of gamblers.', 'female', [], ['substances', 'money']],
  ['Pt says she and son are homeless, staying at her sister\'s.', 'female', ['housing'], []],
  ['Pt says partner hits her when he has had a drink, scared to go home.', 'female', ['safety'], []],
  ['Pt feels his wife would leave him if she knew about the betting - lost £4k on online slots this month, 2 months rent arrears, low and ashamed.', 'male', ['money'], []],
  ['Worried about daughter - and about herself: both evicted last week, now in a B&B together.', 'female', ['housing'], []],
  ['Worried he might feel isolated away fae his pals if he moves to sheltered housing.', 'male', [], ['loneliness']],
  ['DV Qs - no concerns. Adult protection Qs: nil.', 'female', [], ['safety']],
  ['DV Qs - discloses partner pushed her down the stairs last week.', 'female', ['safety'], []],
  ['DV Qs: none asked as partner present throughout.', 'female', ['safety'], []],
  // The code review of those rules: a relation after "told" is the one told; a reported relation reaches to its
  // clause's end; what is told after "about … -" ends at the next dash; a rise "will go up" is no possibility unless
  // worried about; "controls her own" is abuse; a hernia repair and a leak of urine are no housing.
  ["Hasn't told wife about the drinking, 12 cans a day.", 'male', ['substances'], []],
  ['Worries mum will find out about the self harm, cutting thighs most nights.', 'female', ['mental-wellbeing'], []],
  ['Pt worries wife will leave, lost £4k on the slots, 2 months rent arrears.', 'male', ['money'], []],
  ['Worried re son - in prison - drinking 2 bottles of wine a night to cope.', 'female', ['substances'], []],
  ["Can't afford heating, bills will go up again in October.", 'female', ['fuel'], []],
  ['2 months rent arrears and rent will go up in April.', 'female', ['money'], []],
  ['Husband is coercive, controls her own bank account.', 'female', ['safety'], []],
  ['Awaiting hernia repair. Leaks urine going upstairs.', 'male', [], ['housing']],
  // dev45 and its hostile review (40 notes): a question answered well denies only itself; start points; look-alikes that
  // must not hide what follows them.
  ["Asked re housing - owns his house, central heating, warm and dry, no damp or mould.", 'male', [], ['housing']],
  ['Asked re alcohol - nae worries, 3 bottles of wine a night since the divorce.', 'female', ['substances'], []],
  ['Since retiring 2 years ago lonely, drinking more.', 'male', ['loneliness', 'substances'], []],
  ["Uses his smartphone for everything - but phone cut off 3 wks ago as couldn't pay the contract, so no online banking.", 'male', ['digital'], []],
  ['Sponsor threatened to report her to the Home Office; he keeps her passport and she works 70 hrs/wk for board only.', 'female', ['safety'], []],
  ['Employer has threatened to withdraw her sponsorship since she raised concerns about night staffing.', 'female', ['work'], ['safety']],
  ['The gambling is his - he made her take out two payday loans in her name to cover his losses.', 'female', ['money'], ['substances']],
  ['Council budget cuts - her day centre closed in April. Now in the house all week, not seen anyone but the carers.', 'female', [], ['money']],
  // Living alone yields to a denial of loneliness elsewhere in the notes; any other sign of loneliness still prompts.
  ['Pt 83, lives alone since wife died 5 yrs ago. Denies feeling lonely or isolated.', 'male', [], ['loneliness']],
  ['Lives alone: Y. Loneliness: denies - daughter in daily.', 'female', [], ['loneliness']],
  ["Lives alone, not lonely but isolated since the fall, hasn't been out in weeks.", 'female', ['loneliness'], []],
  ['Lives alone. Very lonely since her sister died.', 'female', ['loneliness'], []],
  ["Handles her own money, feels safe at home.", 'female', [], ['safety']],
  ['Worried energy prices will go up again in Oct - coping just now, house warm.', 'female', [], ['fuel', 'housing']],
  ['Young carer: no. Not known to young carers. Here with mum for verruca.', 'female', [], ['caring']],
  ["Hasn't applied for Scottish Child Payment - not eligible, both working, no money worries.", 'female', [], ['money']],
  ["Wage from the care home just doesn't stretch to the end of the month.", 'female', ['money'], []],
];

/**
 * Twentieth session, dev46 and dev48: each behaviour added, with the reading it must keep; the second half of each group
 * are a hostile review's notes, worse under the round's first form.
 */
const TWENTIETH: [string, 'female' | 'male', string[], string[]][] = [
  // "Pt herself ok" still speaks only for mood and loneliness (its widening to every need was withdrawn).
  ['Lives with husband in damp mouldy flat, black mould in bedroom, landlord not responding. Pt herself coping ok.', 'female', ['housing'], []],
  ['Husband worried about her drinking - 50 units/wk, mostly wine. Pt herself feels fine.', 'female', ['substances'], []],
  // "for her" of the patient's own sex, after "pt", about a relation of that sex (or either) who is the subject of
  // its clause and did not come, ring or ask: the relation's service.
  ['Niece has MS, pt asked about support groups for her.', 'female', [], ['long-term-condition']],
  ['Neighbour newly diagnosed with diabetes. Pt asked about a peer support group for him.', 'male', [], ['long-term-condition']],
  ['Pt asked about support groups for her MS.', 'female', ['long-term-condition'], []],
  ['Daughter attended with pt. Pt keen on a referral to the lunch club for her.', 'female', ['loneliness'], []],
  ['Daughter phoned re pt, asking about day centre for him.', 'male', ['loneliness'], []],
  ['Son concerned pt not managing, asking about a taxi card for her.', 'female', ['transport'], []],
  ['Niece visits. Pt would like a befriending referral for her.', 'female', ['loneliness'], []],
  // A subject pronoun of the other sex after "when" or "because", standing for a partner named before: only its
  // subordinate clause is his.
  ['Partner shouts at her when he has had a drink, takes her bank card.', 'female', ['safety'], ['substances']],
  ['Drinks most nights when she is on her own, worried about it.', 'female', ['substances'], []],
  ["Neighbour usually takes her shopping. Struggles when he's away as no bus and can't get to the shops.", 'female', ['transport'], []],
  ["Lives with partner. Can't go out when he's at work as no car and no buses from the farm.", 'female', ['transport'], []],
  // "They" after parents or neighbours named before, for an adult: theirs, and a service "for them" too; not when the
  // patient lives with them, nor what they do to the patient.
  ["Her parents, both in their 80s in Airdrie - they can't afford to heat the house. She'll look into Home Energy Scotland for them.", 'female', [], ['fuel', 'housing', 'money']],
  ["Lives with her parents - they can't afford the rent.", 'female', ['housing'], []],
  ["Came out to his parents at Christmas. They've stopped speaking to him and won't pay his rent any more.", 'male', ['money'], []],
  // A carer who says they are coping and turns down carer support: no caring prompt; with strain, without the
  // refusal, or with a refusal of something else, one.
  ['Looks after his wife (dementia). Says he is coping fine, family help. Does not want carer support just now.', 'male', [], ['caring']],
  ['Looks after his wife (dementia). Says he is coping fine but exhausted, up at night. Does not want carer support.', 'male', ['caring'], []],
  ['Main carer for her mum with dementia, coping ok.', 'female', ['caring'], []],
  ["Main carer for mum (dementia). Back pain managing ok with physio. Doesn't want anything stronger for pain.", 'female', ['caring'], []],
  ['Cares for wife with MND, does everything for her. BP managing well. Declined support stockings.', 'male', ['caring'], []],
  // Phrases, each with a look-alike.
  ['Needs help applying for PIP, form arrived.', 'female', ['money'], []],
  ['Predfoam - applying nightly for UC flare, improving.', 'male', [], ['money']],
  ['Helping son with application for ADP.', 'female', [], ['money']],
  ['Employer says they cannot keep her on past March.', 'female', ['work'], []],
  ["Boss can't keep her on nights due to seizures, moved to day shift, happy.", 'female', [], ['work', 'money']],
  ['Has no car, does not know how she will get to the hospital for chemo.', 'female', ['transport'], []],
  ['Wants to lose 2 stone but not sure how to get there.', 'female', [], ['transport']],
  ["Hospital appts in Glasgow. Unsure how she'll get there - daughter will drive her.", 'female', [], ['transport']],
  ['Worried about the rent if prices go up again, managing at the moment.', 'female', [], ['housing', 'money']],
  ['Anxious about a lump in her breast - benign on USS, reassured.', 'female', [], ['mental-wellbeing']],
  ['Started ropinirole, counselled re side effects incl. gambling and shopping urges.', 'male', [], ['substances']],
  ['Counselled re risk of OD - still using heroin daily and buying street valium.', 'male', ['substances'], []],
  ['Started sertraline 50mg, counselled re s/e, low mood++, not coping at work, off sick.', 'female', ['mental-wellbeing'], []],
  ['safety net advice - return if fever, rash etc. lives alone, very isolated, not left house in months', 'female', ['loneliness'], []],
  ['Completed pulmonary rehab in the summer, walking daily now.', 'male', [], ['long-term-condition']],
  ['Ref for immigration advice (CAB) re visa.', 'male', ['legal'], ['money']],
  ['A workmate has asked him to be a witness at a grievance hearing.', 'male', [], ['mental-wellbeing']],
  ['Bullied by his supervisor at the factory - shouts at him in front of everyone. Dreading Mondays.', 'male', ['mental-wellbeing'], ['safety']],
  ['Husband shouts at her when drunk, she is scared of him.', 'female', ['safety'], []],
  ['Asked for a letter to support her daughter\'s housing application.', 'female', [], ['legal']],
  ['Off 3/52 w/ stress, fit note.', 'female', ['mental-wellbeing'], []],
  ["Her son got evicted. She's worried about him but says she's fine herself, own house, working.", 'female', [], ['housing']],
];

/** Twentieth session, a second hostile review (188 notes on the dev48 round): the patient's own household kept. */
const TWENTIETH_BY_AGE: [string, 'female' | 'male', number, string[], string[]][] = [
  ['25yo, still at home with mum and dad. They are in rent arrears and the landlord has served notice.', 'male', 25, ['housing'], []],
  ['Lives in a flat with two friends. They have been served notice to leave by the end of the month.', 'female', 30, ['housing'], []],
  ['Husband and son both paid off from the yard in May. They are 2 months behind with the rent.', 'female', 52, ['housing'], []],
  ['Out with pals every weekend - they take cocaine and he joins in, spending £200 a weekend.', 'male', 24, ['substances'], []],
  ['Brought up by grandparents. They are struggling financially since grandad lost his job.', 'female', 17, ['money'], []],
  ['Mum separated from dad in June, she is struggling with the rent and has had a final demand.', 'female', 8, ['money'], []],
  ['Has 2 kids who she struggles to feed on UC, skipping meals herself.', 'female', 34, ['food'], []],
  ['Told her line manager that partner shouts at her constantly and checks her phone.', 'female', 40, ['safety'], []],
];

/** Eighteenth session, dev40: a parent's or grandparent's role with the patient's own age in brackets is the patient. */
const BY_AGE: [string, 'female' | 'male', number, string[], string[]][] = [
  ['Gran (63) now bringing up 2 grandchildren. Money tight, no help.', 'female', 63, ['money'], []],
  ['Gran (88) drinking heavily most days.', 'female', 40, [], ['substances']],
  ['Gran (40) drinking heavily most days.', 'female', 40, ['substances'], []],
  ["Boyfriend (18) - he's drinking heavily.", 'female', 17, [], ['substances']],
];

/** The needs the sidebar would show for these notes: each of `shown` is there, none of `notShown` is. */
/**
 * Twenty-first session, dev49 (a Dundee, Fife and Perth practice): each phrase or cue added, and a hostile review's notes
 * (164, 76 worse as the round was first written) that the narrowed forms must read as before.
 */
const TWENTY_FIRST: [string, 'female' | 'male', string[], string[]][] = [
  ['£40/wk short on rent, now in arrears with the HA.', 'female', ['housing'], []],
  ['Been missing her dinner to make the rent up.', 'female', ['food'], []],
  ['Hypo this am after missing his breakfast, rushing for work. Adjust insulin.', 'male', [], ['food']],
  ['Single dad, dropped to part time at the factory as no childcare for his shifts.', 'male', ['work'], []],
  ['Dropped to part time by choice to look after grandkids, enjoying it.', 'female', [], ['work']],
  ['Since wife died has had almost no contact with anyone.', 'male', ['loneliness'], []],
  ['D&V x3 days. No contact with anyone unwell. Tolerating fluids.', 'female', [], ['loneliness']],
  ['Since the MS diagnosis she has stopped going out with her friends.', 'female', ['loneliness'], []],
  ['Stopped going out with pals drinking - 6 months sober, doing well.', 'male', [], ['loneliness']],
  ["Denies SI but sometimes wonders what's the point.", 'male', ['mental-wellbeing'], []],
  ['Wonders whats the point of the statin if chol still high. Discussed.', 'male', [], ['mental-wellbeing']],
  ["Motability car going back end of month. 'How am I meant to get anywhere?'", 'female', ['transport'], []],
  ['Mobility car returned as no longer needs it, driving own car now.', 'male', [], ['transport']],
  ['OT visit - showed how she is meant to get around the house with frame safely.', 'female', [], ['transport']],
  ['Cannot afford childcare, needs childcare support to go back to work.', 'female', ['family'], []],
  ['Gran (pt) provides childcare help 3 days a week for daughter. Back pain lifting toddler.', 'female', [], ['family']],
  ['First baby, feels out her depth. Parent and baby group suggested.', 'female', ['family'], []],
  ['Goes to parent & baby group at church on Tues, loves it, baby feeding well.', 'female', [], ['family']],
  ['Was full time carer for her mum for 10 yrs, mum passed last year. Wants to get back into work.', 'female', [], ['caring']],
  ['Dad and pt were carers for mum together, now dad in hosp with his hip and pt doing it all herself. Tired.', 'female', ['caring'], []],
  ["Was referred to carers centre in Jan - no contact yet. Husband's dementia worse, up 3x a night.", 'female', ['caring'], []],
  ['Son has debts. Has told the boy to go to CAB.', 'male', [], ['money']],
  ['Told her son to move back home as she is lonely since dad died.', 'female', ['loneliness'], []],
  ["DM review. Offered the X-PERT peer group - doesn't feel he needs it.", 'male', [], ['long-term-condition']],
  ["Wife's dementia worse. Offered carers assessment - she doesnt think she needs it. Pt tearful, up at night with her.", 'male', ['caring'], []],
  ["Planning a pregnancy. Asked what childcare support there'd be if she went back to work after.", 'female', [], ['family']],
  ['Very lonely since moving here, befriending leaflet for later.', 'male', ['loneliness'], []],
  ['Drinking 2 bottles wine daily, alcohol service number for later.', 'female', ['substances'], []],
  ['Only gets out maybe once a month and feels very lonely, no family near.', 'female', ['loneliness'], []],
  ['Last winter was bad and this winter no better, cant afford to heat the house.', 'female', ['fuel'], []],
];

function expectNeeds(context: Partial<PatientContext>, shown: string[], notShown: string[]): void {
  const needs = promptsFor(ctx(context), { role: 'gp', limit: 3 }).map((p) => p.need);
  for (const n of shown) expect(needs, `${n} should show`).toContain(n);
  for (const n of notShown) expect(needs, `${n} should not show`).not.toContain(n);
}

describe('probe notes (#14)', () => {
  test.each(PROBES)('%s', (notes, age, shown, notShown) => expectNeeds({ notes, age }, shown, notShown));

  // Code review: the pronoun stands for the relation named before it, so a brother's clause is not a child's household
  // (a parent's still is).
  test.each([
    ['Brother (19) moved out. He cannot afford food and is sleeping on a sofa.', [], ['food', 'housing']],
    ['Dad was in today. He cannot afford food this week and the flat is cold.', ['food'], []],
    // A possessive never blocks a child's household need (code review, twelfth session).
    ['Lives with mum and her boyfriend. His benefits were stopped.', ['money'], []],
  ] as [string, string[], string[]][])('%s (a girl of 12)', (notes, shown, notShown) => expectNeeds({ notes, sex: 'female', age: 12 }, shown, notShown));

  test.each(BY_SEX)('%s (%s patient)', (notes, sex, shown, notShown) => expectNeeds({ notes, sex, age: 50 }, shown, notShown));
  test.each(TWENTIETH)('%s (%s patient)', (notes, sex, shown, notShown) => expectNeeds({ notes, sex, age: 50 }, shown, notShown));
  test.each(TWENTIETH_BY_AGE)('%s (%s patient aged %i)', (notes, sex, age, shown, notShown) => expectNeeds({ notes, sex, age }, shown, notShown));
  test.each(TWENTY_FIRST)('%s (%s patient)', (notes, sex, shown, notShown) => expectNeeds({ notes, sex, age: 50 }, shown, notShown));
  test.each(BY_AGE)('%s (%s patient aged %i)', (notes, sex, age, shown, notShown) => expectNeeds({ notes, sex, age }, shown, notShown));
});
