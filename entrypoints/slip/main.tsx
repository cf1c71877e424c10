import { mountPage } from '../../src/ui/shared/page';
import { SlipApp } from '../../src/ui/slip/SlipApp';

const id = new URLSearchParams(location.search).get('id') ?? '';
mountPage(
  'slip',
  <SlipApp resourceId={id} />,
  `body{margin:0;font:20px/1.5 system-ui,Arial,sans-serif;color:#000}
   .slip{max-width:40rem;margin:1.5rem auto;padding:0 1rem}
   h1{font-size:30px;margin:0 0 .3em} .what{font-size:22px} dt{font-weight:700;margin-top:.6em} dd{margin:0}
   .qr{width:160px;margin-top:1em} @media print{.no-print{display:none}}`,
);
