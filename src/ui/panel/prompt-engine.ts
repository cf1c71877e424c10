/**
 * The sidebar's prompt engine, loaded after the sidebar is on screen and kept
 * for the page's life: one compile per settings object, shared by every
 * patient shown (a patient switch never waits for it again).
 */
import { useEffect, useState } from 'preact/hooks';
import type { SessionConfig } from '../../messaging/protocol';
import type { PromptEngine } from '../../prompts/engine';
import { afterNextPaint } from '../../lib/after-paint';
import { nextTask } from '../../lib/next-task';

let cached: { config: SessionConfig; engine: Promise<PromptEngine>; ready?: PromptEngine } | undefined;

export function loadPromptEngine(config: SessionConfig): Promise<PromptEngine> {
  if (cached?.config === config) return cached.engine;
  const entry: NonNullable<typeof cached> = {
    config,
    // Loaded once the sidebar's next frame is painted. Asked for among the sidebar's first effects, the chunk (rules
    // and lexicons, 436 KB, evaluated in one task) made the sidebar searchable later (#17: `links:panel-ready`, 20-50
    // ms at the median in alternated runs); a frame later it does not. Measured, not traced: why it overlapped the
    // first frame is not known.
    // Compiled in short tasks, so a click on the sidebar (the referral button the moment it appears) is answered at
    // once rather than after the whole compile.
    engine: afterNextPaint()
      .then(() => import('../../prompts/engine'))
      .then((m) => m.promptEngineInSlices(config.disabledRules, config.customRules, nextTask)),
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
