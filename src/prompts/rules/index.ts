/**
 * The default prompt rules, one JSON file per rule (file name = rule id),
 * reviewed line by line in docs/prompts.md. Imported statically so the
 * extension bundle needs no file access. They are validated by the test
 * suite (test/prompts/rules-meta.test.ts runs every file through parseRules
 * and checks the result equals DEFAULT_RULES), not at load: the schema
 * library stays out of the content script, which must be small.
 */
import type { Rule } from '../schema';
import activityWords from './activity-words.json';
import bereavementWords from './bereavement-words.json';
import carerProblemList from './carer-problem-list.json';
import carerStrain from './carer-strain.json';
import caringWords from './caring-words.json';
import complexMultimorbidity from './complex-multimorbidity.json';
import complexMultimorbidityWellbeing from './complex-multimorbidity-wellbeing.json';
import deprivationLtcMoney from './deprivation-ltc-money.json';
import digitalWords from './digital-words.json';
import familyWords from './family-words.json';
import foodWords from './food-words.json';
import fuelWords from './fuel-words.json';
import housingEvictionWords from './housing-eviction-words.json';
import housingWords from './housing-words.json';
import jobLossMoney from './job-loss-money.json';
import jobLossWords from './job-loss-words.json';
import legalWords from './legal-words.json';
import lonelinessWords from './loneliness-words.json';
import longTermConditionWords from './long-term-condition-words.json';
import mentalWellbeingWords from './mental-wellbeing-words.json';
import moneyWords from './money-words.json';
import nurseLtcActivity from './nurse-ltc-activity.json';
import nurseLtcPeerSupport from './nurse-ltc-peer-support.json';
import nurseLtcSelfManagement from './nurse-ltc-self-management.json';
import olderPersonLivingAlone from './older-person-living-alone.json';
import physicalAndMental from './physical-and-mental.json';
import polypharmacy from './polypharmacy.json';
import safetyWords from './safety-words.json';
import stressorWithSleep from './stressor-with-sleep.json';
import substancesProblemList from './substances-problem-list.json';
import substancesWords from './substances-words.json';
import transportWords from './transport-words.json';
import workWords from './work-words.json';
import youngAdultSubstances from './young-adult-substances.json';

/** Every default rule file as written, keyed by file name (without .json). */
export const DEFAULT_RULE_FILES: Readonly<Record<string, unknown>> = {
  'activity-words': activityWords,
  'bereavement-words': bereavementWords,
  'carer-problem-list': carerProblemList,
  'carer-strain': carerStrain,
  'caring-words': caringWords,
  'complex-multimorbidity': complexMultimorbidity,
  'complex-multimorbidity-wellbeing': complexMultimorbidityWellbeing,
  'deprivation-ltc-money': deprivationLtcMoney,
  'digital-words': digitalWords,
  'family-words': familyWords,
  'food-words': foodWords,
  'fuel-words': fuelWords,
  'housing-eviction-words': housingEvictionWords,
  'housing-words': housingWords,
  'job-loss-money': jobLossMoney,
  'job-loss-words': jobLossWords,
  'legal-words': legalWords,
  'loneliness-words': lonelinessWords,
  'long-term-condition-words': longTermConditionWords,
  'mental-wellbeing-words': mentalWellbeingWords,
  'money-words': moneyWords,
  'nurse-ltc-activity': nurseLtcActivity,
  'nurse-ltc-peer-support': nurseLtcPeerSupport,
  'nurse-ltc-self-management': nurseLtcSelfManagement,
  'older-person-living-alone': olderPersonLivingAlone,
  'physical-and-mental': physicalAndMental,
  'polypharmacy': polypharmacy,
  'safety-words': safetyWords,
  'stressor-with-sleep': stressorWithSleep,
  'substances-problem-list': substancesProblemList,
  'substances-words': substancesWords,
  'transport-words': transportWords,
  'work-words': workWords,
  'young-adult-substances': youngAdultSubstances,
};

/** The default rules (`enabled` defaults to true, as parseRule would set it). */
export const DEFAULT_RULES: Rule[] = Object.values(DEFAULT_RULE_FILES).map((file) => {
  const rule = file as Omit<Rule, 'enabled'> & { enabled?: boolean };
  return { ...rule, enabled: rule.enabled ?? true };
});
