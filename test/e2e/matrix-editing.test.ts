/**
 * Editing access in the permission matrix (issue 18), in Debian's chromium against the whole platform: an officer
 * starts a new draft in the Matrix page, turns Person.phone from masked to full for health analysts in the cell
 * editor (only reachable decisions offered), sees the impact and the stored test the change breaks, updates that
 * test, saves and submits; a second officer reviews the changed cells on the Policies page, approves and activates;
 * a health analyst's query of Person.phone through the gateway then answers full numbers. Screenshots go to
 * test-artifacts/console-matrix-edit/.
 */
import type { Page } from 'playwright-core';
import { glyphs, launchChromium, type Browser } from '../support/browser';
import { seriousViolations } from '../support/axe';
import { phonesForHealthAnalyst, phonesOnceSettled } from '../support/phones';
import { startPlatform, type Platform } from '../support/platform';

let platform: Platform;
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium('console-matrix-edit');
  platform = await startPlatform('matrix-edit-e2e', { persons: 100 });
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function signedIn(sub: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`http://127.0.0.1:${platform.gateway.port}/console?lang=en`);
  await page.locator('#tabs').getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Subject (sub)').fill(sub);
  await page.getByLabel('Department').selectOption('data-bureau');
  for (const box of await page.getByRole('checkbox').all()) await box.setChecked((await box.getAttribute('value')) === 'security-officer');
  await page.getByRole('button', { name: 'Sign in (development)' }).click();
  await page.locator('#session', { hasText: sub }).waitFor();
  return page;
}

const status = (page: Page, text: RegExp) => page.getByRole('status').filter({ hasText: text }).first().waitFor();
const healthAnalystPhone = (page: Page, decision: string) => page.getByRole('grid', { name: /Permission matrix of Person/ }).getByRole('gridcell', { name: new RegExp(`^health analyst, phone: ${decision},`) });
let draft: number;

/** The Matrix page, Person's matrix in a new draft based on the version in force. */
async function newDraftOfPerson(page: Page): Promise<void> {
  await page.locator('#tabs').getByRole('link', { name: 'Matrix' }).click();
  await page.getByLabel('Type').locator('option[value="Person"]').waitFor({ state: 'attached' });
  const edit = page.getByLabel('Edit', { exact: true });
  await edit.locator('option', { hasText: /New draft based on version \d+/ }).waitFor({ state: 'attached' });
  await edit.selectOption({ label: (await edit.locator('option', { hasText: /New draft based on version/ }).textContent())! });
  await page.getByRole('button', { name: 'Show' }).click();
}

describe('editing access in the permission matrix', () => {
  it('turns health analysts’ Person.phone from masked to full in a new draft, with its impact, and submits it', async () => {
    const page = await signedIn('so-editor');
    await newDraftOfPerson(page);

    const cell = healthAnalystPhone(page, 'masked');
    await cell.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Person.phone for health analyst' });
    await dialog.waitFor();
    // Only the decisions an edit can give are offered; Person.phone is CONDITIONAL, so no co-signature is needed.
    const offered = await dialog.getByRole('radio').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(offered.sort()).toEqual(['AGGREGATE_ONLY', 'DENIED', 'FULL', 'MASKED']);
    expect(await dialog.getByText(/co-signature/).count()).toBe(0);
    await dialog.getByRole('radio', { name: 'full' }).check();
    await browser.screenshot(page, '01-cell-editor');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Apply' }).click();

    // The changed cell says so in colour and in words.
    const changedCell = healthAnalystPhone(page, 'full');
    expect(await glyphs(changedCell)).toBe('F+');
    expect(await changedCell.getAttribute('aria-label')).toMatch(/Changed by this draft: gains \(masked before, full now\)\.$/);
    expect(await changedCell.getAttribute('class')).toMatch(/changed-gain/);
    const impact = page.getByRole('table', { name: 'Who gains or loses what with this draft' });
    const gained = impact.getByRole('row').filter({ hasText: 'Person.phone' });
    // The stored test on that cell still covers it (and now fails).
    await gained.filter({ hasText: 'GAINS' }).filter({ hasText: 'Health analysts see phones masked' }).waitFor();
    expect(await impact.getByRole('row').count()).toBe(2);
    // The stored test still expects masked phones: the editor says so, and the officer updates it in its form.
    await page.getByText(/"Health analysts see phones masked" expects MASKED but the edited document gives FULL/).waitFor();
    const document = JSON.parse(await page.getByLabel('Edited policy document (JSON)').inputValue()) as { id: string }[];
    expect(document.at(-1)!.id).toBe('matrix-health-analyst');
    await page.getByRole('button', { name: 'Edit Health analysts see phones masked' }).click();
    const testForm = page.getByRole('dialog', { name: 'Test "Health analysts see phones masked"' });
    expect(await testForm.getByLabel('Expected').inputValue()).toBe('MASKED');
    await testForm.getByLabel('Name').fill('Health analysts read phones in full');
    await testForm.getByLabel('Expected').selectOption('FULL');
    await testForm.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('The edited document is valid.').waitFor();
    const tests = JSON.parse(await page.getByLabel('Edited policy tests (JSON)').inputValue()) as { name: string; expect: string; caller: unknown }[];
    expect(tests.filter((t) => /Health analysts/.test(t.name) && /phones/.test(t.name))).toEqual([
      expect.objectContaining({ name: 'Health analysts read phones in full', expect: 'FULL', caller: expect.objectContaining({ dept: 'health', roles: ['analyst'] }) }),
    ]);
    await gained.filter({ hasText: 'Health analysts read phones in full' }).waitFor();
    await browser.screenshot(page, '02-edited-with-impact');

    // The condition builder offers what the validator accepts and says the condition in words; cancelled here.
    await healthAnalystPhone(page, 'full').click();
    const again = page.getByRole('dialog', { name: 'Person.phone for health analyst' });
    await again.getByLabel('Limit to some records').check();
    await again.getByRole('button', { name: 'Add a clause' }).click();
    await again.getByLabel('Field', { exact: true }).selectOption('hukouRegionCode');
    await again.getByLabel('Operator').selectOption('$like');
    await again.getByLabel('Compared with').selectOption('regionPrefix');
    await again.getByText("In words: hukouRegionCode is in the caller's own region").waitFor();
    expect(await again.getByLabel('Operator').locator('option').allTextContents()).toContain('starts with');
    await again.getByLabel('Field', { exact: true }).selectOption('gender');
    expect(await again.getByLabel('Operator').locator('option').allTextContents()).toEqual(['is', 'is not', 'is one of', 'is none of']);
    await browser.screenshot(page, '02b-condition-builder');
    expect(await seriousViolations(page)).toEqual([]);
    await again.getByRole('button', { name: 'Cancel' }).click();

    await page.getByLabel('Reason for the change').fill('Health analysts call patients back about screening results.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await status(page, /Draft version \d+ saved/);
    draft = Number(/Draft version (\d+) saved/.exec((await page.locator('#status').textContent())!)![1]);
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await status(page, new RegExp(`Version ${draft} is now IN_REVIEW`));
    expect(await phonesForHealthAnalyst(platform)).toEqual(expect.arrayContaining([expect.stringContaining('*')]));
    expect(pageErrors).toEqual([]);
  });

  it('lets a second officer review the changed cells and approve; the change then holds on a real query', async () => {
    const reviewer = await signedIn('so-reviewer');
    await reviewer.locator('#tabs').getByRole('link', { name: 'Policies' }).click();
    await reviewer.getByRole('heading', { name: /^Version \d+$/ }).waitFor();
    await reviewer.getByRole('button', { name: `Open version ${draft}`, exact: true }).click();
    await reviewer.getByRole('heading', { name: `Version ${draft}`, exact: true }).waitFor();
    const review = reviewer.getByRole('table', { name: /^Cells that change under version \d+ against version \d+$/ });
    const changed = review.getByRole('cell', { name: /^health analyst, Person\.phone: MASKED → FULL \(GAINS\); covered by: .*Health analysts read phones in full/ });
    await changed.waitFor();
    expect(await changed.getAttribute('class')).toMatch(/cell-gain/);
    expect(await review.locator('td.cell-loss').count()).toBe(0);
    await browser.screenshot(reviewer, '03-review-as-cells');
    await reviewer.getByRole('button', { name: 'Approve' }).click();
    await status(reviewer, new RegExp(`Version ${draft} is now APPROVED`));
    await reviewer.getByRole('button', { name: 'Activate' }).click();
    await status(reviewer, new RegExp(`Version ${draft} is now ACTIVE`));

    const phones = await phonesOnceSettled(platform, false);
    expect(phones.length).toBeGreaterThan(0);
    for (const phone of phones) expect(phone).toMatch(/^1\d{10}$/);
    expect(pageErrors).toEqual([]);
  });

  it('does the same in Chinese: turns the cell back to masked, saves and submits; a second officer reviews the loss and approves', async () => {
    const zh = async (sub: string) => {
      const page = await signedIn(sub);
      await page.locator('#lang-switch').selectOption('zh-CN');
      await page.locator('#tabs').getByRole('link', { name: '策略', exact: true }).waitFor();
      return page;
    };
    const page = await zh('so-editor-zh');
    await page.locator('#tabs').getByRole('link', { name: '访问矩阵' }).click();
    await page.getByLabel('类型').locator('option[value="Person"]').waitFor({ state: 'attached' });
    const edit = page.getByLabel('编辑', { exact: true });
    await edit.locator('option', { hasText: /基于版本 \d+（现行）的新草稿/ }).waitFor({ state: 'attached' });
    await edit.selectOption({ label: (await edit.locator('option', { hasText: /的新草稿/ }).textContent())! });
    await page.getByRole('button', { name: '显示', exact: true }).click();
    const grid = page.getByRole('grid', { name: /Person 的访问矩阵/ });
    await grid.getByRole('gridcell', { name: /^卫生健康委员会 分析人员，phone：完整可见，/ }).click();
    const dialog = page.getByRole('dialog', { name: '卫生健康委员会 分析人员 的 Person.phone' });
    await dialog.getByRole('radio', { name: '脱敏可见' }).check();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: '应用' }).click();
    const changed = grid.getByRole('gridcell', { name: /^卫生健康委员会 分析人员，phone：脱敏可见，/ });
    expect(await changed.getAttribute('aria-label')).toMatch(/本草稿的变化：失去（之前 完整可见，现在 脱敏可见）。$/);
    await page.getByRole('table', { name: '本草稿使谁获得或失去什么' }).getByRole('row').filter({ hasText: 'Person.phone' }).waitFor();
    await page.getByText(/“Health analysts read phones in full”期望 FULL，但编辑后的文档给出 MASKED/).waitFor();
    await page.getByRole('button', { name: '编辑Health analysts read phones in full' }).click();
    const testForm = page.getByRole('dialog', { name: '测试“Health analysts read phones in full”' });
    await testForm.getByLabel('名称').fill('Health analysts see phones masked');
    await testForm.getByLabel('预期结果').selectOption('MASKED');
    expect(await seriousViolations(page)).toEqual([]);
    await testForm.getByRole('button', { name: '应用' }).click();
    await page.getByText('编辑后的文档有效。').waitFor();
    await page.getByLabel('变更理由').fill('筛查回访结束，恢复脱敏。');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await status(page, /草稿版本 \d+ 已保存/);
    const zhDraft = Number(/草稿版本 (\d+) 已保存/.exec((await page.locator('#status').textContent())!)![1]);
    await page.getByRole('button', { name: '提交审核' }).click();
    await status(page, new RegExp(`版本 ${zhDraft} 现为审核中`));
    await browser.screenshot(page, '04-edited-in-chinese');

    const reviewer = await zh('so-reviewer-zh');
    await reviewer.locator('#tabs').getByRole('link', { name: '策略', exact: true }).click();
    await reviewer.getByRole('button', { name: `打开版本 ${zhDraft}`, exact: true }).click();
    await reviewer.getByRole('heading', { name: `版本 ${zhDraft}`, exact: true }).waitFor();
    const review = reviewer.getByRole('table', { name: new RegExp(`^版本 ${zhDraft} 相对版本 \\d+ 发生变化的单元格$`) });
    const loss = review.getByRole('cell', { name: /^卫生健康委员会 分析人员，Person\.phone：完整可见 → 脱敏可见（.+）；覆盖的测试：.*Health analysts see phones masked/ });
    await loss.waitFor();
    expect(await loss.getAttribute('class')).toMatch(/cell-loss/);
    expect(await seriousViolations(reviewer)).toEqual([]);
    await browser.screenshot(reviewer, '05-review-in-chinese');
    await reviewer.getByRole('button', { name: '批准' }).click();
    await status(reviewer, new RegExp(`版本 ${zhDraft} 现为已批准`));
    await reviewer.getByRole('button', { name: '启用' }).click();
    await status(reviewer, new RegExp(`版本 ${zhDraft} 现为生效中`));
    const phones = await phonesOnceSettled(platform, true);
    expect(phones.length).toBeGreaterThan(0);
    for (const phone of phones) expect(phone).toContain('*');
    expect(pageErrors).toEqual([]);
  });

  it('makes every kind of change in forms, without JSON: policies, rules, conditions, order, tests, and undo', async () => {
    const page = await signedIn('so-forms');
    await newDraftOfPerson(page);
    await page.getByRole('table', { name: "The draft's policies, in order" }).waitFor();
    type Rule = Record<string, unknown>;
    type Policy = { id: string; dept: string; role: string; description?: string; rules: Rule[] };
    const doc = async () => JSON.parse(await page.getByLabel('Edited policy document (JSON)').inputValue()) as Policy[];
    const testsDoc = async () => JSON.parse(await page.getByLabel('Edited policy tests (JSON)').inputValue()) as { name: string }[];
    const ours = async () => (await doc()).find((p) => p.id === 'housing-contacts');
    const dialog = (name: string | RegExp) => page.getByRole('dialog', { name });
    const valid = () => page.getByText('The edited document is valid.').waitFor();
    const before = await doc();

    // A policy: ID, department, role, description, at the end.
    await page.getByRole('button', { name: 'Add a policy' }).click();
    const add = dialog('Add a policy');
    // Only the vocabulary's departments and roles (and *) are offered.
    expect(await add.getByLabel('Department').locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))).toEqual(['*', 'public-security', 'natural-resources', 'market-regulation', 'health', 'education', 'housing', 'credit', 'statistics', 'data-bureau']);
    await add.getByLabel('Policy ID').fill('housing-contacts');
    await add.getByLabel('Department').selectOption('housing');
    await add.getByLabel('Role').selectOption('officer');
    await add.getByLabel('Description').fill('Housing officers call applicants back');
    await add.getByRole('button', { name: 'Apply' }).click();
    await expect_(async () => expect((await doc()).at(-1)).toEqual({ id: 'housing-contacts', dept: 'housing', role: 'officer', description: 'Housing officers call applicants back', rules: [] }));

    // A rule over listed fields, another over catalogue properties (forbid every SENSITIVE field).
    await page.getByRole('button', { name: 'Rules of housing-contacts' }).click();
    await page.getByRole('button', { name: 'Add a rule to housing-contacts' }).click();
    let rule = dialog('Add a rule to housing-contacts');
    await rule.getByRole('radio', { name: 'these fields' }).check();
    await rule.getByRole('group', { name: 'these fields' }).getByRole('checkbox', { name: 'phone', exact: true }).check();
    await rule.getByLabel('Reason').fill('Applicants are called back about their housing applications');
    await rule.getByRole('button', { name: 'Apply' }).click();
    await expect_(async () => expect((await ours())!.rules).toEqual([{ action: 'read', subject: 'Person', fields: 'phone', reason: 'Applicants are called back about their housing applications' }]));
    await valid();
    await page.getByRole('table', { name: 'Who gains or loses what with this draft' }).getByRole('row').filter({ hasText: 'Person.phone' }).filter({ hasText: 'GAINS' }).filter({ hasText: /housing/ }).waitFor();

    await page.getByRole('button', { name: 'Add a rule to housing-contacts' }).click();
    rule = dialog('Add a rule to housing-contacts');
    await rule.getByRole('radio', { name: 'forbid' }).check();
    await rule.getByRole('radio', { name: /fields with these catalogue properties/ }).check();
    await rule.getByRole('group', { name: 'Sensitivity' }).getByRole('checkbox', { name: 'SENSITIVE' }).check();
    await browser.screenshot(page, '06-rule-form');
    expect(await seriousViolations(page)).toEqual([]);
    await rule.getByRole('button', { name: 'Apply' }).click();
    await expect_(async () => expect((await ours())!.rules[1]).toEqual({ action: 'read', subject: 'Person', fieldsWith: { sensitivity: 'SENSITIVE' }, inverted: true }));

    // Rule 1 gets a row condition from the builder; the form keeps what it had.
    await page.getByRole('button', { name: 'Edit rule 1' }).click();
    rule = dialog('Rule 1 of housing-contacts');
    expect(await rule.getByRole('group', { name: 'these fields' }).getByRole('checkbox', { name: 'phone', exact: true }).isChecked()).toBe(true);
    await rule.getByRole('radio', { name: 'a new condition' }).check();
    await rule.getByRole('button', { name: 'Add a clause' }).click();
    await rule.getByLabel('Field', { exact: true }).selectOption('hukouRegionCode');
    await rule.getByLabel('Operator').selectOption('$like');
    await rule.getByLabel('Compared with').selectOption('regionPrefix');
    await rule.getByText("In words: hukouRegionCode is in the caller's own region").waitFor();
    await rule.getByRole('button', { name: 'Apply' }).click();
    await expect_(async () => expect((await ours())!.rules[0]).toEqual({ action: 'read', subject: 'Person', fields: 'phone', conditions: { hukouRegionCode: { $like: '${principal.regionPrefix}%' } }, reason: 'Applicants are called back about their housing applications' }));

    // Order: rule 2 up, then remove the rule now first.
    await page.getByRole('button', { name: 'Move rule 2 up' }).click();
    await expect_(async () => expect((await ours())!.rules.map((r) => r.inverted === true)).toEqual([true, false]));
    await page.getByRole('button', { name: 'Remove rule 1' }).click();
    await expect_(async () => expect((await ours())!.rules).toHaveLength(1));
    await expect_(async () => expect((await ours())!.rules[0]!.inverted).toBeUndefined());

    // The policy's description and place.
    await page.getByRole('button', { name: 'Edit housing-contacts' }).click();
    const policyForm = dialog('Policy housing-contacts');
    await policyForm.getByLabel('Description').fill('Housing officers call back applicants of their region');
    await policyForm.getByRole('button', { name: 'Apply' }).click();
    await expect_(async () => expect((await ours())!.description).toBe('Housing officers call back applicants of their region'));
    await page.getByRole('button', { name: 'Move housing-contacts up' }).click();
    await expect_(async () => expect((await doc()).at(-2)!.id).toBe('housing-contacts'));

    // A policy test with a caller and a record, then taken back with Undo.
    await page.getByRole('button', { name: 'Add a test' }).click();
    const test = dialog('Add a policy test');
    await test.getByLabel('Name').fill('Haikou housing officers call Haikou applicants');
    await test.getByLabel('Department').selectOption('housing');
    await test.getByRole('group', { name: 'Roles' }).getByRole('checkbox', { name: 'officer', exact: true }).check();
    await test.getByLabel('Region').fill('460100');
    await test.getByLabel('Field', { exact: true }).selectOption('phone');
    await test.getByRole('button', { name: 'Add a field value' }).click();
    await test.getByRole('group', { name: '1', exact: true }).getByLabel('Field', { exact: true }).selectOption('hukouRegionCode');
    await test.getByRole('group', { name: '1', exact: true }).getByLabel('Value').fill('460105');
    await test.getByLabel('Expected').selectOption('FULL');
    await test.getByRole('button', { name: 'Apply' }).click();
    await expect_(async () => expect((await testsDoc()).at(-1)).toEqual({ name: 'Haikou housing officers call Haikou applicants', caller: { dept: 'housing', roles: ['officer'], region: '460100', purpose: null }, type: 'Person', field: 'phone', record: { hukouRegionCode: '460105' }, expect: 'FULL' }));
    await valid();
    await page.getByRole('button', { name: 'Undo last edit' }).click();
    await expect_(async () => expect((await testsDoc()).map((t) => t.name)).not.toContain('Haikou housing officers call Haikou applicants'));
    await page.getByRole('button', { name: 'Remove Health analysts see phones masked' }).click();
    await expect_(async () => expect((await testsDoc()).map((t) => t.name)).not.toContain('Health analysts see phones masked'));

    // Removing the policy leaves the document as it began, but for the removed test.
    await page.getByRole('button', { name: 'Remove housing-contacts' }).click();
    await expect_(async () => expect(await doc()).toEqual(before));
    await valid();
    await browser.screenshot(page, '07-document-forms');
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

/** Retries an assertion until it holds (the editor answers after a round trip), failing with its last error. */
async function expect_(assertion: () => Promise<void>): Promise<void> {
  for (let i = 0; ; i += 1) {
    try {
      return await assertion();
    } catch (error) {
      if (i >= 40) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
