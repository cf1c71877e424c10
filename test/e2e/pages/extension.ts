/** Talk to the background the way the extension's own pages do (through the real messaging module's wire format). */
import type { Page } from 'playwright-core';
import type { Harness } from '../fixtures';

export async function extensionPage(h: Harness): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/options.html`);
  return page;
}

export interface Reply<T = unknown> {
  ok: boolean;
  value?: T;
  error?: { kind: string; message: string; details?: { path: string; message: string }[] };
}

export async function message<T = unknown>(page: Page, type: string, payload: unknown = {}): Promise<Reply<T>> {
  return page.evaluate(
    ([t, p]) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ channel: 'links-sidebar', type: t, payload: p }),
    [type, payload] as const,
  ) as Promise<Reply<T>>;
}

/** Merge `patch` (top-level sections replaced) into the saved settings. */
export async function configure(h: Harness, patch: Record<string, unknown>): Promise<void> {
  const page = await extensionPage(h);
  const current = await message<{ settings: Record<string, unknown> }>(page, 'settings.get');
  if (!current.ok || !current.value) throw new Error(`settings.get failed: ${JSON.stringify(current.error)}`);
  const saved = await message(page, 'settings.save', { settings: { ...current.value.settings, ...patch } });
  if (!saved.ok) throw new Error(`settings.save failed: ${JSON.stringify(saved.error)}`);
  await page.close();
}
