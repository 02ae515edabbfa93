import { readFileSync } from 'node:fs';
import type { Bundle, DiagnosticReport, Provenance } from '@medplum/fhirtypes';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../server/src/testing/auth';
import { launchChromium, screenshot, seriousViolations, storedSession } from './browser';
import { buildWeb, startSeededServer, type Seeded } from './server';

const CLINICIAN = { username: 'dr-li', role: 'clinician', display: 'Li Wei', practitioner: 'pr-li' } as const;
const NURSE = { username: 'nurse-wang', role: 'nurse', display: 'Wang Fang', practitioner: 'pr-wang' } as const;

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await seriousViolations(page), `axe: ${screen}`).toEqual([]);
}

async function signInAs(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(baseUrl);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(TEST_PASSWORD);
  await page.locator('form button[type=submit]').click();
  await page.locator('h1#worklist-title').waitFor();
}

async function bearerOf(s: Seeded, username: string): Promise<{ authorization: string }> {
  const res = await s.t.app.inject({
    method: 'POST',
    url: '/auth/login',
    payload: { username, password: TEST_PASSWORD },
  });
  return { authorization: `Bearer ${res.json<{ access_token: string }>().access_token}` };
}

describe('the clinician web app in headless Chromium', () => {
  let s: Seeded;
  let browser: Browser;
  beforeAll(async () => {
    await buildWeb();
    s = await startSeededServer([CLINICIAN, NURSE]);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await s?.t.close();
  });

  it('lets a nurse open a report awaiting sign-off but not review or sign it', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(s.baseUrl);
    await page.getByRole('button', { name: 'English' }).click();
    await signInAs(page, s.baseUrl, NURSE.username);
    await page.goto(`${s.baseUrl}/#/reports/${s.reportId}`);
    await page.locator('li.finding').first().waitFor();
    expect(await page.locator('section.sign button').count()).toBe(0);
    expect(await page.locator('section.sign').textContent()).toContain('Only a clinician can sign');
    expect(await page.getByRole('button', { name: /^Reject/ }).count()).toBe(0);
    await screenshot(page, '11-review-nurse');
    await expectAccessible(page, 'review as nurse');
    const h = await bearerOf(s, NURSE.username);
    const sign = await s.t.app.inject({
      method: 'POST',
      url: `/api/reports/${s.reportId}/sign`,
      headers: h,
      payload: {},
    });
    expect(sign.statusCode).toBe(403);
    await page.close();
  });

  it('takes the tokens an OpenID Connect sign-in redirects with, and clears them from the address bar', async () => {
    // The server's OIDC callback (tested against a real provider in http/auth/oidc.int.test.ts) ends with this redirect.
    const login = await s.t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { username: CLINICIAN.username, password: TEST_PASSWORD },
    });
    const grant = login.json<{ access_token: string; refresh_token: string }>();
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(
      `${s.baseUrl}/#access_token=${grant.access_token}&refresh_token=${grant.refresh_token}&token_type=Bearer`,
    );
    await page.locator('h1#worklist-title').waitFor();
    expect(page.url()).not.toContain('access_token');
    expect(await page.locator('header').textContent()).toContain(CLINICIAN.display);
    await page.close();
  });

  it('signs in, works the worklist, opens the evidence, rejects a finding, signs; the API shows final + Provenance', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
    await page.goto(s.baseUrl);
    // zh-CN is the default; the switch changes the screen's text and is remembered.
    await expect.poll(() => page.locator('h1').textContent()).toBe('登录 CareLoop');
    await screenshot(page, '01-sign-in-zh-CN');
    await expectAccessible(page, 'sign-in');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sign in to CareLoop');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.locator('#username').fill(CLINICIAN.username);
    await page.locator('#password').fill('wrong password');
    await page.locator('form button[type=submit]').click();
    await expect.poll(() => page.locator('#signin-error').textContent()).toContain('username or password is not right');
    await screenshot(page, '02-sign-in-error-en');
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sign in to CareLoop');
    // Keyboard: the first Tab reaches the skip link.
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement
            .textContent,
      ),
    ).toBe('Skip to main content');
    await signInAs(page, s.baseUrl, CLINICIAN.username);

    // Worklist: counts at a glance, the report awaiting sign-off.
    const awaiting = page.locator('.count-awaiting-sign-off .count-n');
    await expect.poll(() => awaiting.textContent()).toBe('1');
    const reviewLink = page.locator(`a[href="#/reports/${s.reportId}"]`).first();
    await reviewLink.waitFor();
    // Filter: only the reports awaiting sign-off; sort: oldest first.
    await page.getByLabel('Show').selectOption('awaiting-sign-off');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('tbody tr td').first().textContent()).toBe('Report to sign');
    await page.getByLabel('Show').selectOption('');
    await page.getByLabel('Sort by').selectOption('-date');
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(1);
    await screenshot(page, '03-worklist-en');
    await expectAccessible(page, 'worklist');
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.locator('h1#worklist-title').textContent()).toBe('工作列表');
    await screenshot(page, '04-worklist-zh-CN');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1#worklist-title').textContent()).toBe('Worklist');
    await page.setViewportSize({ width: 820, height: 1180 });
    await screenshot(page, '05-worklist-tablet');
    await page.setViewportSize({ width: 1366, height: 768 });

    // Review: the first finding's evidence chain, then reject it with a reason.
    await reviewLink.click();
    const first = page.locator('li.finding').first();
    await first.waitFor();
    await screenshot(page, '06-review-en');
    await expectAccessible(page, 'review');
    await first.getByRole('button', { name: 'Why? Show the evidence' }).click();
    const evidence = first.locator('section.evidence');
    await evidence.waitFor();
    expect(await evidence.locator('h6').allTextContents()).toEqual(expect.arrayContaining(['Values used', 'Rule']));
    expect(await evidence.locator('.signoff').textContent()).toContain('Preliminary');
    await screenshot(page, '07-review-evidence');
    await expectAccessible(page, 'evidence');
    await page.getByRole('button', { name: 'Add a finding' }).click();
    await page.getByLabel('What did you find?').fill('Skin lesion on the left forearm');
    await page.getByLabel('How serious').selectOption('low');
    await page.getByLabel('Why are you adding it?').fill('Seen at examination');
    await page.getByRole('button', { name: 'Add finding' }).click();
    await expect.poll(() => page.locator('p.live').textContent()).toBe('Finding added.');
    expect(await page.locator('li.finding', { hasText: 'Skin lesion on the left forearm' }).textContent()).toContain(
      'Added by a clinician',
    );
    const title = (await first.locator('h4').textContent()) ?? '';
    await first.getByRole('button', { name: /^Reject/ }).click();
    await first.getByLabel('Why is this finding not right?').fill('Value taken after a meal; not fasting');
    await first.getByRole('button', { name: 'Reject finding' }).click();
    await expect.poll(() => page.locator('p.live').textContent()).toBe('Finding rejected.');
    await expect.poll(() => page.locator('li.finding.rejected').count()).toBe(1);
    expect(await page.locator('li.finding.rejected h4').textContent()).toContain(
      title.replace(/^\S+\s+\S+\s+/, '').slice(0, 8),
    );
    await page.getByRole('button', { name: "Preview the person's version" }).click();
    await page.locator('iframe.preview').waitFor();
    await screenshot(page, '08-review-person-preview');
    await page.locator('section.sign').getByRole('button', { name: 'Sign the report' }).click();
    await expect.poll(() => page.locator('p.live').textContent()).toBe('Report signed. It is now final.');
    await expect.poll(() => page.locator('.signoff').first().textContent()).toContain(CLINICIAN.display);
    await screenshot(page, '09-review-signed');
    // Download PDF: the signed report arrives as a real PDF file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);

    // Through the API: the report is final and its Provenance names this clinician.
    const h = await bearerOf(s, CLINICIAN.username);
    const report = await s.t.app.inject({ url: `/fhir/DiagnosticReport/${s.reportId}`, headers: h });
    expect(report.json<DiagnosticReport>().status).toBe('final');
    const prov = await s.t.app.inject({ url: `/fhir/Provenance?target=DiagnosticReport/${s.reportId}`, headers: h });
    const provenances = (prov.json<Bundle<Provenance>>().entry ?? []).map((e) => e.resource!);
    const who = provenances.flatMap((p) => p.agent.map((a) => `${a.who.reference ?? ''} ${a.who.display ?? ''}`));
    expect(who.join('|')).toMatch(new RegExp(`Practitioner/${CLINICIAN.practitioner}|${CLINICIAN.display}`));

    // Patient summary, with a score's "why".
    await page.locator(`a[href="#/patients/${s.patientId}"]`).first().click();
    await page.locator('#problems').waitFor();
    await screenshot(page, '10-patient-summary');
    await expectAccessible(page, 'patient summary');

    // The access token expires (15 min); the app trades its refresh token and carries on without a new sign-in.
    const tokenBefore = await storedSession(page);
    s.t.authClock.advance(16 * 60);
    await page.getByRole('link', { name: 'Worklist', exact: true }).click();
    await page.locator('h1#worklist-title').waitFor();
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(0);
    const tokenAfter = await storedSession(page);
    expect(tokenAfter).not.toBe(tokenBefore);
    await page.close();
  });
});
