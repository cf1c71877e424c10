import { useRef, useState } from 'preact/hooks';
import type { Prompt } from '../../prompts/prompts-for';

export type PromptAction = 'show' | 'refer' | 'dismiss' | 'snooze';

/**
 * At most three conversation openers, strongest first, each saying why it is
 * shown and leading to one-click actions. Arrow keys move between prompts.
 */
export function PromptList(props: {
  prompts: Prompt[];
  onAction: (prompt: Prompt, action: PromptAction) => void;
  referralNeeds: string[];
}) {
  const listRef = useRef<HTMLUListElement>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  if (props.prompts.length === 0) {
    return <p class="section muted" data-testid="no-prompts">No social-need prompts for what is on screen.</p>;
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const items = Array.from(listRef.current?.querySelectorAll<HTMLElement>('li.prompt') ?? []);
    const root = listRef.current?.getRootNode() as Document | ShadowRoot | undefined;
    const active = root?.activeElement ?? null;
    const current = items.findIndex((item) => item === active || item.contains(active));
    const next = event.key === 'ArrowDown' ? Math.min(items.length - 1, current + 1) : Math.max(0, current - 1);
    items[next]?.focus();
    event.preventDefault();
  };

  return (
    <ul class="prompts" ref={listRef} onKeyDown={onKeyDown} aria-label="Social-need prompts">
      {props.prompts.map((prompt) => (
        <li
          key={prompt.id}
          class="prompt"
          tabIndex={0}
          data-need={prompt.need}
          data-rule={prompt.ruleId}
          data-strength={String(Math.min(3, Math.round(prompt.strength)))}
          aria-label={`${prompt.needLabel}: ${prompt.opener}`}
        >
          <div class="need">{prompt.needLabel}</div>
          <p class="opener">{prompt.opener}</p>
          <ul class="why" aria-label="Why this is shown">
            {prompt.why.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          <div class="actions">
            <button type="button" onClick={() => props.onAction(prompt, 'show')}>
              Show resources
            </button>
            <button
              type="button"
              onClick={() => props.onAction(prompt, 'refer')}
              aria-pressed={props.referralNeeds.includes(prompt.need)}
            >
              {props.referralNeeds.includes(prompt.need) ? 'Added to referral' : 'Add to referral'}
            </button>
            <button type="button" onClick={() => props.onAction(prompt, 'snooze')} title="Hide for this patient for 30 days">
              Snooze
            </button>
            <button type="button" onClick={() => setConfirming(prompt.id)} aria-expanded={confirming === prompt.id}>
              Dismiss
            </button>
          </div>
          {/* No reason box: free text about a patient is not stored (issue #11). */}
          {confirming === prompt.id && (
            <div class="actions" role="group" aria-label="Dismiss this prompt">
              <button
                type="button"
                class="primary"
                onClick={() => {
                  props.onAction(prompt, 'dismiss');
                  setConfirming(null);
                }}
              >
                Dismiss for this patient
              </button>
              <button type="button" onClick={() => setConfirming(null)}>
                Cancel
              </button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
