/**
 * The sidebar's prompt engine, loaded after the sidebar is on screen and kept
 * for the page's life: one compile per settings object, shared by every
 * patient shown (a patient switch never waits for it again).
 */
import { useEffect, useState } from 'preact/hooks';
import type { SessionConfig } from '../../messaging/protocol';
import type { PromptEngine } from '../../prompts/engine';
import { nextTask } from '../../lib/next-task';

let cached: { config: SessionConfig; engine: Promise<PromptEngine>; ready?: PromptEngine } | undefined;

export function loadPromptEngine(config: SessionConfig): Promise<PromptEngine> {
  if (cached?.config === config) return cached.engine;
  const entry: NonNullable<typeof cached> = {
    config,
    // Compiled in short tasks after the sidebar's first paint, so a click on it (the referral
    // button the moment it appears) is answered at once rather than after the whole compile.
    engine: import('../../prompts/engine').then((m) => m.promptEngineInSlices(config.disabledRules, config.customRules, nextTask)),
  };
  void entry.engine.then((engine) => (entry.ready = engine));
  cached = entry;
  return entry.engine;
}

/** The engine once loaded (at once when it already is); null while it loads. */
export function usePromptEngine(config: SessionConfig): PromptEngine | null {
  const [engine, setEngine] = useState<PromptEngine | null>(() => (cached?.config === config ? (cached.ready ?? null) : null));
  useEffect(() => {
    if (engine && cached?.config === config) return;
    let alive = true;
    void loadPromptEngine(config).then((e) => alive && setEngine(e));
    return () => {
      alive = false;
    };
  }, [config]);
  return engine;
}
