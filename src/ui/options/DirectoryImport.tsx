import { useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import { uploadText } from '../../messaging/upload';
import type { ImportResponse } from '../../messaging/protocol';
import type { DirectoryFormat } from '../../directory/import/common';

type ImportFormat = 'auto' | DirectoryFormat;

async function readChosen(input: HTMLInputElement | null): Promise<string | null> {
  const file = input?.files?.[0];
  return file ? file.text() : null;
}

/** Import a directory file or a postcode table from this computer. */
export function DirectoryImport(props: { onImported: () => void }) {
  const [format, setFormat] = useState<ImportFormat>('auto');
  const [label, setLabel] = useState('');
  const [result, setResult] = useState<ImportResponse | null>(null);
  const [failure, setFailure] = useState('');
  const [postcodes, setPostcodes] = useState('');
  // While a file is read and sent: what is happening, for a screen reader too. Buttons wait meanwhile.
  const [busy, setBusy] = useState('');

  /** Read the chosen file and send it to the background in pieces (a large file must not freeze this page). */
  const sendChosen = async (inputId: string): Promise<{ uploadId: string } | { missing: true } | { error: string }> => {
    const text = await readChosen(document.getElementById(inputId) as HTMLInputElement | null);
    if (text === null) return { missing: true };
    setBusy('Sending the file to the extension… 0%');
    const up = await uploadText(text, { onProgress: (f) => setBusy(`Sending the file to the extension… ${Math.round(f * 100)}%`) });
    setBusy(up.ok ? 'Reading the file…' : '');
    return up.ok ? { uploadId: up.value } : { error: up.error.message };
  };

  const importFile = async () => {
    setResult(null);
    setFailure('');
    const sent = await sendChosen('dir-file');
    if ('missing' in sent) return setFailure('Choose a file to import first.');
    if ('error' in sent) return setFailure(`Nothing was imported: ${sent.error} The directory you had before is unchanged.`);
    const name = label.trim() || 'Imported file';
    const { uploadId } = sent;
    const r = await send('directory.import', format === 'auto' ? { uploadId, label: name } : { uploadId, format, label: name });
    setBusy('');
    if (!r.ok) return setFailure(`Nothing was imported: ${r.error.message} The directory you had before is unchanged.`);
    // The importer reports a problem with the whole file as entry -1.
    const whole = r.value.rejected.find((x) => x.index < 0);
    if (whole && r.value.count === 0) return setFailure(`Nothing was imported: ${whole.reason} The directory you had before is unchanged.`);
    setResult({ count: r.value.count, rejected: r.value.rejected.filter((x) => x.index >= 0) });
    props.onImported();
  };

  const importPostcodes = async () => {
    const sent = await sendChosen('pc-file');
    if ('missing' in sent) return setPostcodes('Choose a postcode file first.');
    if ('error' in sent) return setPostcodes(`The postcodes were not imported: ${sent.error}`);
    const r = await send('directory.importPostcodes', { uploadId: sent.uploadId });
    setBusy('');
    setPostcodes(
      r.ok
        ? `${r.value.postcodes.toLocaleString('en-GB')} postcodes imported; ${r.value.skipped.toLocaleString('en-GB')} lines skipped.`
        : `The postcodes were not imported: ${r.error.message}`,
    );
  };

  return (
    <>
      <h3>Import a file</h3>
      <p class="hint">A directory export (ALISS, HSDS, Open Referral UK JSON, or a CSV spreadsheet). If nothing in the file can be used, the directory you have now stays as it is.</p>
      <label for="dir-file">Directory file</label>
      <input id="dir-file" type="file" accept=".json,.csv,application/json,text/csv" />
      <label for="dir-format">Format</label>
      <select id="dir-format" value={format} onChange={(e) => setFormat((e.currentTarget as HTMLSelectElement).value as ImportFormat)}>
        <option value="auto">Work it out from the file</option>
        <option value="aliss">ALISS</option>
        <option value="hsds">HSDS (Open Referral)</option>
        <option value="oruk">Open Referral UK</option>
        <option value="csv">CSV spreadsheet</option>
      </select>
      <label for="dir-label">Name for this data</label>
      <input id="dir-label" type="text" value={label} onInput={(e) => setLabel((e.currentTarget as HTMLInputElement).value)} />
      <p class="actions">
        <button type="button" disabled={busy !== ''} onClick={() => void importFile()}>
          Import directory file
        </button>
      </p>
      <p role="status" class="hint" data-testid="import-busy">
        {busy}
      </p>
      {failure && (
        <p class="error" role="alert" data-testid="import-failure">
          {failure}
        </p>
      )}
      {result && (
        <div role="status" data-testid="import-result">
          <p>
            {result.count.toLocaleString('en-GB')} resources imported
            {result.count === 0 ? ', so the directory you had before is unchanged.' : '.'}
          </p>
          {result.rejected.length > 0 && (
            <>
              <p>{result.rejected.length.toLocaleString('en-GB')} entries were left out:</p>
              <ul data-testid="import-rejected">
                {result.rejected.slice(0, 200).map((r) => (
                  <li key={r.index}>
                    Entry {r.index + 1}: {r.reason}
                  </li>
                ))}
              </ul>
              {result.rejected.length > 200 && <p>…and {result.rejected.length - 200} more.</p>}
            </>
          )}
        </div>
      )}
      <h3>Import postcode coordinates (CSV)</h3>
      <p class="hint">A postcode list with latitude and longitude, so distances work without looking postcodes up online.</p>
      <label for="pc-file">Postcode file</label>
      <input id="pc-file" type="file" accept=".csv,text/csv" />
      <p class="actions">
        <button type="button" disabled={busy !== ''} onClick={() => void importPostcodes()}>
          Import postcodes
        </button>
      </p>
      <p role="status">{postcodes}</p>
    </>
  );
}
