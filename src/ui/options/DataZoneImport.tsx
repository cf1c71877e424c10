import { useEffect, useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import { uploadText } from '../../messaging/upload';
import { SIMD_ATTRIBUTION } from '../../prompts/simd';

/**
 * The postcode-to-data-zone look-up for the deprivation prompt (issue #14):
 * the Scottish Government's Scottish Postcode Directory CSV (or any CSV with a
 * postcode and a 2011 data zone column). The SIMD 2020v2 deciles ship with the
 * extension; without a look-up the deprivation rule stays silent.
 */
export function DataZoneImport() {
  const [held, setHeld] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void send('prompts.dataZonesStatus', {}).then((r) => r.ok && setHeld(r.value.postcodes));
  }, []);
  const importFile = async () => {
    const file = (document.getElementById('dz-file') as HTMLInputElement | null)?.files?.[0];
    if (!file) return setNote('Choose the postcode look-up file first.');
    setBusy(true);
    setNote('Sending the file to the extension…');
    const up = await uploadText(await file.text());
    const r = up.ok ? await send('prompts.importDataZones', { uploadId: up.value }) : up;
    setBusy(false);
    if (!r.ok) return setNote(`Not imported: ${r.error.message}`);
    setHeld(r.value.postcodes);
    setNote(`${r.value.postcodes.toLocaleString('en-GB')} postcodes imported; ${r.value.skipped.toLocaleString('en-GB')} rows skipped.`);
  };
  return (
    <fieldset>
      <legend>Deprivation (SIMD) from the patient's postcode</legend>
      <p class="hint">
        Import the Scottish Postcode Directory's postcode-to-data-zone file (CSV with a postcode and a DataZone 2011 column).{' '}
        {held === null ? '' : held > 0 ? `${held.toLocaleString('en-GB')} postcodes held.` : 'None held yet: the deprivation prompt stays silent.'}
      </p>
      <label for="dz-file">Postcode look-up (CSV)</label>
      <input id="dz-file" type="file" accept=".csv,text/csv" />
      <p class="actions">
        <button type="button" disabled={busy} onClick={() => void importFile()}>
          Import postcode look-up
        </button>
      </p>
      <p role="status">{note}</p>
      <p class="hint">{SIMD_ATTRIBUTION}</p>
    </fieldset>
  );
}
