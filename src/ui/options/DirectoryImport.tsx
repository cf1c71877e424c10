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

  /** Bytes of a file as base64 text, for the text uploads (a .zip is binary). */
  const base64Of = (file: File): Promise<string> =>
    new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
      reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
      reader.readAsDataURL(file);
    });

  /** An HSDS 3.0 tabular package: a folder of CSV files with datapackage.json, or the same as one .zip. */
  const importPackage = async () => {
    setResult(null);
    setFailure('');
    const zip = (document.getElementById('pkg-zip') as HTMLInputElement | null)?.files?.[0];
    const folder = [...((document.getElementById('pkg-folder') as HTMLInputElement | null)?.files ?? [])].filter((f) => /\.(csv|json)$/i.test(f.name));
    if (!zip && folder.length === 0) return setFailure('Choose the package folder or its .zip first.');
    const files: { name: string; uploadId: string; encoding: 'text' | 'base64' }[] = [];
    const chosen = zip ? [zip] : folder;
    for (const [i, file] of chosen.entries()) {
      setBusy(`Sending the package to the extension… file ${i + 1} of ${chosen.length}`);
      const encoding = zip ? 'base64' : 'text';
      const text = zip ? await base64Of(file) : await file.text();
      const up = await uploadText(text);
      if (!up.ok) {
        setBusy('');
        return setFailure(`Nothing was imported: ${up.error.message} The directory you had before is unchanged.`);
      }
      // A folder's files keep their place in the package ("csv/services.csv").
      const name = (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
      files.push({ name, uploadId: up.value, encoding });
    }
    setBusy('Joining the tables…');
    const r = await send('directory.importPackage', { files, label: label.trim() || 'Imported package' });
    setBusy('');
    if (!r.ok) return setFailure(`${r.error.message}${/unchanged/.test(r.error.message) ? '' : ' The directory you had before is unchanged.'}`);
    setResult(r.value);
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
      <h3>Import an HSDS tabular package</h3>
      <p class="hint">
        Open Referral's tabular form: <code>datapackage.json</code> with <code>services.csv</code>, <code>locations.csv</code>, <code>phones.csv</code>,
        <code>schedules.csv</code> and the rest. Choose the .zip, or the folder. The tables are joined into services; each table's report says
        what was joined and what was left out, and why. A single table on its own is refused.
      </p>
      <label for="pkg-zip">Package as a .zip</label>
      <input id="pkg-zip" type="file" accept=".zip,application/zip" />
      <label for="pkg-folder">…or the package folder</label>
      <input id="pkg-folder" type="file" {...{ webkitdirectory: '', multiple: true }} />
      <p class="actions">
        <button type="button" disabled={busy !== ''} onClick={() => void importPackage()}>
          Import package
        </button>
      </p>
      {result?.tables && result.tables.length > 0 && (
        <table data-testid="package-report">
          <caption>What each table gave</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col" class="num">Rows</th>
              <th scope="col" class="num">Joined</th>
              <th scope="col" class="num">Left out</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {result.tables.map((t) => (
              <tr key={t.file} data-table={t.table}>
                <th scope="row">{t.file}</th>
                <td class="num">{t.rows}</td>
                <td class="num">{t.joined}</td>
                <td class="num">{t.rejected + t.unused}</td>
                <td>{t.reasons.map((r) => `${r.reason} (${r.count}${r.rows.length ? `; rows ${r.rows.join(', ')}` : ''})`).join('; ') || (t.shown ? '' : 'Not shown on cards.')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result?.warnings && result.warnings.length > 0 && (
        <ul data-testid="import-warnings">
          {result.warnings.slice(0, 50).map((w, i) => (
            <li key={i}>{w.reason}</li>
          ))}
        </ul>
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
