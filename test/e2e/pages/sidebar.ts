/** Page object for the sidebar on a demo record page (Playwright locators pierce open shadow roots). */
import type { Locator, Page } from 'playwright-core';

export class SidebarPage {
  readonly host: Locator;
  constructor(readonly page: Page) {
    this.host = page.locator('links-sidebar');
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
    await this.page.locator('links-sidebar[data-patient-detected="true"]').waitFor({ timeout: 10_000 });
  }
  async detected(): Promise<boolean> {
    return (await this.page.locator('links-sidebar[data-patient-detected="true"]').count()) > 0;
  }
}
