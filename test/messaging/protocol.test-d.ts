/**
 * Locks the protocol's types (issue #12): each direction's request and answer
 * types, and that a handler or a sender with the wrong shape does not compile.
 * Checked by `tsc --noEmit` in `npm test` (type-level only: nothing runs).
 */
import { expectTypeOf, test } from 'vitest';
import type { PatientContext } from '../../src/context/patient-context';
import type { ScreenMessage, ToPanel } from '../../src/messaging/patient-port';
import type { OutboxView, RequestOf, ResponseOf, SessionConfig } from '../../src/messaging/protocol';
import type { Handlers } from '../../src/messaging/server';
import type { TabRequestOf, TabResponseOf } from '../../src/messaging/tab-protocol';
import type { TabHandlers } from '../../src/messaging/tab-server';
import type { ReferralDraft } from '../../src/referral/draft';
import { send } from '../../src/messaging/client';
import { sendToTab } from '../../src/messaging/tab-client';

test('pages to the background', () => {
  expectTypeOf<RequestOf<'referral.send'>['draft']>().toEqualTypeOf<ReferralDraft>();
  expectTypeOf<RequestOf<'referral.send'>['tabId']>().toEqualTypeOf<number | undefined>();
  expectTypeOf<RequestOf<'draft.save'>['draft']>().toEqualTypeOf<ReferralDraft>();
  expectTypeOf<ResponseOf<'referral.send'>>().toEqualTypeOf<OutboxView>();
  expectTypeOf<ResponseOf<'draft.save'>>().toEqualTypeOf<{ savedAt: string; ended?: true }>();
  expectTypeOf<ResponseOf<'session.config'>>().toEqualTypeOf<SessionConfig>();
  expectTypeOf<ResponseOf<'panel.confirm'>>().toEqualTypeOf<{ onScreen: boolean }>();
  // A free-text dismissal reason is no longer part of the protocol (issue #11).
  expectTypeOf<RequestOf<'prompt.act'>>().not.toHaveProperty('reason');
  // The sender is typed by key: a wrong payload does not compile.
  // @ts-expect-error -- 'draft.save' needs a ReferralDraft, not a string
  void send('draft.save', { patientKey: 'chi:1403522103', draft: 'text' });
  // @ts-expect-error -- no such message
  void send('directory.addLocal', {});
});

test('handlers answer with the declared types', () => {
  expectTypeOf<ReturnType<Handlers['panel.tab']>>().toEqualTypeOf<{ tabId: number } | Promise<{ tabId: number }>>();
  expectTypeOf<Parameters<Handlers['referral.list']>[0]>().toEqualTypeOf<RequestOf<'referral.list'>>();
});

test('background and panels to a tab', () => {
  expectTypeOf<TabRequestOf<'tab.confirm'>>().toEqualTypeOf<{ patientKey: string }>();
  expectTypeOf<TabResponseOf<'tab.confirm'>>().toEqualTypeOf<{ onScreen: boolean }>();
  expectTypeOf<TabResponseOf<'tab.where'>>().toEqualTypeOf<{ url: string }>();
  expectTypeOf<ReturnType<TabHandlers['tab.toggle']>>().toEqualTypeOf<{ open: boolean } | Promise<{ open: boolean }>>();
  // @ts-expect-error -- tab.confirm needs a patient key
  void sendToTab(1, 'tab.confirm', {});
});

test('content script to panel', () => {
  expectTypeOf<ScreenMessage['patient']>().toEqualTypeOf<PatientContext | null>();
  expectTypeOf<ToPanel['type']>().toEqualTypeOf<'screen' | 'focus-prompts'>();
});
