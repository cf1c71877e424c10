// The standalone reader loads when the entry mounts (#17), and Read waits for it. If a record
// patient comes on screen while it is still loading, the entry is gone and what it read must
// never appear, nor be confirmed: nothing typed in is shown beside (or instead of) the record's
// patient. (The entry also stops itself once unmounted; this test holds the outcome, whatever
// does the stopping.)
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { expect, test, vi } from 'vitest';
import type { PatientContext } from '../../../src/context/patient-context';
import { useHost } from '../host';

let release: () => void = () => undefined;
const gate = new Promise<void>((resolve) => (release = resolve));
vi.mock('../../../src/ui/panel/standalone-read', async (importOriginal) => {
  await gate;
  return importOriginal();
});
const { StandaloneEntry } = await import('../../../src/ui/panel/Standalone');

let root: HTMLElement;
useHost((el) => (root = el));

test('a read that finishes after a record patient arrived shows nothing and confirms no one', async () => {
  const confirmed = vi.fn();
  let showRecord: () => void = () => undefined;
  function Host() {
    const [record, setRecord] = useState(false);
    showRecord = () => setRecord(true);
    return record ? <p data-testid="record">Record patient …2103</p> : <StandaloneEntry why="No record here." onConfirm={(p: PatientContext) => confirmed(p)} />;
  }
  await act(() => render(<Host />, root));
  await act(() => {
    const id = root.querySelector<HTMLInputElement>('#ls-id') as HTMLInputElement;
    id.value = '1403522103';
    id.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(() => {
    root.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  // The reader has not loaded yet: nothing read is on screen.
  expect(root.querySelector('[data-testid="standalone-read"]')).toBeNull();
  await act(() => showRecord());
  release();
  await act(async () => {
    await gate;
    await new Promise((r) => setTimeout(r, 20));
  });
  expect(root.querySelector('[data-testid="record"]')).not.toBeNull();
  expect(root.querySelector('[data-testid="standalone-read"]')).toBeNull();
  expect(root.textContent).not.toContain('Check before you go on');
  expect(confirmed).not.toHaveBeenCalled();
});
