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
  get phone(): Locator {
    return this.host.locator('#ref-phone');
  }
  /**
   * The required items, the way a clinician fills them: a need, what
   * matters, "No known risks", both consents; the practice and referrer only
   * where the settings did not fill them (they are folded away when complete).
   */
  async fill(options: { need?: string; whatMatters?: string; consent?: boolean; phone?: string } = {}): Promise<void> {
    await this.host.locator(`input[name="needs"][value="${options.need ?? 'money'}"]`).check();
    await this.whatMatters.fill(options.whatMatters ?? 'Getting on top of the bills before winter');
    if (options.phone !== undefined) await this.phone.fill(options.phone);
    await this.host.locator('#ref-no-risks').check();
    if (options.consent ?? true) {
      await this.host.locator('#ref-consent').check();
      await this.host.locator('#ref-consent-share').check();
    }
    const details = this.host.locator('details.referrer');
    if (await details.evaluate((d) => (d as HTMLDetailsElement).open)) {
      for (const [id, value] of [['#ref-practice', 'Kelvinbrae Medical Practice'], ['#ref-practice-phone', '0141 496 0000']] as const) {
        const input = this.host.locator(id);
        if ((await input.inputValue()) === '') await input.fill(value);
      }
    }
  }
  /** Ctrl+Enter from inside the form. */
  async send(): Promise<void> {
    await this.whatMatters.press('Control+Enter');
  }
  rows(): Locator {
    return this.host.getByTestId('outbox-row');
  }
}
