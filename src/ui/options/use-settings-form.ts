/**
 * The options page's state: the settings as stored, the working copy the
 * sections edit, locked paths and the errors of the last save. A save always
 * sends the whole working copy, and is refused here first if any section
 * still holds text it could not read (bad JSON), so nothing is half-saved.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import type { SettingsView } from '../../messaging/protocol';
import { defaultSettings, parseSettings, type Settings, type SettingsError } from '../../settings/schema';

export interface SettingsForm {
  loaded: boolean;
  working: Settings;
  locked: string[];
  warnings: string[];
  errors: SettingsError[];
  /** Headline of the last failed save, shown in the error summary. */
  failure: string | null;
  status: string;
  /** Increments on each failed save so the page can move focus to the summary. */
  failures: number;
  /** Changes whenever the settings are replaced wholesale, so sections holding their own text start afresh. */
  generation: number;
  update: (change: (draft: Settings) => void) => void;
  report: (key: string, problems: SettingsError[]) => void;
  commit: (change: (draft: Settings) => void) => Promise<boolean>;
  save: () => Promise<void>;
  /** Takes settings from the background; `replaced` (import, reset) makes sections start afresh. */
  applyView: (view: SettingsView, status: string, replaced?: boolean) => void;
}

function readView(view: SettingsView): { settings: Settings; warning?: string } {
  const parsed = parseSettings(view.settings);
  if (parsed.ok) return { settings: parsed.value };
  return { settings: defaultSettings(), warning: 'The stored settings could not be read, so the defaults are shown. Saving will replace them.' };
}

export function useSettingsForm(): SettingsForm {
  const [saved, setSaved] = useState<Settings>(defaultSettings);
  const [working, setWorking] = useState<Settings>(defaultSettings);
  const [loaded, setLoaded] = useState(false);
  const [locked, setLocked] = useState<string[]>([]);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [errors, setErrors] = useState<SettingsError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [failures, setFailures] = useState(0);
  const [status, setStatus] = useState('');
  const [generation, setGeneration] = useState(0);
  const pending = useRef(new Map<string, SettingsError[]>());
  const workingRef = useRef(working);
  workingRef.current = working;

  const applyView = useCallback((view: SettingsView, message: string, replaced = true) => {
    const { settings, warning } = readView(view);
    setSaved(settings);
    setWorking(structuredClone(settings));
    setLocked(view.locked);
    setWarnings(warning ? [...view.warnings, warning] : view.warnings);
    setErrors([]);
    setFailure(null);
    setStatus(message);
    setLoaded(true);
    if (!replaced) return;
    // Keeping sections mounted after an ordinary save keeps keyboard focus on the Save button.
    pending.current.clear();
    setGeneration((n) => n + 1);
  }, []);

  useEffect(() => {
    void send('settings.get', {}).then((r) => {
      if (r.ok) applyView(r.value, '');
      else {
        setFailure(`Settings could not be loaded: ${r.error.message}`);
        setFailures((n) => n + 1);
      }
    });
  }, [applyView]);

  const fail = (headline: string, list: SettingsError[]) => {
    setErrors(list);
    setFailure(headline);
    setStatus('');
    setFailures((n) => n + 1);
  };

  const store = async (candidate: Settings): Promise<SettingsView | null> => {
    const local = parseSettings(candidate);
    if (!local.ok) {
      fail('Some settings need attention. Nothing was saved.', local.errors);
      return null;
    }
    const result = await send('settings.save', { settings: candidate });
    if (!result.ok) {
      fail(result.error.message, result.error.details ?? []);
      return null;
    }
    return result.value;
  };

  const save = async () => {
    const unread = [...pending.current.values()].flat();
    if (unread.length > 0) return fail('Some settings need attention. Nothing was saved.', unread);
    const view = await store(workingRef.current);
    if (view) applyView(view, 'Settings saved.', false);
  };

  const commit = async (change: (draft: Settings) => void): Promise<boolean> => {
    // Only this change is stored; other unsaved edits stay in the working copy.
    const next = structuredClone(saved);
    change(next);
    const view = await store(next);
    if (!view) return false;
    const { settings } = readView(view);
    setSaved(settings);
    setLocked(view.locked);
    setWorking((prev) => {
      const copy = structuredClone(prev);
      change(copy);
      return copy;
    });
    setErrors([]);
    setFailure(null);
    setStatus('Saved.');
    return true;
  };

  const update = useCallback((change: (draft: Settings) => void) => {
    setWorking((prev) => {
      const copy = structuredClone(prev);
      change(copy);
      return copy;
    });
    setStatus('');
  }, []);

  const report = useCallback((key: string, problems: SettingsError[]) => {
    if (problems.length > 0) pending.current.set(key, problems);
    else pending.current.delete(key);
  }, []);

  return { loaded, working, locked, warnings, errors, failure, status, failures, generation, update, report, commit, save, applyView };
}
