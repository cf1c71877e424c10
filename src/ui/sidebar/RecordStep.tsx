import { useState } from 'preact/hooks';
import { recordCodeFor, type RecordEvent } from '../../referral/record-codes';
import { RecordCode } from '../shared/RecordCode';

const STEPS: { event: RecordEvent; label: string }[] = [
  { event: 'signposting', label: 'Signposted (information about a service)' },
  { event: 'supported-signposting', label: 'Supported signposting (helped past a barrier)' },
  { event: 'declined', label: 'Offered a referral; declined' },
];

/**
 * The other levels of the links approach leave a mark in the record too
 * (issue #15): the clinician says what happened and gets the code and term
 * (or, where no checked code exists, the words) to copy into the record.
 * The extension never writes into the record itself. A referral's code is
 * shown with the referral (OutboxList).
 */
export function RecordStep() {
  const [event, setEvent] = useState<RecordEvent | ''>('');
  return (
    <div class="section record-step">
      <label for="ls-record-step">What happened</label>
      <select id="ls-record-step" value={event} onChange={(e) => setEvent(e.currentTarget.value as RecordEvent | '')}>
        <option value="">Choose…</option>
        {STEPS.map((s) => (
          <option key={s.event} value={s.event}>
            {s.label}
          </option>
        ))}
      </select>
      {event && <RecordCode entry={recordCodeFor(event)} />}
    </div>
  );
}
