/**
 * "Send a test referral" in the options page: a clearly marked invented
 * patient, sent through the same sender as a real referral (so a redirect or
 * a sign-in page fails the test exactly as it would fail a referral).
 */
import { newReferralDraft } from '../../referral/draft';
import { isAllowedEndpoint } from '../../referral/destinations';
import { draftToReferral } from '../../referral/validate';
import type { Settings } from '../../settings/schema';
import { deliver, type SendOptions } from './send';

/** A CHI that passes its check digit and belongs to nobody's real date (01/01/01, test series). */
const TEST_CHI = '0101010000';

export async function sendTestReferral(settings: Settings, options: SendOptions = {}, now = new Date()): Promise<{ ok: boolean; message: string }> {
  const dest = settings.destination;
  if (dest.kind !== 'fhir' && dest.kind !== 'webhook') {
    return { ok: true, message: `The destination is ${dest.kind === 'email' ? 'email' : 'print'}: nothing is sent over the network.` };
  }
  const url = dest.kind === 'fhir' ? dest.baseUrl : dest.url;
  if (!isAllowedEndpoint(url)) return { ok: false, message: 'The address must use HTTPS (http only for this computer).' };
  const draft = newReferralDraft(
    { name: 'TEST Patient (not a real person)', sex: 'unknown', chi: TEST_CHI, problems: [], notes: '', pageKind: 'consultation', source: { adapter: 'test', confidence: 1 } },
    { name: 'Test referral', role: 'Practice manager' },
    ['money'],
    now,
    `test-${now.getTime()}`,
  );
  const referral = draftToReferral(
    {
      ...draft,
      whatMatters: 'TEST REFERRAL — please ignore. Sent from the Links Sidebar options page.',
      contact: { method: 'letter' },
      consent: { given: true, recordedAt: now.toISOString() },
      patient: { ...draft.patient, address: '1 Test Street' },
    },
    now,
  );
  const outcome = await deliver(referral, dest, settings, options);
  if (outcome.kind === 'sent') return { ok: true, message: 'Test referral accepted: the destination confirmed it.' };
  return { ok: false, message: `Test referral not accepted: ${outcome.reason}` };
}
