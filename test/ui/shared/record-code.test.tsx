import { afterEach, expect, test, vi } from 'vitest';
import { render } from 'preact';
import { recordCodeFor } from '../../../src/referral/record-codes';
import { RecordCode } from '../../../src/ui/shared/RecordCode';

const host = document.createElement('div');
document.body.append(host);
afterEach(() => render(null, host));

test('a checked code: term, code, and the copy text copied', async () => {
  const copy = vi.fn(async () => undefined);
  render(<RecordCode entry={recordCodeFor('declined')} copy={copy} />, host);
  expect(host.textContent).toContain('Social prescribing declined');
  expect(host.textContent).toContain('SNOMED CT 871711000000103');
  host.querySelector('button')?.click();
  await vi.waitFor(() => expect(host.querySelector('[role="status"]')?.textContent).toBe('Copied.'));
  expect(copy).toHaveBeenCalledWith('Social prescribing declined (SNOMED CT 871711000000103)');
});

test('no checked code: words, the reason, and no number', () => {
  render(<RecordCode entry={recordCodeFor('supported-signposting')} copy={async () => undefined} />, host);
  expect(host.textContent).toContain('Supported signposting');
  expect(host.textContent).toContain('No SNOMED CT code');
  expect(host.textContent).not.toMatch(/\d{9,}/);
  expect(host.querySelector('button')?.textContent).toBe('Copy text');
});
