/**
 * The statistics dashboard end to end, in Debian's chromium against the whole platform (3,000 persons: enough for
 * published cells, few enough for withheld ones): a statistics-bureau dashboard account signs in through
 * development sign-in, the map of the 19 cities and counties and the charts render with the API's numbers, a
 * withheld cell (found through the API first) shows as "suppressed" and never as a number, a click on Haikou drills
 * down to its districts, and the year filter reloads the trends by month. The page runs under its strict CSP
 * without a single violation. It opens in Chinese, switches to English and back, and has no serious or critical axe
 * violation in either language. The flows above run in English (`?lang=en`). Screenshots go to test-artifacts/dashboard/.
 */
import type { Page } from 'playwright-core';
import { refreshStatistics } from '../../subgraphs/kit/statistics';
import { launchChromium, type Browser } from '../support/browser';
import { startPlatform, type Platform } from '../support/platform';
import { seriousViolations } from '../support/axe';

interface Indicator {
  value: number | null;
  suppressed: boolean;
  suppression: string | null;
}
interface RegionRow {
  code: string;
  name: string;
  residents: Indicator;
}
interface MapItem {
  name: string;
  value: number | null;
  suppressed?: boolean;
  itemStyle?: { areaColor?: unknown };
}

const DASHBOARD = { sub: 'stats-bureau', dept: 'statistics', roles: ['dashboard'], region: '460000' };
const HAIKOU = '460100';

let platform: Platform;
let browser: Browser;
let page: Page;
let base: string;
const pageErrors: string[] = [];
let cities: RegionRow[];
let haikou: { name: string; seat: { coordinates: [number, number] }; children: { code: string }[] };
let withheldSections: string[];

beforeAll(async () => {
  browser = await launchChromium('dashboard');
  platform = await startPlatform('dashboard-e2e', { persons: 3000 });
  // Rollups are built in the background at start; wait, so that every request below reads the same numbers.
  await Promise.all(Object.values(platform.subgraphs).map((s) => refreshStatistics(s.db.orm.em)));
  base = `http://127.0.0.1:${platform.gateway.port}`;
  // What the page must show, from the API first.
  const headers = await platform.as(DASHBOARD);
  const res = await platform.query(
    `{ regions(parentCode: "460000") { code name residents { value suppressed suppression } }
       haikou: region(code: "${HAIKOU}") { name seat children { code } }
       industries: enterpriseStatistics(groupBy: [INDUSTRY_SECTION]) { cells { keys value suppressed } } }`,
    undefined,
    headers,
  );
  expect(res.errors).toBeUndefined();
  cities = res.data.regions;
  haikou = res.data.haikou;
  withheldSections = res.data.industries.cells.filter((c: { keys: (string | null)[]; suppressed: boolean }) => c.suppressed && c.keys[0] !== null).map((c: { keys: string[] }) => c.keys[0]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

/** The ECharts option of the chart drawn in the element matching `selector`. */
const optionOf = <T = any>(selector: string): Promise<T> =>
  page.evaluate((sel) => {
    const chart = (globalThis as any).echarts.getInstanceByDom(document.querySelector(sel));
    return JSON.parse(JSON.stringify(chart.getOption(), (_k, v) => (v instanceof HTMLCanvasElement ? 'pattern' : typeof v === 'number' && Number.isNaN(v) ? 'NaN' : v)));
  }, selector);

const mapItems = async (): Promise<MapItem[]> => (await optionOf<{ series: { data: MapItem[] }[] }>('#map')).series.flatMap((s) => s.data);

describe('the statistics dashboard', () => {
  it('signs a dashboard account in through development sign-in', async () => {
    page = await browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.addInitScript(() => {
      (globalThis as any).cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => (globalThis as any).cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
    });
    await page.goto(`${base}/dashboard?lang=en`);
    await page.getByRole('button', { name: 'Sign in (development)' }).waitFor();
    await browser.screenshot(page, '01-sign-in');
    await page.getByLabel('Subject (sub)').fill('stats-bureau');
    await page.getByLabel('Area').selectOption('460000');
    await page.getByRole('button', { name: 'Sign in (development)' }).click();
    await page.locator('body[data-ready="true"]').waitFor();
    await page.locator('#session', { hasText: 'stats-bureau' }).waitFor();
  });

  it('draws the 19 cities and counties from their boundaries, coloured by the API’s values', async () => {
    const items = await mapItems();
    expect(items.map((i) => i.name).sort()).toEqual(cities.map((c) => c.code).sort());
    for (const city of cities) {
      const item = items.find((i) => i.name === city.code)!;
      if (city.residents.suppressed) expect(item).toMatchObject({ value: 'NaN', suppressed: true });
      else expect(item.value).toBe(city.residents.value);
    }
    expect(cities.filter((c) => !c.residents.suppressed).length).toBeGreaterThan(0);
    // Rendered as SVG: a path per region (and more), every region's name as a label.
    expect(await page.locator('#map svg path').count()).toBeGreaterThanOrEqual(19);
    const labels = await page.locator('#map svg text').allTextContents();
    for (const city of cities.filter((c) => c.code !== '460300')) expect(labels).toContain(city.name);
    await page.locator('#region-panel .kpi.current', { hasText: 'Residents' }).waitFor();
    await browser.screenshot(page, '02-map-province');
  });

  it('shows a withheld region as suppressed, hatched and outside the colour scale, never as a number', async () => {
    const withheld = cities.find((c) => c.residents.suppressed && c.code !== '460300');
    expect(withheld).toBeDefined();
    const item = (await mapItems()).find((i) => i.name === withheld!.code)!;
    expect(item.itemStyle?.areaColor).toMatchObject({ image: 'pattern', repeat: 'repeat' });
    await page.evaluate((code) => (globalThis as any).echarts.getInstanceByDom(document.getElementById('map')).dispatchAction({ type: 'showTip', seriesIndex: 0, name: code }), withheld!.code);
    const tip = page.locator('.hdg-tooltip', { hasText: withheld!.name });
    await tip.waitFor();
    const value = (await tip.locator('.tip-value').textContent())!;
    expect(value).toMatch(/^suppressed \(/);
    expect(value).not.toMatch(/\d(?! units)/);
    await browser.screenshot(page, '03-suppressed-tooltip');
    // The same in the map's data table.
    await page.locator('#map-data summary').click();
    const row = page.locator('#map-data tr', { hasText: withheld!.code });
    await expect(row.locator('td').textContent()).resolves.toBe('suppressed');
    await page.locator('#map-data summary').click();
  });

  it('renders the distributions and trends with data, a withheld cell as a hatched gap marked "suppressed"', async () => {
    for (const id of ['age-gender', 'industry', 'credit', 'births', 'registrations', 'transfers']) {
      const option = await optionOf<{ series: { type: string; data: unknown[] }[] }>(`[data-chart="${id}"]`);
      const values = option.series.filter((s) => s.type !== 'custom').flatMap((s) => s.data).filter((v): v is number => typeof v === 'number');
      expect([id, values.some((v) => v > 0)]).toEqual([id, true]);
    }
    // Enterprises by industry: the API withholds some sections for the province (found first, in beforeAll).
    expect(withheldSections.length).toBeGreaterThan(0);
    const industry = await optionOf<{ series: { id: string; data: unknown[] }[] }>('[data-chart="industry"]');
    const bars = industry.series.find((s) => s.id === 's0')!.data;
    const marks = (industry.series.find((s) => s.id === 'suppressed')!.data as [number, number][]).map(([ci]) => ci);
    expect(marks.length).toBe(withheldSections.length);
    for (const ci of marks) expect(bars[ci]).toBe('-');
    const card = page.locator('section.chart', { hasText: 'Enterprises by industry' });
    // One label per withheld bar, and the legend's entry.
    await expect(card.locator('svg text', { hasText: /^suppressed$/ }).count()).resolves.toBe(marks.length + 1);
    await card.locator('summary', { hasText: 'Data table' }).click();
    const cells = await card.locator('tbody td').allTextContents();
    for (const ci of marks) expect(cells[ci]).toBe('suppressed');
    expect(cells.filter((v) => /^\d/.test(v)).length).toBe(cells.length - marks.length);
    await card.locator('.card-sub').waitFor();
    await card.scrollIntoViewIfNeeded();
    await browser.screenshot(page, '04-charts');
    await card.locator('summary', { hasText: 'Data table' }).click();
  });

  it('drills down into Haikou’s districts on a click, with a way back', async () => {
    const [lon, lat] = haikou.seat.coordinates;
    const point = await page.evaluate(([x, y]) => (globalThis as any).echarts.getInstanceByDom(document.getElementById('map')).convertToPixel({ seriesId: 'regions' }, [x, y]), [lon, lat]);
    await page.locator('#map').scrollIntoViewIfNeeded();
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.click(box.x + point[0], box.y + point[1]);
    await page.locator('#breadcrumb [aria-current="true"]', { hasText: haikou.name }).waitFor();
    await expect(page.locator('#filter-region').inputValue()).resolves.toBe(HAIKOU);
    const items = await mapItems();
    expect(items.map((i) => i.name).sort()).toEqual(haikou.children.map((c) => c.code).sort());
    await page.locator('section.chart .card-sub', { hasText: haikou.name }).first().waitFor();
    await browser.screenshot(page, '05-drill-down-haikou');
    await page.locator('#breadcrumb button', { hasText: '海南省' }).click();
    await page.locator('#breadcrumb [aria-current="true"]', { hasText: '海南省' }).waitFor();
    expect((await mapItems()).length).toBe(19);
  });

  it('reloads the trends by month of the chosen year', async () => {
    await page.getByLabel('Year').selectOption('2020');
    const births = page.locator('section.chart', { hasText: 'Births' });
    await births.locator('.card-sub', { hasText: 'by month of 2020' }).waitFor();
    const option = await optionOf<{ xAxis: { data: string[] }[] }>('[data-chart="births"]');
    expect(option.xAxis[0]!.data).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
    await browser.screenshot(page, '06-year-2020');
  });

  it('opens in Chinese by default, switches to English and back, with no serious accessibility violation', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.evaluate(() => localStorage.removeItem('hdg.lang'));
    await page.goto(`${base}/dashboard`);
    await page.locator('body[data-ready="true"]').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.title()).toBe('统计决策看板 · 海南省政务数据图谱');
    await page.locator('section.chart h2', { hasText: '按行业划分的企业' }).waitFor();
    await page.locator('#map-title', { hasText: '户籍人口（在世）' }).waitFor();
    await page.getByRole('search', { name: '筛选条件' }).getByLabel('年份').waitFor();
    await page.locator('#session', { hasText: '统计局' }).waitFor();
    // Numbers with the locale's grouping: the province's residents as zh-CN writes them.
    const province = await platform.query('{ region(code: "460000") { residents { value suppressed } } }', undefined, await platform.as(DASHBOARD));
    const residents = province.data.region.residents;
    if (!residents.suppressed) await page.locator('#region-panel .kpi.current .kpi-value', { hasText: new Intl.NumberFormat('zh-CN').format(residents.value) }).waitFor();
    // A withheld industry reads 不予公布 in the chart and its table.
    if (withheldSections.length > 0) await expect(page.locator('section.chart[aria-label="按行业划分的企业"] svg text', { hasText: /^不予公布$/ }).count()).resolves.toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await browser.screenshot(page, '07-chinese');

    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    await page.locator('section.chart h2', { hasText: 'Enterprises by industry' }).waitFor();
    await page.locator('body[data-ready="true"]').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.locator('#map-title', { hasText: 'Residents (hukou, living)' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('hdg.lang'))).toBe('en');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await page.locator('section.chart h2', { hasText: '出生人口' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.reload();
    await page.locator('body[data-ready="true"]').waitFor();
    await page.locator('footer', { hasText: '披露控制' }).waitFor();
    // The sign-in page in Chinese, then back to the signed-in dashboard.
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('heading', { name: '登录统计决策看板' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('统计范围').selectOption('460000');
    await page.getByRole('button', { name: '登录（开发模式）' }).click();
    await page.locator('#session', { hasText: '统计局 · 决策看板' }).waitFor();
    await page.locator('body[data-ready="true"]').waitFor();
  });

  it('ran without a script error or a CSP violation', async () => {
    expect(pageErrors).toEqual([]);
    expect(await page.evaluate(() => (globalThis as any).cspViolations)).toEqual([]);
  });
});
