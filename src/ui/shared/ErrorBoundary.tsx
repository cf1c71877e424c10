import { Component, type ComponentChildren } from 'preact';

/**
 * Keeps a rendering error inside the extension's UI: the clinician sees a
 * plain message and the host page (the clinical record) is never affected.
 */
export class ErrorBoundary extends Component<{ children: ComponentChildren; where: string; onError?: () => void }, { error: string | null }> {
  override state = { error: null as string | null };

  override componentDidCatch(error: unknown) {
    console.error(`[links-sidebar] ${this.props.where} failed:`, error);
    this.props.onError?.();
    this.setState({ error: error instanceof Error ? error.message : String(error) });
  }

  override render() {
    if (this.state.error) {
      return (
        <p class="section error" role="alert">
          Part of the Links sidebar stopped working ({this.state.error}). The clinical record is not affected. Close and reopen the
          patient to try again.
        </p>
      );
    }
    return this.props.children;
  }
}
