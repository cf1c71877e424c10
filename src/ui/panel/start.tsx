/**
 * The sidebar page (entrypoints/sidepanel): one app for every host, the
 * browser's side panel, the in-page panel's iframe, and a tab opened on it.
 */
import { render } from 'preact';
import { ErrorBoundary } from '../shared/ErrorBoundary';
import { sharedCss } from '../shared/styles';
import { panelCss } from './styles';
import { bindingFromLocation } from './binding';
import { loadPanelConfig, PanelApp } from './PanelApp';

export function startPanel(): void {
  performance.mark('links:panel-script');
  const style = document.createElement('style');
  style.textContent = sharedCss + panelCss;
  document.head.append(style);
  const root = document.getElementById('app');
  if (!root) throw new Error('#app missing');
  const binding = bindingFromLocation(location.search);
  document.documentElement.dataset.host = binding.host;
  void loadPanelConfig().then((config) => {
    performance.mark('links:panel-config');
    if (!config) binding.abandon();
    render(
      <ErrorBoundary where="sidebar" onError={() => binding.abandon()}>
        {config ? (
          <PanelApp binding={binding} config={config} />
        ) : (
          <p class="section error" role="alert">
            Links Sidebar could not load its settings. Close and reopen the sidebar; if it persists, reload the extension.
          </p>
        )}
      </ErrorBoundary>,
      root,
    );
  });
}
