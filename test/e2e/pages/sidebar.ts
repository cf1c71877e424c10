/**
 * Page object for the sidebar: the extension page shown in the side panel
 * (here opened in a tab pinned to the record tab), or the in-page panel's
 * frame. Either way the record page is a different document.
 */
import type { Frame, Locator, Page } from 'playwright-core';

export class SidebarPage {
  readonly host: Locator;
  constructor(
    readonly panel: Page | Frame,
    readonly record?: Page,
  ) {
    this.host = panel.locator('body');
  }
  get patientName(): Locator {
    return this.host.getByTestId('patient-name');
  }
  get age(): Locator {
    return this.host.getByTestId('patient-age');
  }
  get postcode(): Locator {
    return this.host.getByTestId('patient-postcode');
  }
  get state(): Locator {
    return this.host.getByTestId('match-state');
  }
  prompts(): Locator {
    return this.host.locator('li.prompt');
  }
  prompt(need: string): Locator {
    return this.host.locator(`li.prompt[data-need="${need}"]`);
  }
  cards(): Locator {
    return this.host.locator('li.card');
  }
  async waitForPatient(): Promise<void> {
    await this.host.locator('[data-testid="match-state"].matched').waitFor({ timeout: 10_000 });
  }
  async detected(): Promise<boolean> {
    return (await this.host.locator('[data-testid="match-state"].matched').count()) > 0;
  }
  /** The name and identifier shown, or null when no patient is shown. */
  async shown(): Promise<string | null> {
    const name = this.patientName;
    return (await name.count()) > 0 ? ((await name.textContent()) ?? '') : null;
  }
}
