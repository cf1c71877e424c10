import { render } from 'preact';
import { InsightsApp } from '../../src/ui/insights/InsightsApp';

const root = document.getElementById('app');
if (root) render(<InsightsApp />, root);
