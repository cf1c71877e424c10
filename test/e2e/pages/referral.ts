/** Page object for the referral form in the sidebar (a panel page or the in-page frame). */
import type { Frame, Locator, Page } from 'playwright-core';

export class ReferralForm {
  readonly host: Locator;
  constructor(readonly panel: Page | Frame) {
    this.host = panel.locator('body');
  }
  get openButton(): Locator {
    return this.host.getByRole('button', { name: /Refer to the Community Links Practitioner|Continue referral draft/ });
  }
  get whatMatters(): Locator {
    return this.host.locator('#ref-matters');
  }
  async open(): Promise<void> {
    await this.openButton.click();
    await this.whatMatters.waitFor();
  }
  async fill(options: { need?: string; whatMatters?: string; consent?: boolean } = {}): Promise<void> {
    await this.host.locator(`input[name="needs"][value="${options.need ?? 'money'}"]`).check();
    await this.whatMatters.fill(options.whatMatters ?? 'Getting on top of the bills before winter');
    if (options.consent ?? true) await this.host.locator('#ref-consent').check();
  }
  /** Ctrl+Enter from inside the form. */
  async send(): Promise<void> {
    await this.whatMatters.press('Control+Enter');
  }
  rows(): Locator {
    return this.host.getByTestId('outbox-row');
  }
}
