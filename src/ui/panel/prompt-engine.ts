/**
 * The sidebar's prompt engine, loaded after the sidebar is on screen and kept
 * for the page's life: one compile per settings object, shared by every
 * patient shown (a patient switch never waits for it again).
 */
import { useEffect, useState } from 'preact/hooks';
import type { SessionConfig } from '../../messaging/protocol';
import type { PromptEngine } from '../../prompts/engine';

let cached: { config: SessionConfig; engine: Promise<PromptEngine>; ready?: PromptEngine } | undefined;

export function loadPromptEngine(config: SessionConfig): Promise<PromptEngine> {
  if (cached?.config === config) return cached.engine;
  const entry: NonNullable<typeof cached> = {
    config,
    engine: import('../../prompts/engine').then(
      // Compiled in a task of its own, after the sidebar's first paint and its first replies.
      (m) => new Promise<PromptEngine>((resolve) => setTimeout(() => resolve(m.promptEngine(config.disabledRules, config.customRules)), 0)),
    ),
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
