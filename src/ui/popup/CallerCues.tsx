import type { CallerCue } from './caller-cues';

/** Cues that share the same words are shown once, under all their needs, so the box stays short. */
function grouped(cues: readonly CallerCue[]): { labels: string[]; cue: string }[] {
  const byCue = new Map<string, string[]>();
  for (const c of cues) byCue.set(c.cue, [...(byCue.get(c.cue) ?? []), c.label]);
  return [...byCue].map(([cue, labels]) => ({ labels, cue }));
}

/**
 * "Ask the caller": one or two short things the receptionist can say, from
 * the needs behind the words typed. Shown above the cards; nothing when no
 * need was recognised.
 */
export function CallerCues(props: { cues: readonly CallerCue[] }) {
  if (props.cues.length === 0) return null;
  return (
    <section class="section" aria-labelledby="caller-cues-h" data-testid="caller-cues">
      <div class="prompt">
        <h2 id="caller-cues-h" class="need" style="margin: 0 0 4px">
          Ask the caller
        </h2>
        <ul class="prompts" style="padding: 0">
          {grouped(props.cues).map((g) => (
            <li key={g.cue}>
              <p class="muted">{g.labels.join(' · ')}</p>
              <p>{g.cue}</p>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
