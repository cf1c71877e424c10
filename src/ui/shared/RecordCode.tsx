/**
 * The code (or words) to add to the clinical record after a step of the
 * links approach (issue #15), with a copy button. Where no checked code
 * exists it says so rather than offering one.
 */
import { useState } from 'preact/hooks';
import type { RecordEntry } from '../../referral/record-codes';

export function RecordCode(props: { entry: RecordEntry; copy?: (text: string) => Promise<void> }) {
  const { entry } = props;
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = props.copy ?? ((text: string) => navigator.clipboard.writeText(text));
  return (
    <div class="record-code" data-event={entry.event}>
      {entry.code ? (
        <p>
          For the record: <strong>{entry.code.term}</strong> <span class="muted">SNOMED CT {entry.code.code}</span>
        </p>
      ) : (
        <p>
          For the record: <strong>{entry.text}</strong>
        </p>
      )}
      {entry.note && <p class="hint">{entry.note}</p>}
      <p class="actions">
        <button type="button" onClick={() => void copy(entry.text).then(() => setCopied('yes'), () => setCopied('failed'))}>
          {entry.code ? 'Copy code and term' : 'Copy text'}
        </button>
        <span role="status" class="hint">
          {copied === 'yes' ? 'Copied.' : copied === 'failed' ? 'Could not copy: select the text and copy it.' : ''}
        </span>
      </p>
    </div>
  );
}
