/**
 * Renders the options page into happy-dom with the messaging layer stubbed
 * (the boundary to the background), answering from a per-test table.
 */
import { render } from 'preact';
import { vi } from 'vitest';
import type { MessageType } from '../../../src/messaging/protocol';
import { send } from '../../../src/messaging/client';
import { OptionsApp } from '../../../src/ui/options/OptionsApp';
import type { PermissionsApi } from '../../../src/ui/options/permissions';
import { defaultSettings, type Settings } from '../../../src/settings/schema';

export type Reply = { ok: true; value: unknown } | { ok: false; error: { kind: string; message: string; details?: { path: string; message: string }[] } };
export type Answer = Reply | ((payload: Record<string, unknown>) => Reply);

export const sendMock = vi.mocked(send);

export function settingsView(change: (s: Settings) => void = () => {}, locked: string[] = []): Reply {
  const settings = defaultSettings();
  change(settings);
  return { ok: true, value: { settings, locked, warnings: [] } };
}

const DEFAULTS: Partial<Record<MessageType, Reply>> = {
  'settings.get': settingsView(),
  'directory.status': { ok: true, value: [] },
  'referral.list': { ok: true, value: [] },
  'origins.sync': { ok: true, value: { registered: [] } },
};

/** Answers each message type from `answers`, then the defaults; records every call. */
export function answer(answers: Partial<Record<MessageType, Answer>>): void {
  sendMock.mockImplementation((async (type: MessageType, payload: Record<string, unknown>) => {
    const a = answers[type] ?? DEFAULTS[type];
    if (!a) return { ok: false, error: { kind: 'Internal', message: `no stub for ${type}` } };
    return typeof a === 'function' ? a(payload) : a;
  }) as unknown as typeof send);
}

export function calls(type: MessageType): unknown[] {
  return sendMock.mock.calls.filter((c) => c[0] === type).map((c) => c[1]);
}

export const grantAll: PermissionsApi = { request: async () => true, contains: async () => true };

export async function mount(permissions: PermissionsApi = grantAll): Promise<HTMLElement> {
  document.body.innerHTML = '';
  const root = document.createElement('div');
  document.body.append(root);
  render(<OptionsApp permissions={permissions} />, root);
  await vi.waitFor(() => {
    if (!root.querySelector('#practice')) throw new Error('not loaded');
  });
  return root;
}

export const byId = <T extends HTMLElement = HTMLInputElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el as T;
};

export function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

export function button(root: ParentNode, name: string, within?: string): HTMLButtonElement {
  const scope = within ? root.querySelector(within) : root;
  const found = [...(scope?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === name);
  if (!found) throw new Error(`button "${name}" missing`);
  return found;
}

/** Puts a file in a file input and fires change, as choosing one would. */
export function chooseFile(input: HTMLInputElement, text: string, name = 'file.json'): void {
  const file = new File([text], name);
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

export const settle = () => new Promise((r) => setTimeout(r, 0));
