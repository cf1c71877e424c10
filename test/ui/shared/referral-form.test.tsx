import { describe, expect, test } from 'vitest';
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { newReferralDraft, type ReferralDraft } from '../../../src/referral/draft';
import { validateReferral } from '../../../src/referral/validate';
import { ReferralForm } from '../../../src/ui/shared/ReferralForm';
import { patient } from '../../referral/fixtures';
import { useHost } from '../host';

let host: HTMLElement;
let latest: ReferralDraft | undefined;

function Harness(props: { initial: ReferralDraft; showProblems?: boolean }) {
  const [draft, setDraft] = useState(props.initial);
  latest = draft;
  return (
    <ReferralForm draft={draft} problems={validateReferral(draft)} showProblems={props.showProblems ?? false} manual={false} sending={false}
      onChange={setDraft} onSend={() => undefined} onClose={() => undefined} />
  );
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const $ = <T extends Element>(sel: string) => host.querySelector<T>(sel) as T;
const click = async (sel: string) => {
  $<HTMLInputElement>(sel).click();
  await flush();
};
const type = async (sel: string, value: string) => {
  const el = $<HTMLInputElement | HTMLTextAreaElement>(sel);
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  await flush();
};

const practice = { name: 'Kelvinbrae Medical Practice', phone: '0141 555 0100' };
const fresh = () => newReferralDraft(patient, { name: 'Dr A Stewart', role: 'GP', practice }, ['money'], new Date('2026-11-20T10:00:00Z'), 'r1');

useHost((el) => (host = el));

describe('ReferralForm (issue #15)', () => {
  test('the record phone is prefilled and editable; a new number goes into the draft', async () => {
    render(<Harness initial={fresh()} />, host);
    expect($<HTMLInputElement>('#ref-phone').value).toBe('07700 900123');
    await type('#ref-phone', '07700 900456');
    expect(latest?.contact.phone).toBe('07700 900456');
  });

  test('"No known risks" is one click and disables the risks box', async () => {
    render(<Harness initial={fresh()} />, host);
    await click('#ref-no-risks');
    expect(latest?.risks).toEqual({ noneKnown: true });
    expect($<HTMLTextAreaElement>('#ref-risks').disabled).toBe(true);
    await click('#ref-no-risks');
    expect($<HTMLTextAreaElement>('#ref-risks').disabled).toBe(false);
  });

  test('filling the required items leaves nothing to fix', async () => {
    render(<Harness initial={fresh()} />, host);
    await type('#ref-matters', 'Getting on top of the bills');
    await click('#ref-no-risks');
    await click('#ref-consent');
    await click('#ref-consent-share');
    expect(latest && validateReferral(latest)).toEqual([]);
    expect(latest?.consent.recordedAt).toMatch(/^\d{4}-/);
  });

  test('referrer details fold away when complete, and open when something is missing', async () => {
    render(<Harness initial={fresh()} />, host);
    expect($<HTMLDetailsElement>('details.referrer').open).toBe(false);
    render(null, host);
    render(<Harness initial={{ ...fresh(), practice: {} }} showProblems />, host);
    expect($<HTMLDetailsElement>('details.referrer').open).toBe(true);
    expect($('#err-practice').textContent).toContain('practice name');
    expect($<HTMLInputElement>('#ref-practice').getAttribute('aria-describedby')).toBe('err-practice');
  });

  test('every aria-describedby points at a message on the page', async () => {
    const blank = newReferralDraft({ ...patient, phone: undefined }, {}, [], new Date(), 'b');
    render(<Harness initial={{ ...blank, contact: { method: 'phone' } }} showProblems />, host);
    await flush();
    const refs = [...host.querySelectorAll('[aria-describedby]')].map((el) => el.getAttribute('aria-describedby'));
    expect(refs.length).toBeGreaterThan(5);
    for (const id of refs) expect(host.querySelector(`#${id}`), id ?? '').not.toBeNull();
  });

  test('every field has a label', () => {
    render(<Harness initial={fresh()} />, host);
    for (const el of host.querySelectorAll('input:not([type=radio]):not([name=needs]), textarea, select')) {
      expect(host.querySelector(`label[for="${el.id}"]`), el.id).not.toBeNull();
    }
  });
});
