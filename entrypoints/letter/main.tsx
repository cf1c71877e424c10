import { LetterApp } from '../../src/ui/letter/LetterApp';
import { mountPage } from '../../src/ui/shared/page';

const id = new URLSearchParams(location.search).get('id') ?? '';
mountPage(
  'letter',
  <LetterApp referralId={id} />,
  `body{margin:0;font:16px/1.5 system-ui,Arial,sans-serif;color:#000}
   .letter{max-width:44rem;margin:1.5rem auto;padding:0 1rem} pre{white-space:pre-wrap;font:inherit}
   @media print{.no-print{display:none}}`,
);
