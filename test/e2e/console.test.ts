/**
 * The governance console end to end, in Debian's chromium against the whole platform (every subgraph and the
 * gateway over real HTTP): an officer signs in through development sign-in, an edit is refused by validation, a
 * valid edit is saved and submitted, the author's own approval is refused, a second officer approves and
 * activates, and the change takes effect on a query through the gateway. Screenshots of every page go to
 * test-artifacts/console/. These flows run in English (`?lang=en`); the last test opens the console in Chinese, its
 * default, switches to English and back, shows an API error translated by its code, and runs axe on every page it
 * translates in both languages.
 */
import type { Page } from 'playwright-core';
import { launchChromium, type Browser } from '../support/browser';
import { phonesForHealthAnalyst, phonesOnceSettled } from '../support/phones';
import { startPlatform, type Platform } from '../support/platform';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DeadLetterRecord, GrantRequestRecord } from '../../subgraphs/governance/entities';
import { addWorkingDays, chinaDate } from '../../subgraphs/kit/working-days';
import { seriousViolations } from '../support/axe';

let platform: Platform;
let browser: Browser;
let base: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  // Short webhook retries: the Subscriptions page test dead-letters a change within a second.
  platform = await startPlatform('console-e2e', { persons: 200, webhooks: { maxAttempts: 2, backoffMs: 20, maxBackoffMs: 50, pollMs: 50 } });
  base = `http://127.0.0.1:${platform.gateway.port}`;
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function openConsole(): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${base}/console?lang=en`);
  return page;
}

async function signIn(page: Page, sub: string, dept: string, role: string): Promise<void> {
  await page.locator('#tabs').getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Subject (sub)').fill(sub);
  await page.getByLabel('Department').selectOption(dept);
  for (const box of await page.getByRole('checkbox').all()) await box.setChecked((await box.getAttribute('value')) === role);
  await page.getByRole('button', { name: 'Sign in (development)' }).click();
  await page.locator('#session', { hasText: sub }).waitFor();
}

async function openPolicies(page: Page): Promise<void> {
  await page.locator('#tabs').getByRole('link', { name: 'Policies' }).click();
  await page.getByRole('heading', { name: /^Version \d+$/ }).waitFor();
}

const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).waitFor();
const alert = (page: Page, text: string | RegExp) => page.getByRole('alert').filter({ hasText: text }).waitFor();

/** Phones of a few persons as a health analyst sees them through the gateway. */
const NEW_POLICY_ID = 'health-analyst-phones';
let officerA: Page;
let activeBefore: number;
let draft: number;

describe('the governance console', () => {
  it('signs an officer in through development sign-in and shows the catalogue', async () => {
    officerA = await openConsole();
    await officerA.getByRole('button', { name: 'Sign in (development)' }).waitFor();
    await browser.screenshot(officerA, '01-sign-in');
    await signIn(officerA, 'officer-a', 'data-bureau', 'security-officer');
    await officerA.getByRole('heading', { name: 'Resource catalogue' }).waitFor();
    await officerA.getByRole('button', { name: 'Show fields of Person', exact: true }).click();
    await officerA.getByRole('table', { name: 'Fields of Person' }).locator('code', { hasText: /^phone$/ }).waitFor();
    await officerA.getByLabel('Filter').fill('health');
    await officerA.getByRole('button', { name: 'Show fields of HealthRecord', exact: true }).click();
    await officerA.getByRole('table', { name: 'Fields of HealthRecord' }).waitFor();
    await browser.screenshot(officerA, '02-catalogue');
  });

  it('links the catalogue page to the catalogue document, which opens as a page of its own', async () => {
    const href = await officerA.getByRole('link', { name: 'the catalogue document' }).getAttribute('href');
    expect(href).toBe('/console/catalogue');
    const doc = await browser.newPage();
    doc.on('pageerror', (e) => pageErrors.push(String(e)));
    await doc.goto(`${base}${href}`);
    await doc.getByRole('heading', { name: 'How to get access' }).waitFor();
    await doc.getByRole('link', { name: 'Health Commission' }).click();
    await doc.getByRole('heading', { name: 'HealthRecord', exact: true }).waitFor();
    await browser.screenshot(doc, '02b-catalogue-document');
    await doc.close();
  });

  it('refuses an edit naming an unknown field, with the problem beside the editor', async () => {
    await openPolicies(officerA);
    activeBefore = Number((await officerA.getByRole('heading', { name: /^Version \d+$/ }).textContent())!.replace('Version ', ''));
    const editor = officerA.getByLabel('Policy document (JSON)');
    const document = JSON.parse(await editor.inputValue()) as unknown[];
    document.push({ id: NEW_POLICY_ID, dept: 'health', role: 'analyst', description: 'Health analysts call patients back.', rules: [{ action: 'read', subject: 'Person', fields: ['phoneNumber'] }] });
    await editor.fill(JSON.stringify(document, null, 2));
    await officerA.getByLabel('Reason for the change').fill('Health analysts call patients back about screening results.');
    await officerA.getByRole('button', { name: 'Save draft' }).click();
    await officerA.getByRole('list', { name: 'Validation problems' }).getByText(/Person\.phoneNumber/).waitFor();
    await alert(officerA, 'BAD_USER_INPUT');
    await browser.screenshot(officerA, '03-policies-invalid-edit');
  });

  it('saves a valid edit as a draft, with its impact and its diff against the version in force', async () => {
    const editor = officerA.getByLabel('Policy document (JSON)');
    const document = JSON.parse(await editor.inputValue()) as { id: string; rules: { fields?: string[] }[] }[];
    document.find((p) => p.id === NEW_POLICY_ID)!.rules[0]!.fields = ['phone'];
    await editor.fill(JSON.stringify(document, null, 2));
    // The stored tests said health analysts see phones masked: the change updates them.
    const testsEditor = officerA.getByLabel('Policy tests (JSON)');
    const tests = JSON.parse(await testsEditor.inputValue()) as { name: string; caller: { dept: string | null; roles: string[] }; type: string; field: string; expect: string }[];
    for (const t of tests) {
      if (t.type === 'Person' && t.field === 'phone' && t.caller.dept === 'health' && t.caller.roles.includes('analyst')) Object.assign(t, { name: 'Health analysts read phones in full', expect: 'FULL' });
    }
    if (!tests.some((t) => t.name === 'Health analysts read phones in full')) {
      tests.push({ name: 'Health analysts read phones in full', caller: { dept: 'health', roles: ['analyst'] }, type: 'Person', field: 'phone', expect: 'FULL' });
    }
    await testsEditor.fill(JSON.stringify(tests, null, 2));
    await officerA.getByRole('button', { name: 'Validate' }).click();
    await officerA.getByText('The document is valid.').waitFor();
    await officerA.getByRole('button', { name: 'Save draft' }).click();
    await status(officerA, /Draft version \d+ saved/);
    draft = Number(/Draft version (\d+) saved/.exec((await officerA.getByRole('status').textContent())!)![1]);
    await officerA.getByRole('heading', { name: `Version ${draft}`, exact: true }).waitFor();

    await officerA.getByRole('button', { name: 'Show impact' }).click();
    const impact = officerA.getByRole('table', { name: `Impact of version ${draft}` });
    await impact.getByRole('row').filter({ hasText: 'phone' }).filter({ hasText: 'GAINS' }).first().waitFor();

    await officerA.getByLabel('From version').selectOption(String(activeBefore));
    await officerA.getByLabel('To version').selectOption(String(draft));
    await officerA.getByRole('button', { name: 'Show diff' }).click();
    await officerA.getByLabel(`Unified diff from version ${activeBefore} to version ${draft}`).locator('.diff-add', { hasText: NEW_POLICY_ID }).first().waitFor();
    await browser.screenshot(officerA, '04-policies-draft-impact-diff');
  });

  it('refuses the author’s own approval (four eyes)', async () => {
    await officerA.getByRole('button', { name: 'Submit for review' }).click();
    await status(officerA, `Version ${draft} is now IN_REVIEW.`);
    await officerA.getByRole('button', { name: 'Approve' }).click();
    await alert(officerA, 'FORBIDDEN');
    await browser.screenshot(officerA, '05-policies-own-approval-refused');
    expect(await phonesForHealthAnalyst(platform)).toEqual(expect.arrayContaining([expect.stringContaining('*')]));
  });

  it('lets a second officer approve and activate, and the change takes effect on queries', async () => {
    const officerB = await openConsole();
    await signIn(officerB, 'officer-b', 'data-bureau', 'security-officer');
    await openPolicies(officerB);
    await officerB.getByRole('button', { name: `Open version ${draft}`, exact: true }).click();
    await officerB.getByRole('heading', { name: `Version ${draft}`, exact: true }).waitFor();
    // Review as cells: the changed cell, gained, with the draft's test that checks it.
    const review = officerB.getByRole('table', { name: /^Cells that change under version \d+ against version \d+$/ });
    const cell = review.getByRole('cell', { name: /^health analyst, Person\.phone: MASKED → FULL \(GAINS\); covered by: .*Health analysts read phones in full/ });
    await cell.waitFor();
    expect(await cell.getAttribute('class')).toMatch(/cell-gain/);
    expect(await cell.textContent()).toBe('M→F +');
    await officerB.getByText('Every changed cell is covered by a policy test.').waitFor();
    await browser.screenshot(officerB, '05b-review-as-cells');
    await officerB.getByRole('button', { name: 'Approve' }).click();
    await status(officerB, `Version ${draft} is now APPROVED.`);
    await officerB.getByRole('button', { name: 'Activate' }).click();
    await status(officerB, `Version ${draft} is now ACTIVE.`);
    await officerB.locator('.active-version', { hasText: `version ${draft}` }).waitFor();
    await browser.screenshot(officerB, '06-policies-approved-active');

    const phones = await phonesOnceSettled(platform, false);
    expect(phones.length).toBeGreaterThan(0);
    for (const phone of phones) expect(phone).toMatch(/^1\d{10}$/);

    // The policy tests of the new version pass, and explain shows the new decision.
    await officerB.locator('#tabs').getByRole('link', { name: 'Policy tests' }).click();
    await officerB.getByLabel('Policy version').selectOption(String(draft));
    await officerB.getByRole('button', { name: 'Run tests' }).click();
    await officerB.getByText(new RegExp(`^Version ${draft}: \\d+ passed, 0 failed\\.$`)).waitFor();
    await browser.screenshot(officerB, '07-policy-tests');

    await officerB.locator('#tabs').getByRole('link', { name: 'Explain' }).click();
    await officerB.getByLabel('Department').selectOption('health');
    await officerB.getByLabel('Roles').selectOption(['analyst']);
    await officerB.getByLabel('GraphQL query').fill('{ persons(first: 1) { edges { node { name phone idNumber } } } }');
    await officerB.getByRole('button', { name: 'Explain' }).click();
    const decisions = officerB.getByRole('table', { name: 'Decision per requested field' });
    await decisions.getByRole('row').filter({ hasText: 'persons.edges.node.phone' }).filter({ hasText: 'FULL' }).waitFor();
    await decisions.getByRole('row').filter({ hasText: 'persons.edges.node.idNumber' }).filter({ hasText: 'MASKED' }).waitFor();
    await browser.screenshot(officerB, '08-explain');
  });

  it('requests a grant, shows its age and due date, and the owning department approves it', async () => {
    const requester = await openConsole();
    await signIn(requester, 'housing-so', 'housing', 'security-officer');
    await requester.locator('#tabs').getByRole('link', { name: 'Grants' }).click();
    await requester.getByLabel('Scope').fill('Person: maritalStatus');
    await requester.getByLabel('Purpose').fill('housing-subsidy-review');
    await requester.getByLabel('Legal basis').fill('Hainan housing subsidy measures, article 7');
    await requester.getByRole('button', { name: 'Request grant' }).click();
    await status(requester, /Grant request \S+ sent to public-security/);
    const id = /Grant request (\S+) sent/.exec((await requester.getByRole('status').textContent())!)![1]!;
    await requester.getByRole('table', { name: 'Grant requests, newest first' }).getByRole('row').filter({ hasText: id }).filter({ hasText: 'PENDING' }).waitFor();
    // Due on the 5th working day after today (China's calendar), not overdue.
    const dueOn = addWorkingDays(chinaDate(new Date()), 5);
    await requester.getByRole('table', { name: 'Grant requests, newest first' }).getByRole('row').filter({ hasText: id }).filter({ hasText: `${dueOn} (5 working days left)` }).waitFor();

    // An older request the owner has not answered in time: made 40 days ago, so overdue.
    const headers = await platform.as({ sub: 'housing-so', dept: 'housing', roles: ['security-officer'] });
    const expiresOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const late = await platform.query(`mutation($input: GrantRequestInput!) { requestGrant(input: $input) { id } }`, { input: { scope: [{ type: 'Person', fields: ['maritalStatus'] }], purpose: 'housing-subsidy-audit', legalBasis: 'Hainan housing subsidy measures, article 9', expiresOn } }, headers);
    const lateId = late.data.requestGrant.id as string;
    await platform.subgraphs.governance.db.orm.em.fork().nativeUpdate(GrantRequestRecord, { id: lateId }, { createdAt: new Date(Date.now() - 40 * 86_400_000) });

    const owner = await openConsole();
    await signIn(owner, 'police-so', 'public-security', 'security-officer');
    await owner.locator('#tabs').getByRole('link', { name: 'Grants' }).click();
    const row = owner.getByRole('table', { name: 'Grant requests, newest first' }).getByRole('row').filter({ hasText: id });
    await row.filter({ hasText: /\d+ s|\d+ min/ }).waitFor();
    const lateRow = owner.getByRole('table', { name: 'Grant requests, newest first' }).getByRole('row').filter({ hasText: lateId });
    await lateRow.filter({ hasText: /working days? overdue/ }).locator('.badge-overdue', { hasText: 'overdue' }).waitFor();
    expect(await row.locator('.badge-overdue').count()).toBe(0);
    const counts = owner.getByRole('table', { name: /Pending requests per owning department/ }).getByRole('row').filter({ hasText: 'public-security' });
    expect((await counts.getByRole('cell').allTextContents()).map((t) => t.trim())).toEqual(['public-security', '2', '0', '1 overdue']);
    await browser.screenshot(owner, '09-grants-pending');
    await owner.getByLabel('Reason for the decision').fill('Subsidy review is a lawful purpose; limited to marital status.');
    await owner.getByRole('button', { name: `Approve request ${id}` }).click();
    await status(owner, `Grant request ${id} is now APPROVED.`);
    await row.filter({ hasText: 'APPROVED' }).waitFor();
    await browser.screenshot(owner, '10-grants-approved');
  });

  it('lists the department\'s subscriptions with their dead letters, and redelivers one', async () => {
    let answer = 500;
    const receiver = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.statusCode = answer;
        res.end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    try {
      const health = await platform.as({ sub: 'health-so', dept: 'health', roles: ['security-officer'], region: '460000' });
      const sub = await platform.query(`mutation($input: SubscribeInput!) { subscribe(input: $input) { subscription { id } } }`, { input: { types: ['PersonDied'], purpose: 'death-followup', webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook` } }, health);
      const id = sub.data.subscribe.subscription.id as string;
      const police = await platform.as({ sub: 'police-1', dept: 'public-security', roles: ['officer'], region: '460000' });
      const living = await platform.query(`{ persons(first: 1, filter: { status: LIVING }) { edges { node { id version } } } }`, undefined, police);
      const person = living.data.persons.edges[0].node;
      const died = await platform.query(`mutation($id: ID!, $v: Int!, $d: Date!) { registerDeath(personId: $id, expectedVersion: $v, date: $d) { id } }`, { id: person.id, v: person.version, d: chinaDate(new Date()) }, police);
      expect(died.errors).toBeUndefined();
      const em = platform.subgraphs.governance.db.orm.em.fork();
      for (let i = 0; i < 200 && (await em.count(DeadLetterRecord, { subscriptionId: id })) === 0; i += 1) await new Promise((r) => setTimeout(r, 50));
      const [letter] = await em.find(DeadLetterRecord, { subscriptionId: id }, { disableIdentityMap: true });
      expect(letter).toBeDefined();

      const page = await openConsole();
      await signIn(page, 'health-so', 'health', 'security-officer');
      await page.locator('#tabs').getByRole('link', { name: 'Subscriptions' }).click();
      const row = page.getByRole('table', { name: 'Change subscriptions, newest first' }).getByRole('row').filter({ hasText: id });
      await row.filter({ hasText: 'PersonDied' }).filter({ hasText: 'ACTIVE' }).waitFor();
      await page.getByRole('button', { name: `Dead letters of ${id}` }).click();
      const dead = page.getByRole('table', { name: `Dead letters of ${id}, newest first` }).getByRole('row').filter({ hasText: letter!.id });
      await dead.filter({ hasText: 'PENDING' }).filter({ hasText: 'HTTP 500' }).waitFor();
      await browser.screenshot(page, '11-subscriptions-dead-letters');
      answer = 204;
      await page.getByRole('button', { name: `Redeliver ${letter!.id}` }).click();
      await status(page, `Redelivered 1 of 1 dead letter of ${id}.`);
      await page.getByRole('table', { name: `Dead letters of ${id}, newest first` }).getByRole('row').filter({ hasText: letter!.id }).filter({ hasText: 'REDELIVERED' }).waitFor();
      await browser.screenshot(page, '12-subscriptions-redelivered');
    } finally {
      await new Promise((r) => receiver.close(r));
    }
  });

  it('opens in Chinese by default, translates errors by code, switches language, with no serious accessibility violation', async () => {
    const page = await browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.setViewportSize({ width: 1280, height: 800 });
    // No remembered choice: the default language.
    await page.goto(`${base}/console#signin`);
    await page.evaluate(() => localStorage.removeItem('hdg.lang'));
    await page.reload();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    const nav = page.getByRole('navigation', { name: '控制台页面' });
    await nav.getByRole('link', { name: '资源目录' }).waitFor();
    await page.getByRole('button', { name: '登录（开发模式）' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('用户标识（sub）').fill('officer-zh');
    await page.getByLabel('部门', { exact: true }).selectOption('health');
    await expect(page.getByLabel('部门', { exact: true }).locator('option:checked').textContent()).resolves.toBe('卫生健康委员会');
    for (const box of await page.getByRole('checkbox').all()) await box.setChecked((await box.getAttribute('value')) === 'security-officer');
    await page.getByRole('button', { name: '登录（开发模式）' }).click();
    await page.locator('#session', { hasText: '卫生健康委员会 · 安全管理员' }).waitFor();
    await page.getByRole('heading', { name: '资源目录', exact: true }).waitFor();
    await page.getByRole('button', { name: '显示 Person 的字段', exact: true }).click();
    const fields = page.getByRole('table', { name: 'Person 的字段' });
    await fields.getByRole('row').filter({ has: page.locator('code', { hasText: /^idNumber$/ }) }).filter({ hasText: '敏感个人信息' }).waitFor();
    await fields.locator('.badge', { hasText: '有条件共享' }).first().waitFor();
    await browser.screenshot(page, '13-catalogue-chinese');
    const pages: [string, string][] = [['资源目录', '资源目录'], ['策略', '策略'], ['访问矩阵', '访问矩阵'], ['谁能看到', '谁能看到？'], ['策略测试', '策略测试'], ['访问解释', '解释查询'], ['共享授权', '共享授权'], ['数据异议', '数据异议'], ['变更订阅', '变更订阅']];
    for (const [tab, heading] of pages) {
      await nav.getByRole('link', { name: tab, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.getByText('加载中…').or(page.getByText(/^正在加载/)).first().waitFor({ state: 'detached' }).catch(() => undefined);
      expect({ page: tab, violations: await seriousViolations(page) }).toEqual({ page: tab, violations: [] });
    }

    // An API error in Chinese: the code's translation, the API's English message beside it, and the code.
    await nav.getByRole('link', { name: '访问解释', exact: true }).click();
    await page.getByLabel('GraphQL 查询').fill('{ persons(first: 1) { edges { node { noSuchField } } } }');
    await page.getByRole('button', { name: '解释', exact: true }).click();
    const alertEl = page.getByRole('alert');
    await alertEl.locator('.error-code').waitFor();
    const code = (await alertEl.locator('.error-code').first().textContent())!;
    const translations: Record<string, string> = { BAD_USER_INPUT: '输入内容不符合要求。', GRAPHQL_VALIDATION_FAILED: '查询与接口模式不符。' };
    expect(Object.keys(translations)).toContain(code);
    await alertEl.filter({ hasText: '接口拒绝了此操作：' }).filter({ hasText: translations[code]! }).waitFor();
    await expect(alertEl.locator('.error-detail[lang="en"]').textContent()).resolves.toMatch(/noSuchField/);
    await browser.screenshot(page, '14-error-chinese');

    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('heading', { level: 1, name: 'Explain a query' }).waitFor();
    await page.getByRole('navigation', { name: 'Console pages' }).getByRole('link', { name: 'Catalogue' }).click();
    await page.getByRole('heading', { name: 'Resource catalogue', exact: true }).waitFor();
    await page.locator('#session', { hasText: 'health · security-officer' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await browser.screenshot(page, '15-catalogue-english');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await page.getByRole('heading', { name: '资源目录', exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.close();
  });

  it('ran without a script error in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
