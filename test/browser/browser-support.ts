import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium package (scripts/install.sh installs it); a test tool's own browser download does not work here. */
export const CHROMIUM = process.env.TNW_CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const ARTIFACTS = join(__dirname, '..', '..', 'test-results');
const SCREENSHOTS = join(ARTIFACTS, 'screenshots');

/** A full-page screenshot kept as a test artifact: test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export interface SignedInPage {
  context: BrowserContext;
  page: Page;
}

/**
 * A member of staff signs in as a new user would: opens the app, is sent to the development
 * issuer's sign-in page, picks their name, types the password and comes back to their start page.
 */
export async function signIn(browser: Browser, appUrl: string, user: string, path = ''): Promise<SignedInPage> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1000 },
    locale: 'en-GB',
    timezoneId: 'Europe/Brussels',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${appUrl}${path}`);
  await page.locator(`input[name="username"][value="${user}"]`).check();
  await page.locator('#password').fill('dev');
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('signed-in-as').waitFor();
  return { context, page };
}

/** Picks a step in the case page's step list and fills its form: fields by name, a select by its option value. */
export async function recordStep(page: Page, step: string, fields: Record<string, string>): Promise<void> {
  await page.locator('#step-select').selectOption(step);
  await fillForm(page, step, fields);
  await page.getByTestId(`form-${step}`).locator('button[type="submit"]').click();
}

export async function fillForm(page: Page, form: string, fields: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(fields)) {
    const field = page.locator(`#${form}-${name}`);
    const tag = await field.evaluate((element) => element.tagName.toLowerCase());
    if (tag === 'select') await field.selectOption(value);
    else if (tag === 'div') await page.locator(`#${form}-${name}-${value === 'true' ? 'yes' : 'no'}`).check();
    else await field.fill(value);
  }
}

/** Reads until it gives the expected value or the time is up; answers the last value read (for the assertion). */
export async function settled<T>(read: () => Promise<T>, expected: T, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value === expected || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
