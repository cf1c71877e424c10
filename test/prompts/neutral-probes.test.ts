// Plain clinical notes written for #14 (not taken from either corpus half):
// nothing social is on screen, so nothing may be prompted, whatever the
// clinical words that look like social ones ("stress test", "benefit of",
// "peak flow meter", "isolated systolic", "family history", "work-up").
import { describe, expect, test } from 'vitest';
import { promptsFor } from '../../src/prompts/prompts-for';
import { ctx, problems } from './helpers';

const PLAIN: [string, number][] = [
  ['Exercise ECG negative. Stress echo normal. Continue aspirin.', 61],
  ['Discussed benefits and risks of statin, agreed to start atorvastatin 20mg.', 58],
  ['Peak flow meter readings improved, PEFR 450. Inhaler technique checked.', 34],
  ['Isolated systolic hypertension 152/78, repeat ABPM.', 72],
  ['FH: father died of MI aged 52, mother alive with T2DM. QRISK 18%.', 47],
  ['Work-up for microcytic anaemia: ferritin, coeliac screen, OGD referral.', 55],
  ['Alcohol 4 units/week, non-smoker, BMI 24.', 39],
  ['Housing of hearing aid cracked, audiology for repair.', 80],
  ['Digital rectal exam: smooth, benign-feeling prostate.', 67],
  ['Contact dermatitis from alcohol hand gel at work, emollients.', 29],
  ['Stress incontinence, pelvic floor exercises, review 3/12.', 46],
  ['Stress fracture of metatarsal, boot for 6 weeks, off running.', 24],
  ['Heat rash on chest, cool showers, emollient.', 19],
  ['Cold sore, aciclovir cream.', 27],
  ['Travel clinic: rabies course for Thailand.', 31],
  ['Transport of bloods delayed, repeat U&E.', 70],
  ['Court shoes causing bunion pain, podiatry.', 52],
  ['Family planning: Depo injection given.', 22],
  ['Postnatal check 6/52: well, EPDS 2, baby feeding well, partner supportive.', 30],
  ['Asthma review: ACT 24, well controlled, action plan updated.', 17],
  ['COPD review, MRC 2, no exacerbations, walks the dog daily.', 69],
  ['T2DM review: HbA1c 52, feet fine, eyes screened, BP 128/76.', 64],
  ['Irritable bowel syndrome, trial of mebeverine and low FODMAP diet.', 33],
  ['Respiratory distress settled with nebulisers, discharge summary reviewed.', 5],
  ['Self-isolating with covid, mild symptoms, safety net advice.', 41],
  ['Head injury advice given, safety netted, no red flags.', 16],
  ['Recovery from hip replacement going well, physio exercises at home.', 73],
  ['MS relapse, 3 days oral steroids, MS nurse aware.', 38],
  ['Counselling before vasectomy, consent form signed.', 40],
  ['Injecting insulin into the same site, lipohypertrophy, rotate sites.', 59],
  ['Appointment slots for the asthma clinic sent out.', 25],
  ['Symptoms dismissed at A&E, now clear appendicitis, surgical referral.', 21],
  ['CV risk discussed, BP 145/90, home monitoring.', 50],
  ['Damp dressing over the graze, review in 2 days.', 9],
  ['Weight stable, BMI 23, eating well.', 44],
  ['Lives with wife, independent, drives, retired joiner. BP fine.', 76],
  ['Lives alone, independent, family nearby. Flu jab given.', 83],
  ['Sleep hygiene for insomnia, no low mood.', 35],
  ['Smoking cessation advice not needed, never smoked.', 45],
  ['Gave up smoking ten years ago. Spirometry normal.', 62],
];

describe('plain clinical notes get no prompt (#14)', () => {
  test.each(PLAIN)('%s', (notes, age) => {
    const out = promptsFor(ctx({ notes, age, problems: problems('Hypertension', 'Type 2 diabetes mellitus') }), { role: 'gp', limit: 3 });
    expect(out.map((p) => `${p.need}: ${p.why.join('; ')}`)).toEqual([]);
  });
});
