import { useState } from 'preact/hooks';
import type { OutboxView } from '../../messaging/protocol';
import { send } from '../../messaging/client';
import { needLabel } from '../../prompts/needs';

const STATE_TEXT: Record<string, string> = {
  queued: 'Queued',
  sending: 'Sending…',
  sent: 'Sent to the CLP',
  failed: 'Not delivered',
  accepted: 'Accepted by the CLP',
  'in-progress': 'CLP working with the person',
  completed: 'Completed by the CLP',
  declined: 'Declined by the CLP',
};

/** The code to add to the clinical record: the extension never writes into it. */
export const RECORD_CODE = { term: 'Referral to social prescribing service', snomed: '871731000000106' } as const;

/** Referral states for this patient (or all, in the options page), newest first. */
/**
 * Print and email destinations are completed by a person: the letter is
 * printed (or copied) or the email opened in the practice's mail client, then
 * marked as sent. Until then the referral stays queued and visible.
 */
function Handoff(props: { row: OutboxView; onMarkSent?: (id: string) => void }) {
  const { row } = props;
  if (!row.handoff) return null;
  return (
    <div class="actions">
      {row.handoff.kind === 'mailto' ? (
        <a href={row.handoff.text} target="_blank" rel="noopener noreferrer">
          Open email to the CLP
        </a>
      ) : (
        <>
          <button type="button" onClick={() => void send('referral.openLetter', { id: row.id })}>
            Print letter
          </button>
          <button type="button" onClick={() => void navigator.clipboard.writeText(row.handoff?.text ?? '')}>
            Copy letter
          </button>
        </>
      )}
      {props.onMarkSent && (
        <button type="button" onClick={() => props.onMarkSent?.(row.id)}>
          Mark as sent
        </button>
      )}
    </div>
  );
}

export function OutboxList(props: { rows: OutboxView[]; onRetry?: (id: string) => void; onMarkSent?: (id: string) => void }) {
  const [copied, setCopied] = useState(false);
  if (props.rows.length === 0) return null;
  const anySent = props.rows.some((r) => r.state !== 'queued' && r.state !== 'failed' && r.state !== 'sending');
  return (
    <>
      <h3>Referrals</h3>
      <ul class="outbox" aria-live="polite">
        {props.rows.map((row) => (
          <li key={row.id} data-state={row.state} data-testid="outbox-row">
            <strong>{STATE_TEXT[row.state] ?? row.state}</strong> · {row.needs.map(needLabel).join(', ')}
            <span class="muted"> · {new Date(row.createdAt).toLocaleString('en-GB')}</span>
            {row.lastError && <div class="error">{row.lastError}</div>}
            {row.state === 'queued' && <Handoff row={row} {...(props.onMarkSent ? { onMarkSent: props.onMarkSent } : {})} />}
            {row.state === 'failed' && props.onRetry && (
              <button type="button" onClick={() => props.onRetry?.(row.id)}>
                Try again
              </button>
            )}
          </li>
        ))}
      </ul>
      {anySent && (
        <p class="hint">
          Add to the record: {RECORD_CODE.term} (SNOMED CT {RECORD_CODE.snomed}){' '}
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard
                .writeText(`${RECORD_CODE.term} ${RECORD_CODE.snomed}`)
                .then(() => setCopied(true), () => setCopied(false))
            }
          >
            {copied ? 'Copied' : 'Copy code'}
          </button>
        </p>
      )}
    </>
  );
}
