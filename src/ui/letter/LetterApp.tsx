import { useEffect, useState } from 'preact/hooks';
import { send } from '../../messaging/client';

/** The referral letter for print or copy destinations. Held only in the extension; printed from its own page. */
export function LetterApp(props: { referralId: string }) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void send('referral.letter', { id: props.referralId }).then((r) => (r.ok ? setText(r.value.text) : setError(r.error.message)));
  }, [props.referralId]);
  useEffect(() => {
    if (text && !navigator.webdriver) setTimeout(() => window.print(), 300);
  }, [text]);
  if (error) return <p role="alert">{error}</p>;
  if (text === null) return <p>Preparing the letter…</p>;
  return (
    <main class="letter">
      <pre data-testid="letter-text">{text}</pre>
      <p class="no-print">
        <button type="button" class="primary" onClick={() => window.print()}>
          Print
        </button>
      </p>
    </main>
  );
}
