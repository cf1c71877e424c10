import { useEffect, useState } from 'preact/hooks';
import { qrSvg } from '../../directory/qr';
import { slipModel, type SlipModel } from '../../directory/share';
import { send } from '../../messaging/client';

/**
 * A patient-friendly slip for one service: large plain text, the address,
 * phone, opening times and a QR code for the website. It never carries
 * anything about the patient.
 */
export function SlipApp(props: { resourceId: string }) {
  const [slip, setSlip] = useState<SlipModel | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void send('directory.get', { id: props.resourceId }).then((r) => {
      // The print date lets the slip say how things stand that day, as well as the week's hours.
      if (r.ok && r.value) setSlip(slipModel(r.value.resource, new Date()));
      else setError('This service is no longer in the directory.');
    });
  }, [props.resourceId]);
  useEffect(() => {
    if (slip && !navigator.webdriver) setTimeout(() => window.print(), 300);
  }, [slip]);
  if (error) return <p role="alert">{error}</p>;
  if (!slip) return <p>Preparing the slip…</p>;
  const rows: [string, string | undefined][] = [
    ['Phone', slip.phone],
    ['Address', slip.address],
    ['Opening times', slip.openingTimes],
    ['On the day this was printed', slip.today],
    ['How to get help', slip.howToGetHelp],
    ['Languages', slip.languages],
    ['Accessibility', slip.accessibility],
    ['Who it is for', slip.whoFor],
    ['Cost', slip.cost],
    ['Email', slip.email],
    ['Website', slip.website],
  ];
  const qr = slip.qrUrl ? qrSvg(slip.qrUrl) : '';
  return (
    <main class="slip">
      <h1>{slip.title}</h1>
      {slip.status && (
        <p class="status">
          <strong>{slip.status}</strong>: phone before you go.
        </p>
      )}
      {slip.organisation && <p class="org">{slip.organisation}</p>}
      <p class="what">{slip.whatItIs}</p>
      <dl>
        {rows.filter(([, v]) => v).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {/* The SVG is generated locally by qrcode-generator from an http(s) URL only. */}
      {qr && <div class="qr" aria-label={`QR code for ${slip.qrUrl}`} role="img" dangerouslySetInnerHTML={{ __html: qr }} />}
      <p class="hint no-print">
        <button type="button" class="primary" onClick={() => window.print()}>Print</button>
      </p>
    </main>
  );
}
