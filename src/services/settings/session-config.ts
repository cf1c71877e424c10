/**
 * The sidebar's config, also kept in extension storage, so a content script or
 * panel starting can read it without waking the service worker (it holds no
 * patient data). Refreshed whenever settings are loaded or saved.
 */
import { browser } from 'wxt/browser';
import { parseAdapter } from '../../adapters/schema';
import { SESSION_CONFIG_KEY, type SessionConfig } from '../../messaging/protocol';
import { parseRules } from '../../prompts/schema';
import type { Settings } from '../../settings/schema';

const ROLE_TEXT = { gp: 'GP', nurse: 'Practice nurse', receptionist: 'Receptionist', other: 'Practice staff' } as const;

export function sessionConfig(settings: Settings): SessionConfig {
  const me = settings.people.referrers.find((r) => r.name === settings.people.currentReferrer) ?? settings.people.referrers[0];
  return {
    role: settings.role,
    disabledRules: settings.rules.disabled,
    // Validated here so the content script needs no schema code.
    customRules: parseRules(settings.rules.custom).rules,
    genericPrompts: settings.rules.generic,
    adapters: settings.adapters.flatMap((json) => {
      const parsed = parseAdapter(json);
      return parsed.ok ? [parsed.adapter] : [];
    }),
    origins: settings.origins,
    sidebarMode: settings.sidebar.mode,
    idleMinutes: settings.sidebar.idleMinutes,
    referrer: { name: me?.name ?? '', role: me ? ROLE_TEXT[me.role] : ROLE_TEXT[settings.role] },
    practiceName: settings.practice.name,
    practice: {
      ...(settings.practice.name ? { name: settings.practice.name } : {}),
      ...(settings.practice.phone ? { phone: settings.practice.phone } : {}),
      ...(settings.practice.email ? { email: settings.practice.email } : {}),
    },
    destinationKind: settings.destination.kind,
  };
}

export async function publishSessionConfig(settings: Settings): Promise<SessionConfig> {
  const config = sessionConfig(settings);
  await browser.storage.local.set({ [SESSION_CONFIG_KEY]: config }).catch(() => undefined);
  return config;
}
