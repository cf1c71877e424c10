import { render } from 'preact';
import { OptionsApp } from '../../src/ui/options/OptionsApp';

const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
