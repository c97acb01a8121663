import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { MEMBER, OTHER_MEMBER, STAFF } from '../support/api-client';
import { startE2eApps, type E2eApps } from '../support/e2e-apps';
import { fillForm, launchChromium, recordStep, screenshot, settled, signIn } from './browser-support';

/**
 * The back-office web app in a real browser against the real stack (API serving the built app,
 * worker, partner simulators, Temporal dev server, PostgreSQL, the development issuer). Every
 * step is taken through the pages, as staff would; selectors use IDs and values, not texts, so
 * that they hold in each user's language. Screenshots: test-results/screenshots/.
 */
describe('the back-office web app in chromium', () => {
  let apps: E2eApps;
  let browser: Browser;
  let appUrl: string;

  beforeAll(async () => {
    apps = await startE2eApps('browser');
    appUrl = `${apps.apiUrl}/app`;
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await apps?.close();
  });

  const caseStatus = (page: Page) => page.getByTestId('case-status').first();
  async function waitForStatus(page: Page, status: string): Promise<void> {
    await page.locator(`[data-testid="case-status"][data-status="${status}"]`).first().waitFor({ timeout: 60_000 });
  }

  /** From the inbox, filtered on the case: claim the task of this kind and open its form. */
  async function workOnTask(page: Page, caseId: string, kind: string, shot: string): Promise<void> {
    await page.goto(`${appUrl}/inbox?ownerId=${caseId}`);
    const row = page.locator(`[data-testid="task-row"][data-kind="${kind}"]`);
    await row.waitFor({ timeout: 60_000 });
    await screenshot(page, shot);
    await row.locator('button', { hasText: /Opnemen|Prendre|Claim/ }).click();
    await row.locator('td', { hasText: /-\d+$/ }).first().waitFor();
    await row.locator('a', { hasText: /Behandelen|Traiter|Work on it/ }).click();
    await page.waitForURL(new RegExp(`/app/cases/${caseId}`));
  }

  it('walks a case from the coordinator’s form through the training review to its outcome, then the auditor’s replay', async () => {
    // The coordinator signs in and lands on the task inbox.
    const coordinator = await signIn(browser, appUrl, STAFF.coordinator);
    let page = coordinator.page;
    await page.waitForURL(/\/app\/inbox/);
    await screenshot(page, '01-coordinator-inbox');

    // Starts a case from the form.
    await page.locator('a[href="/app/cases/new"]').click();
    await fillForm(page, 'startCase', {
      nationalNumber: MEMBER,
      route: 'A',
      incapacityStartDate: '20/10/2025',
      referralDate: '20/02/2026',
      regime: 'employee',
      contract: 'underContract',
      postalCode: '9000',
      language: 'nl',
    });
    await screenshot(page, '02-start-a-trajectory');
    await page.getByTestId('form-startCase').locator('button[type="submit"]').click();
    await page.waitForURL(/\/app\/cases\/[0-9a-f-]{36}$/);
    const caseId = (await page.getByTestId('case-id').textContent())!.trim();
    expect(page.url()).not.toContain(MEMBER.replace(/\D/g, '').slice(0, 6));
    await waitForStatus(page, 'firstContactOverdue');
    // The next deadline shows the rule that set it, with its legal source.
    await expect(page.getByTestId('deadline').first().getByTestId('rule-info').textContent()).resolves.toMatch(
      /firstContact|D9/i,
    );
    await screenshot(page, '03-case-first-contact-overdue');

    // Records the first conversation, the engagement declaration, then files a training project.
    await recordStep(page, 'firstContact', { heldOn: '02/03/2026', reason: 'Gesprek op kantoor' });
    await waitForStatus(page, 'active');
    await recordStep(page, 'engagementDeclaration', { signedOn: '09/03/2026' });
    await page.getByText('09/03/2026').first().waitFor();
    await recordStep(page, 'trainingRequest', {
      title: 'Logistiek planner',
      provider: 'VDAB competentiecentrum',
      startsOn: '01/04/2026',
      endsOn: '30/10/2026',
      submittedBy: 'insured',
      reason: 'Project van de verzekerde',
    });
    await page.locator('[data-testid="open-tasks"] tr[data-kind="trainingAdvice"]').waitFor({ timeout: 60_000 });
    await screenshot(page, '04-case-training-in-review');

    // The case list finds it by its filters.
    await page.locator('a[href="/app/cases"]').click();
    await page.getByTestId('case-list').waitFor();
    await screenshot(page, '05-case-list');
    await coordinator.context.close();

    // The advising physician, the RIZIV reviewer and the HCGRI member each take their task from their inbox.
    for (const [user, kind, step, fields] of [
      [STAFF.advisingPhysician, 'trainingAdvice', 'physicianAdvice', { advice: 'favourable', reason: 'Haalbaar' }],
      [STAFF.rizivReviewer, 'rizivExamination', 'rizivExamination', { advice: 'favourable' }],
      [STAFF.hcgriMember, 'hcgriDecision', 'hcgriDecision', { decision: 'approved', reason: 'Projet cohérent' }],
    ] as const) {
      const reviewer = await signIn(browser, appUrl, user);
      page = reviewer.page;
      await page.waitForURL(/\/app\/inbox/);
      await workOnTask(page, caseId, kind, `06-${kind}-inbox`);
      await expect(page.locator('#step-select').inputValue()).resolves.toBe(step);
      await recordStep(page, step, fields);
      await page.locator(`[data-testid="open-tasks"] tr[data-kind="${kind}"]`).waitFor({ state: 'detached', timeout: 60_000 });
      await screenshot(page, `07-${kind}-recorded`);
      await reviewer.context.close();
    }

    // The coordinator records the training's result from the inbox, then the outcome of the trajectory.
    const closing = await signIn(browser, appUrl, STAFF.coordinator);
    page = closing.page;
    await workOnTask(page, caseId, 'trainingOutcome', '07-trainingOutcome-inbox');
    await recordStep(page, 'trainingOutcome', { result: 'passed', on: '30/10/2026' });
    await page.locator('[data-testid="training-status"][data-status="passed"]').waitFor({ timeout: 60_000 });
    await recordStep(page, 'outcome', { outcome: 'workResumedOtherEmployer', on: '02/11/2026', reason: 'Contract getekend' });
    await waitForStatus(page, 'completed');
    await screenshot(page, '07-case-completed');
    await closing.context.close();

    // The auditor reads the timeline, downloads the raw history and replays the case.
    const auditor = await signIn(browser, appUrl, STAFF.auditor);
    page = auditor.page;
    await page.waitForURL(/\/app\/audit$/);
    await page.locator('input').first().fill(caseId);
    await page.locator('form button[type="submit"]').first().click();
    await page.waitForURL(new RegExp(`/app/audit/cases/${caseId}`));
    const firstContact = page.locator('[data-testid="timeline-entry"][data-kind="humanStep"]', { hasText: 'Gesprek op kantoor' });
    await firstContact.waitFor({ timeout: 60_000 });
    await expect(firstContact.textContent()).resolves.toContain(STAFF.coordinator);
    await expect(
      page.locator('[data-testid="timeline-entry"][data-kind="humanStep"]', { hasText: 'Projet cohérent' }).textContent(),
    ).resolves.toContain(STAFF.hcgriMember);
    await screenshot(page, '08-audit-timeline');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /JSON/ }).click()]);
    expect(download.suggestedFilename()).toBe(`case-${caseId}-history.json`);
    const history = JSON.parse(readFileSync((await download.path())!, 'utf8')) as unknown;
    expect(JSON.stringify(history)).toContain(`trajectory-${caseId}`);
    expect(JSON.stringify(history)).not.toContain(MEMBER.replace(/\D/g, ''));

    await page.getByRole('button', { name: /afspelen|Rejouer|Replay this case/i }).click();
    await page.locator('[data-testid="replay-job"][data-status="done"]').waitFor({ timeout: 120_000 });
    await expect(page.locator(`[data-testid="verdict"]`).getAttribute('data-verdict')).resolves.toBe('deterministic');
    await screenshot(page, '09-audit-replay-done');

    // A set of cases, by registration dates, with its progress page.
    await page.goto(`${appUrl}/audit`);
    await page.locator('#replay-caseIds').fill(caseId);
    await page.locator('section[aria-labelledby="replay-set"] button[type="submit"]').click();
    await page.waitForURL(/\/app\/audit\/replays\//);
    await page.locator('[data-testid="replay-job"][data-status="done"]').waitFor({ timeout: 120_000 });
    await screenshot(page, '10-audit-replay-set');
    await auditor.context.close();

    // The supervisor's start page: the funding dashboard, and the case as the supervisor sees it.
    const supervisor = await signIn(browser, appUrl, STAFF.supervisor);
    page = supervisor.page;
    await page.waitForURL(/\/app\/dashboard$/);
    await page.getByTestId('report-table').waitFor();
    // Computes this month's indicators now: the case above counts in them.
    const thisMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit' }).format(
      new Date(),
    );
    await page.locator('#dashboard-month').selectOption(thisMonth);
    await page.locator('#run-report').click();
    await page.getByTestId('chart-per-mutuality').waitFor({ timeout: 60_000 });
    expect(Number(await page.getByTestId('report-table').getAttribute('data-rows'))).toBeGreaterThan(0);
    await screenshot(page, '11-dashboard');
    await page.goto(`${appUrl}/cases/${caseId}`);
    await expect(caseStatus(page).getAttribute('data-status')).resolves.toBe('completed');
    await page.getByTestId('timeline').waitFor({ timeout: 60_000 });
    await screenshot(page, '12-case-as-supervisor');
    await supervisor.context.close();
  }, 600_000);

  it('keeps what was typed when the API refuses a form, and shows the reason beside the field', async () => {
    const { context, page } = await signIn(browser, appUrl, STAFF.coordinator, '/cases/new');
    // 400: the national number's check digits are wrong; every other field stays as typed.
    await fillForm(page, 'startCase', {
      nationalNumber: '85.07.30-033.99',
      route: 'B',
      incapacityStartDate: '20/10/2025',
      referralDate: '20/02/2026',
      regime: 'employee',
      contract: 'noContract',
      postalCode: '1000',
      language: 'fr',
    });
    await page.getByTestId('form-startCase').locator('button[type="submit"]').click();
    const nationalNumber = page.locator('#startCase-nationalNumber');
    expect(await settled(() => nationalNumber.getAttribute('aria-invalid'), 'true')).toBe('true');
    const describedBy = (await nationalNumber.getAttribute('aria-describedby')) ?? '';
    const errorText = await page
      .locator(
        describedBy
          .split(' ')
          .map((id) => `#${id}`)
          .join(', '),
      )
      .allTextContents();
    expect(errorText.join(' ')).toMatch(/national number/i);
    await expect(nationalNumber.inputValue()).resolves.toBe('85.07.30-033.99');
    await expect(page.locator('#startCase-postalCode').inputValue()).resolves.toBe('1000');
    await expect(page.locator('#startCase-route').inputValue()).resolves.toBe('B');
    await expect(page.locator('#startCase-referralDate').inputValue()).resolves.toBe('20/02/2026');
    await screenshot(page, '20-refused-start-form');

    // Corrected, it starts; then the workflow refuses a first conversation in the future (409).
    await nationalNumber.fill(OTHER_MEMBER);
    await page.locator('#startCase-route').selectOption('A');
    await page.getByTestId('form-startCase').locator('button[type="submit"]').click();
    await page.waitForURL(/\/app\/cases\/[0-9a-f-]{36}$/);
    await waitForStatus(page, 'firstContactOverdue');
    await recordStep(page, 'firstContact', { heldOn: '31/12/2099', reason: 'Afspraak bij de verzekerde thuis' });
    const heldOn = page.locator('#firstContact-heldOn');
    expect(await settled(() => heldOn.getAttribute('aria-invalid'), 'true')).toBe('true');
    await expect(page.getByTestId('form-firstContact').textContent()).resolves.toMatch(/heldOn 2099-12-31 is in the future/);
    await expect(heldOn.inputValue()).resolves.toBe('31/12/2099');
    await expect(page.locator('#firstContact-reason').inputValue()).resolves.toBe('Afspraak bij de verzekerde thuis');
    await expect(caseStatus(page).getAttribute('data-status')).resolves.toBe('firstContactOverdue');
    await screenshot(page, '21-refused-step-kept');

    // Corrected, it is recorded.
    await heldOn.fill('02/03/2026');
    await page.getByTestId('form-firstContact').locator('button[type="submit"]').click();
    await waitForStatus(page, 'active');
    await context.close();
  }, 180_000);

  it('speaks the language of the user’s profile and switches between NL, FR and EN', async () => {
    // Luc Dubois's profile says French.
    const { context, page } = await signIn(browser, appUrl, 'coord-22');
    await page.waitForURL(/\/app\/inbox/);
    const title = page.locator('h2').first();
    const nav = page.locator('a[href="/app/cases/new"]');
    await expect(title.textContent()).resolves.toBe('Tâches');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
    await expect(nav.textContent()).resolves.toBe('Démarrer un trajet');
    await screenshot(page, '30-language-fr');
    // The profile's language holds after a reload.
    await page.reload();
    expect(await settled(() => page.locator('h2').first().textContent(), 'Tâches')).toBe('Tâches');

    await page.getByRole('button', { name: 'Nederlands' }).click();
    expect(await settled(() => title.textContent(), 'Takenlijst')).toBe('Takenlijst');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nl');
    await expect(nav.textContent()).resolves.toBe('Traject starten');
    await screenshot(page, '31-language-nl');

    await page.getByRole('button', { name: 'English' }).click();
    expect(await settled(() => title.textContent(), 'Task inbox')).toBe('Task inbox');
    // The choice is kept across a reload; dates stay Belgian (dd/mm/yyyy) whatever the language.
    await page.reload();
    expect(await settled(() => page.locator('h2').first().textContent(), 'Task inbox')).toBe('Task inbox');
    await page.locator('a[href="/app/cases/new"]').click();
    await expect(page.locator('#startCase-referralDate').getAttribute('placeholder')).resolves.toBe('dd/mm/yyyy');
    await page.getByRole('button', { name: 'Français' }).click();
    expect(await settled(() => page.locator('#startCase-referralDate').getAttribute('placeholder'), 'jj/mm/aaaa')).toBe(
      'jj/mm/aaaa',
    );
    await context.close();
  }, 120_000);
  it('is usable with the keyboard: a skip link first, labelled fields, Enter submits', async () => {
    const { context, page } = await signIn(browser, appUrl, STAFF.coordinator, '/cases/new');
    await page.locator('#startCase-nationalNumber').waitFor();
    await page.keyboard.press('Tab');
    // (Functions run in the page are given as text: this project's type check knows no DOM.)
    expect(await page.evaluate("document.activeElement?.getAttribute('href')")).toBe('#main');
    // Every field of the form has a label a screen reader reads with it.
    const unlabelled = await page.evaluate(`[...document.querySelectorAll(
      '[data-testid="form-startCase"] input:not([type=hidden]), [data-testid="form-startCase"] select, [data-testid="form-startCase"] textarea')]
      .filter((field) => !field.labels?.length && !field.getAttribute('aria-label'))
      .map((field) => field.id || field.name)`);
    expect(
      await page.locator('[data-testid="form-startCase"] input, [data-testid="form-startCase"] select').count(),
    ).toBeGreaterThan(8);
    expect(unlabelled).toEqual([]);
    await page.locator('#startCase-nationalNumber').focus();
    await page.keyboard.type(MEMBER);
    await page.keyboard.press('Enter');
    expect(await settled(() => page.locator('#startCase-route').getAttribute('aria-invalid'), 'true')).toBe('true');
    await expect(page.locator('#startCase-nationalNumber').inputValue()).resolves.toBe(MEMBER);
    await context.close();
  }, 120_000);
  it('reports an incapacity from its form and opens its episode, with its deadline and rule', async () => {
    const { context, page } = await signIn(browser, appUrl, STAFF.coordinator, '/incapacities/new');
    const hundredDaysAgo = new Date(Date.now() - 100 * 86_400_000);
    const day = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Brussels',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(hundredDaysAgo);
    await fillForm(page, 'reportIncapacity', {
      nationalNumber: OTHER_MEMBER,
      incapacityStartDate: day,
      regime: 'employee',
      contract: 'noContract',
      postalCode: '9000',
      language: 'nl',
    });
    await screenshot(page, '40-report-an-incapacity');
    await page.getByTestId('form-reportIncapacity').locator('button[type="submit"]').click();
    await page.waitForURL(/\/app\/incapacities\/[0-9a-f-]{36}$/);
    await page.getByTestId('deadline').getByTestId('rule-info').waitFor({ timeout: 60_000 });
    expect(page.url()).not.toContain(OTHER_MEMBER);
    await screenshot(page, '41-episode');
    await context.close();
  }, 120_000);
});
