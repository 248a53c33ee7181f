/**
 * The graph IDE end to end, in Debian's chromium against the whole platform: GraphiQL opens at /graphql, a
 * developer signs in through development sign-in, runs a query and sees a masked value, opens a field's
 * documentation and sees its sharing type and their decision, and gets an explain answer for the document. No
 * request leaves the gateway's origin (pages and workers alike) and the strict CSP is never violated.
 * Screenshots go to test-artifacts/ide/.
 */
import type { Page } from 'playwright-core';
import { launchChromium, type Browser } from '../support/browser';
import { startPlatform, type Platform } from '../support/platform';

let platform: Platform;
let browser: Browser;
let base: string;
let page: Page;
const pageErrors: string[] = [];
const consoleErrors: string[] = [];
const offOrigin: string[] = [];
const requested: string[] = [];

beforeAll(async () => {
  browser = await launchChromium('ide');
  platform = await startPlatform('ide-e2e', { persons: 200 });
  base = `http://127.0.0.1:${platform.gateway.port}`;
  // Every request of every page and worker of the context: anything not for the gateway is recorded and refused.
  await browser.context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${base}/`) || url.startsWith('data:')) return route.continue();
    offOrigin.push(url);
    return route.abort();
  });
  browser.context.on('request', (r) => requested.push(r.url()));
  // CSP violations of the page (workers report theirs as console errors, collected below).
  await browser.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

/** Replaces the query editor's text (insertText: no auto-closed brackets). */
async function setQuery(text: string): Promise<void> {
  const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

describe('the graph IDE', () => {
  it('opens GraphiQL at /graphql from a browser, from the gateway only', async () => {
    page = await browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('worker', (w) => requested.push(w.url()));
    const response = await page.goto(`${base}/graphql`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self';/);
    await page.getByRole('button', { name: 'Sign in (development)' }).waitFor();
    await browser.screenshot(page, '01-sign-in');
  });

  it('signs a developer in and runs a query, with a masked value in the result', async () => {
    await page.getByRole('checkbox', { name: 'developer' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'developer' }).isChecked()).toBe(true);
    await page.getByLabel('Subject').fill('dev-1');
    await page.getByLabel('Department').selectOption('health');
    // A developer who is also an analyst: introspection for the one, identity details masked for the other.
    await page.getByRole('checkbox', { name: 'analyst' }).check();
    await page.getByRole('button', { name: 'Sign in (development)' }).click();
    await page.locator('#ide-session', { hasText: 'dev-1' }).waitFor();
    await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor();
    await setQuery('{ persons(first: 3) { edges { node { name idNumber } } } }');
    await page.getByRole('button', { name: /Execute query/ }).click();
    const result = page.locator('.graphiql-response');
    await result.filter({ hasText: 'idNumber' }).waitFor();
    // ID numbers are masked for developers: digits kept at both ends, stars between.
    await result.filter({ hasText: /\d{3,}\*{4,}/ }).first().waitFor();
    await browser.screenshot(page, '02-masked-result');
  });

  it('completes a cross-domain query from the schema as the developer types', async () => {
    const suggestions = page.locator('.suggest-widget .monaco-list-row');
    // Fields of Person served by the health, education, housing and credit subgraphs, offered under population's Person.
    for (const [typed, field] of [['healthRe', 'healthRecord'], ['highest', 'highestDegree'], ['propert', 'properties'], ['cred', 'credit']]) {
      await setQuery(`{ persons(first: 1) { edges { node { name ${typed}`);
      await page.keyboard.press('Control+Space');
      await suggestions.filter({ hasText: field }).first().waitFor();
      await page.keyboard.press('Escape');
    }
    await setQuery('{ persons(first: 1) { edges { node { healthRecord { insurance { sch');
    await page.keyboard.press('Control+Space');
    await suggestions.filter({ hasText: 'scheme' }).first().waitFor();
    await browser.screenshot(page, '02b-completion');
    await page.keyboard.press('Escape');
    // The document the next steps explain.
    await setQuery('{ persons(first: 3) { edges { node { name idNumber } } } }');
  });

  it('shows a field’s sharing type and the caller’s decision in its documentation', async () => {
    await page.getByRole('button', { name: /Show Documentation Explorer/ }).click();
    await page.locator('[data-cy="doc-explorer-input"]').fill('idNumber');
    await page.locator('[data-cy="doc-explorer-option"]', { hasText: 'Person' }).filter({ hasText: 'idNumber' }).first().click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.filter({ hasText: 'Sharing: CONDITIONAL' }).waitFor();
    await docs.filter({ hasText: /Your access: MASKED/ }).waitFor();
    await browser.screenshot(page, '03-field-docs');
  });

  it('explains the current document in the Access panel', async () => {
    await page.getByRole('button', { name: /Show Access/ }).click();
    const panel = page.getByRole('region', { name: 'Access' });
    await panel.getByText(/Person\.idNumber: MASKED/).waitFor();
    await panel.getByRole('button', { name: /Why\?/ }).click();
    const decisions = panel.getByRole('table', { name: 'Decision per requested field' });
    await decisions.getByRole('row').filter({ hasText: 'persons.edges.node.idNumber' }).filter({ hasText: 'MASKED' }).waitFor();
    await browser.screenshot(page, '04-explain');
  });

  it('shows a caller who is not a developer the schema without the fields they may never read', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Subject').fill('analyst-1');
    await page.getByLabel('Department').selectOption('health');
    await page.getByRole('checkbox', { name: 'developer' }).uncheck();
    await page.getByRole('checkbox', { name: 'analyst' }).check();
    await page.getByRole('button', { name: 'Sign in (development)' }).click();
    await page.locator('#ide-session', { hasText: 'analyst-1' }).waitFor();
    await page.getByRole('button', { name: /Show Documentation Explorer/ }).click();
    await page.locator('[data-cy="doc-explorer-input"]').fill('Person');
    await page.locator('[data-cy="doc-explorer-option"]').filter({ hasText: /^Person$/ }).first().click();
    const docs = page.locator('.graphiql-doc-explorer');
    // Masked for them: shown. Conditional data of another department without a grant: left out.
    await docs.getByRole('link', { name: 'idNumber', exact: true }).or(docs.getByText('idNumber', { exact: true })).first().waitFor();
    expect(await docs.getByText('maritalStatus', { exact: true }).count()).toBe(0);
    await browser.screenshot(page, '05-analyst-person');
  });

  it('sent nothing beyond the gateway and broke no CSP rule, without a script error', () => {
    expect(offOrigin).toEqual([]);
    // Monaco's workers ran, from the gateway's files (worker-src 'self').
    expect(requested).toEqual(expect.arrayContaining([`${base}/ide/editor.worker.js`, `${base}/ide/graphql.worker.js`]));
    for (const url of requested) expect(url.startsWith(`${base}/`) || url.startsWith('data:')).toBe(true);
    expect([...new Set(consoleErrors.filter((e) => /Content Security Policy|CSP violation/i.test(e)))]).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
