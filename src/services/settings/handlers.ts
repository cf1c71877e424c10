/** Messages about settings: read, save, export/import, reset, and the sidebar's published config. */
import type { LinksDatabase } from '../../db/database';
import type { HandlerGroup } from '../handler-group';
import { registrationOf, syncContentScripts } from '../origins';
import { publishSessionConfig } from './session-config';
import * as store from './store';

type Loaded = Awaited<ReturnType<typeof store.loadSettings>>;
const view = (r: Loaded) => ({ settings: r.settings, locked: r.locked, warnings: r.warnings });

export function settingsHandlers(db: LinksDatabase): HandlerGroup<
  'session.config' | 'settings.get' | 'settings.save' | 'settings.export' | 'settings.importPreview' | 'settings.import' | 'settings.reset' | 'origins.sync'
> {
  /** After any change: the content scripts' sites and the published config follow. */
  // Read afresh in each call's turn: another save may have come after this one (src/services/origins.ts).
  const registration = async () => registrationOf((await store.loadSettings(db)).settings);
  const applied = async (r: Loaded) => {
    await syncContentScripts(registration).catch(() => []);
    await publishSessionConfig(r.settings);
    return view(r);
  };
  return {
    'session.config': async () => publishSessionConfig((await store.loadSettings(db)).settings),
    'settings.get': async () => view(await store.loadSettings(db)),
    'settings.save': async ({ settings }) => applied(await store.saveSettings(db, settings)),
    'settings.export': () => store.exportSettingsFile(db),
    'settings.importPreview': ({ text }) => store.previewImport(db, text),
    'settings.import': async ({ text }) => applied(await store.importSettings(db, text)),
    'settings.reset': async () => applied(await store.resetSettings(db)),
    'origins.sync': async () => ({ registered: await syncContentScripts(registration) }),
  };
}
