import { render, type ComponentChildren } from 'preact';
import { ErrorBoundary } from './ErrorBoundary';
import { sharedCss } from './styles';

/** Mount an extension page (popup, options, insights, slip) with the shared styles and an error boundary. */
export function mountPage(where: string, node: ComponentChildren, extraCss = ''): void {
  const style = document.createElement('style');
  style.textContent = sharedCss + extraCss;
  document.head.append(style);
  const root = document.getElementById('app');
  if (!root) throw new Error('#app missing');
  render(<ErrorBoundary where={where}>{node}</ErrorBoundary>, root);
}
