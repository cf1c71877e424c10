// Code loaded after the first paint (#17): a failed import is shown as a failure, never as a
// panel waiting for ever, and the next mount tries again; a result that arrives after the
// component has gone sets nothing.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, test, vi } from 'vitest';
import { lazyLoader, useLazy, type Lazy } from '../../../src/ui/shared/use-lazy';
import { useHost } from '../host';

describe('lazyLoader', () => {
  test('one import at a time; a failure is forgotten so the next call retries', async () => {
    let calls = 0;
    const load = lazyLoader(async () => {
      calls += 1;
      if (calls === 1) throw new Error('chunk missing');
      return 'module';
    });
    await expect(load()).rejects.toThrow('chunk missing');
    const [a, b] = [load(), load()];
    await expect(a).resolves.toBe('module');
    await expect(b).resolves.toBe('module');
    await expect(load()).resolves.toBe('module');
    expect(calls).toBe(2);
  });
});

describe('useLazy', () => {
  let root: HTMLElement;
  useHost((el) => (root = el));

  function Show(props: { loader: () => Promise<string> }) {
    const lazy: Lazy<string> = useLazy(props.loader);
    return <p>{lazy.state === 'ready' ? lazy.value : lazy.state}</p>;
  }

  test('loading, then ready', async () => {
    await act(() => render(<Show loader={async () => 'cards'} />, root));
    await vi.waitFor(() => expect(root.textContent).toBe('cards'));
  });

  test('a failed import says so', async () => {
    await act(() => render(<Show loader={() => Promise.reject(new Error('gone'))} />, root));
    await vi.waitFor(() => expect(root.textContent).toBe('failed'));
  });

  test('nothing is set after unmount', async () => {
    let release: (v: string) => void = () => undefined;
    const gate = new Promise<string>((resolve) => (release = resolve));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await act(() => render(<Show loader={() => gate} />, root));
    expect(root.textContent).toBe('loading');
    await act(() => render(null, root));
    release('late');
    await gate;
    await new Promise((r) => setTimeout(r, 0));
    expect(root.textContent).toBe('');
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});
