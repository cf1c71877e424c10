/**
 * The need taxonomy: one list used by prompts, directory mapping, referral and
 * insights. Ids are stable (they are stored in events and referrals); labels
 * and signal phrases may change. Signals are matched on word boundaries by
 * src/prompts/text-match.ts, which also handles plurals and negation.
 */
export interface Need {
  id: NeedId;
  label: string;
  description: string;
  /** Words and phrases that, in consultation notes, suggest this need. */
  signals: string[];
}

export const NEED_IDS = [
  'money',
  'housing',
  'food',
  'fuel',
  'work',
  'loneliness',
  'mental-wellbeing',
  'activity',
  'caring',
  'substances',
  'safety',
  'legal',
  'digital',
  'transport',
  'family',
  'long-term-condition',
] as const;

export type NeedId = (typeof NEED_IDS)[number];

export const NEEDS: readonly Need[] = [
  {
    id: 'money',
    label: 'Money, benefits and debt',
    description: 'Income, benefit claims and appeals, debt and budgeting advice.',
    signals: ['debt', 'debts', 'arrears', 'benefits', 'universal credit', 'pip', 'sanctioned', 'sanction', 'skint', "can't afford", 'cannot afford', 'money worries', 'bills', 'money problems', 'money troubles', 'short of money', 'worried about money', 'loan shark', 'payday loan', 'no money', 'struggling financially', 'financial difficulty', 'bailiffs', 'sheriff officers'],
  },
  {
    id: 'housing',
    label: 'Housing',
    description: 'Homelessness, eviction, repairs, damp and overcrowding, tenancy support.',
    signals: ['eviction', 'evicted', 'homeless', 'homelessness', 'rent arrears', 'sofa surfing', 'sofa-surfing', 'damp', 'mould', 'mold', 'overcrowded', 'landlord', 'notice to leave', 'notice to quit', 'housing problems', 'housing issues', 'worried about housing', 'repossession', 'temporary accommodation', 'hostel', 'rough sleeping', 'no fixed abode'],
  },
  {
    id: 'food',
    label: 'Food',
    description: 'Food banks, community meals and pantries, help with the cost of food.',
    signals: ['food bank', 'foodbank', 'hungry', 'not eating', 'skipping meals', 'no food', 'food parcel', 'cannot afford food', "can't afford food"],
  },
  {
    id: 'fuel',
    label: 'Fuel and energy',
    description: 'Heating and energy bills, prepayment meters, warm homes advice.',
    signals: ['gas bill', 'electric bill', 'electricity bill', 'heating', 'cold house', 'cold flat', 'prepayment meter', 'fuel poverty', 'energy bill', 'energy bills', 'no heating', "can't pay the gas", 'cannot heat'],
  },
  {
    id: 'work',
    label: 'Work, volunteering and learning',
    description: 'Employability support, volunteering, training and adult learning.',
    signals: ['unemployed', 'lost job', 'lost her job', 'lost his job', 'redundant', 'redundancy', 'made redundant', 'job loss', 'out of work', 'job seeking', 'looking for work', 'sick note', 'fit note', 'zero hours', 'volunteering', 'college course'],
  },
  {
    id: 'loneliness',
    label: 'Loneliness and social connection',
    description: 'Befriending, community groups, lunch clubs and ways to meet people.',
    signals: ['lonely', 'loneliness', 'isolated', 'isolation', 'lives alone', 'no one to talk to', 'no friends', 'housebound', 'socially isolated', 'nobody to talk to'],
  },
  {
    id: 'mental-wellbeing',
    label: 'Mental wellbeing and bereavement',
    description: 'Low mood, stress and anxiety support, bereavement and counselling services.',
    signals: ['bereaved', 'bereavement', 'widowed', 'passed away', 'died', 'grief', 'grieving', 'stressed', 'stress', 'low mood', 'anxious', 'anxiety', 'not coping', 'struggling to cope', 'worried'],
  },
  {
    id: 'activity',
    label: 'Physical activity and healthy living',
    description: 'Walking groups, exercise referral, weight management, healthy eating and stopping smoking.',
    signals: ['inactive', 'sedentary', 'weight gain', 'overweight', 'obese', 'smoker', 'smoking', 'wants to get fitter', 'exercise'],
  },
  {
    id: 'caring',
    label: 'Caring responsibilities',
    description: "Support for unpaid carers: carers' centres, respite, carer support plans.",
    // Not bare "carer": in notes that usually means paid carers visiting the patient.
    signals: ['is a carer', 'main carer', 'full-time carer', 'carer for', 'carer to', 'caring for', 'cares for', 'looks after her', 'looks after his', 'unpaid carer', 'young carer', 'carer strain', 'carer stress'],
  },
  {
    id: 'substances',
    label: 'Alcohol, drugs and gambling',
    description: 'Alcohol and drug recovery services, gambling support, recovery communities.',
    signals: ['alcohol', 'drinking', 'drinks heavily', 'units per week', 'drug use', 'cannabis', 'heroin', 'methadone', 'gambling', 'betting', 'relapse', 'relapsed', 'in recovery', 'recovery community'],
  },
  {
    id: 'safety',
    label: 'Domestic abuse and safety',
    description: 'Domestic abuse support, Women\u2019s Aid, adult protection and personal safety.',
    signals: ['domestic abuse', 'domestic violence', 'coercive', 'controlling partner', 'afraid of partner', 'feels unsafe', 'assaulted', 'abusive relationship'],
  },
  {
    id: 'legal',
    label: 'Legal and advocacy',
    description: 'Independent advocacy, legal advice, immigration and rights at work.',
    signals: ['tribunal', 'appeal', 'solicitor', 'court', 'immigration', 'asylum', 'advocacy', 'legal advice', 'discrimination'],
  },
  {
    id: 'digital',
    label: 'Digital inclusion',
    description: 'Getting online: devices, data, skills for online claims and appointments.',
    signals: ['no internet', 'no smartphone', 'not online', 'cannot use computer', "can't use computer", 'online form', 'digital skills', 'no wifi'],
  },
  {
    id: 'transport',
    label: 'Transport',
    description: 'Community transport, travel to appointments, concessionary travel.',
    signals: ['no transport', 'cannot get to', "can't get to", 'no car', 'bus fare', 'missed appointment', 'missed appointments', 'taxi fare', 'transport'],
  },
  {
    id: 'family',
    label: 'Family and parenting',
    description: 'Parenting support, childcare, family centres and young people\u2019s services.',
    signals: ['single parent', 'parenting', 'childcare', 'nursery', 'school refusal', 'new baby', 'postnatal', 'teenager', 'custody', 'kinship carer'],
  },
  {
    id: 'long-term-condition',
    label: 'Living with a long-term condition',
    description: 'Peer support and self-management for long-term conditions, condition charities.',
    signals: ['self-management', 'self management', 'peer support', 'newly diagnosed', 'struggling with diabetes', 'pain management', 'chronic pain', 'fatigue'],
  },
] satisfies Need[];

const byId = new Map<string, Need>(NEEDS.map((n) => [n.id, n]));

/** The need with this id, or undefined for an unknown id. */
export function needById(id: string): Need | undefined {
  return byId.get(id);
}

export function isNeedId(id: string): id is NeedId {
  return byId.has(id);
}

/** Label for display; falls back to the id so an unknown stored id never crashes a screen. */
export function needLabel(id: string): string {
  return byId.get(id)?.label ?? id;
}
