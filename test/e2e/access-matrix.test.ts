/**
 * The permission matrix and "who can see this?" in the console, in Debian's chromium against the whole platform: a
 * security officer opens the matrix of Person, moves through the grid with the arrow keys and reads what decided
 * each cell, then asks who can see Person.phone and downloads the answer as CSV. Screenshots go to
 * test-artifacts/console-matrix/.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { glyphs, launchChromium, type Browser } from '../support/browser';
import { startPlatform, type Platform } from '../support/platform';

let platform: Platform;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium('console-matrix');
  platform = await startPlatform('matrix-e2e', { persons: 100 });
  page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`http://127.0.0.1:${platform.gateway.port}/console?lang=en`);
  await page.locator('#tabs').getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Subject (sub)').fill('so-matrix');
  await page.getByLabel('Department').selectOption('data-bureau');
  for (const box of await page.getByRole('checkbox').all()) await box.setChecked((await box.getAttribute('value')) === 'security-officer');
  await page.getByRole('button', { name: 'Sign in (development)' }).click();
  await page.locator('#session', { hasText: 'so-matrix' }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe('the permission matrix page', () => {
  it('shows the grid of a type, coloured by decision, and explains the focused cell', async () => {
    await page.locator('#tabs').getByRole('link', { name: 'Matrix' }).click();
    await page.getByLabel('Type').locator('option[value="Person"]').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Show' }).click();
    const grid = page.getByRole('grid', { name: /Permission matrix of Person/ });
    await grid.waitFor();
    const police = grid.getByRole('gridcell', { name: /^public-security officer, name: denied.*depends on the record: full where the row conditions hold/ });
    await police.waitFor();
    expect(await glyphs(police)).toBe('F*');
    const first = grid.locator('td[tabindex="0"]');
    await first.focus();
    const before = await page.locator('.cell-details').textContent();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const after = await page.locator('.cell-details').textContent();
    expect(after).not.toBe(before);
    expect(after).toMatch(/decided by/);
    expect(await grid.locator('td[tabindex="0"]').count()).toBe(1);
    await browser.screenshot(page, '01-matrix');
  });
});

describe('in Chinese', () => {
  it('shows the matrix and "who can see this?" with official names, and explains a cell in Chinese', async () => {
    await page.locator('#lang-switch').selectOption('zh-CN');
    await page.locator('#tabs').getByRole('link', { name: '访问矩阵' }).click();
    await page.getByLabel('类型').locator('option[value="Person"]').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: '显示', exact: true }).click();
    const grid = page.getByRole('grid', { name: /Person 的访问矩阵/ });
    await grid.waitFor();
    const police = grid.getByRole('gridcell', { name: /^公安厅 业务人员，name：不可见，决定依据：.*取决于记录：满足行条件时完整可见/ });
    expect(await glyphs(police)).toBe('F*');
    expect(await grid.locator('thead th.dept', { hasText: '卫生健康委员会' }).count()).toBe(1);
    await page.locator('#tabs').getByRole('link', { name: '谁能看到' }).click();
    await page.getByLabel('字段', { exact: true }).locator('option[value="phone"]').waitFor({ state: 'attached' });
    await page.getByLabel('字段', { exact: true }).selectOption('phone');
    await page.getByRole('button', { name: '谁能看到？' }).click();
    const tableEl = page.getByRole('table', { name: '谁能看到 Person.phone' });
    await tableEl.waitFor();
    expect(await tableEl.locator('thead th').first().textContent()).toBe('部门');
    expect(await tableEl.locator('tbody tr', { hasText: '卫生健康委员会' }).first().textContent()).toMatch(/业务人员.*脱敏可见/);
    await browser.screenshot(page, '03-who-can-see-zh');
    await page.locator('#lang-switch').selectOption('en');
    expect(pageErrors).toEqual([]);
  });
});

describe('who can see this?', () => {
  it('lists every department and role for Person.phone and downloads it as CSV', async () => {
    await page.locator('#tabs').getByRole('link', { name: 'Who can see' }).click();
    await page.getByLabel('Field', { exact: true }).locator('option[value="phone"]').waitFor({ state: 'attached' });
    await page.getByLabel('Field', { exact: true }).selectOption('phone');
    await page.getByRole('button', { name: 'Who can see this?' }).click();
    const tableEl = page.getByRole('table', { name: 'Who can see Person.phone' });
    await tableEl.waitFor();
    expect(await tableEl.locator('tbody tr').count()).toBe(63);
    await browser.screenshot(page, '02-who-can-see');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('who-can-see-Person.phone.csv');
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^department,role,decision,/);
    expect(lines).toHaveLength(64);
    expect(lines.find((l) => l.startsWith('health,officer,'))).toMatch(/^health,officer,MASKED,MASKED,policy masked-identity-officer,/);
    expect(pageErrors).toEqual([]);
  });
});
