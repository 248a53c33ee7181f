// Distributions and trends from the domains' StatisticsTables. A chart reads the published cells as they are (no
// sums: totals come from the table), draws a withheld cell as a gap covered by a hatched band saying "suppressed",
// never as 0, and keeps the table beside it for screen readers and for checking.
import { gql } from './api.js';
import { dataTable, h } from './dom.js';
import { SUPPRESSED_LINE, hatch } from './hatch.js';
import { asOf, formats, suppressedMarker, suppressedText } from './format.js';
import { formatDate, label, t } from '../shared/i18n.js';
import { errorNode, errorsOf } from '../shared/errors.js';

const echarts = globalThis.echarts;

const AGE_BANDS = ['0-5', '6-14', '15-24', '25-34', '35-44', '45-54', '55-64', '65-79', '80+'];
const RATINGS = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'C'];
/** GB/T 4754-2017 sections: the catalogue's `dash.industry.<section>` messages. */
const SECTIONS = 'dash.industry';
/** Series in this order, each with its message key. */
const GENDERS = { FEMALE: 'dash.gender.FEMALE', MALE: 'dash.gender.MALE' };
const KINDS = { ENTERPRISE: 'dash.subjectKind.ENTERPRISE', PERSON: 'dash.subjectKind.PERSON' };
/** Short month names in the active language ("Jan", "1月"). */
const monthName = (i) => formatDate(new Date(2000, i, 1), { month: 'short' });

/**
 * Each chart: the statistic and its dimensions; `year` says how the year filter applies (a dimension to filter on,
 * or, for trends, the month dimension to show within the chosen year).
 */
export const CHARTS = [
  { id: 'age-gender', get title() { return t('dash.chart.ageGender.title'); }, statistic: 'populationStatistics', dimension: 'PopulationDimension', category: 'AGE_BAND', series: 'GENDER', order: AGE_BANDS, seriesLabels: GENDERS, kind: 'bar', get scope() { return t('dash.chart.ageGender.scope'); } },
  { id: 'industry', get title() { return t('dash.chart.industry.title'); }, statistic: 'enterpriseStatistics', dimension: 'EnterpriseDimension', category: 'INDUSTRY_SECTION', labels: SECTIONS, kind: 'hbar', yearFilter: 'ESTABLISHED_YEAR', get scope() { return t('dash.chart.industry.scope'); } },
  { id: 'credit', get title() { return t('dash.chart.credit.title'); }, statistic: 'creditStatistics', dimension: 'CreditDimension', category: 'RATING', series: 'SUBJECT_KIND', order: RATINGS, seriesLabels: KINDS, kind: 'bar', get scope() { return t('dash.chart.credit.scope'); } },
  { id: 'births', get title() { return t('dash.chart.births.title'); }, statistic: 'populationStatistics', dimension: 'PopulationDimension', category: 'BIRTH_YEAR', from: '1950', month: 'BIRTH_MONTH', yearFilter: 'BIRTH_YEAR', kind: 'line', get scope() { return t('dash.chart.births.scope'); } },
  { id: 'registrations', get title() { return t('dash.chart.registrations.title'); }, statistic: 'enterpriseStatistics', dimension: 'EnterpriseDimension', category: 'ESTABLISHED_YEAR', from: '1990', month: 'ESTABLISHED_MONTH', yearFilter: 'ESTABLISHED_YEAR', kind: 'line', get scope() { return t('dash.chart.registrations.scope'); } },
  { id: 'transfers', get title() { return t('dash.chart.transfers.title'); }, statistic: 'housingTransferStatistics', dimension: 'HousingTransferDimension', category: 'YEAR', from: '1995', month: 'MONTH', yearFilter: 'YEAR', kind: 'line', get scope() { return t('dash.chart.transfers.scope'); } },
];

const PALETTE = ['#1d5aa6', '#d9822b', '#2f8f5b', '#8e44ad'];

/** The query of one chart for a region filter ([{ dimension, value }]) and a year (or null). */
export function chartRequest(def, regionFilter, year) {
  const monthly = Boolean(year && def.month);
  const category = monthly ? def.month : def.category;
  const groupBy = def.series ? [category, def.series] : [category];
  const filter = [...regionFilter];
  if (year && def.yearFilter) filter.push({ dimension: def.yearFilter, value: String(year) });
  const query = `query DashboardChart($groupBy: [${def.dimension}!]!, $filter: [${def.dimension.replace(/Dimension$/, 'StatisticsFilter')}!]) {
    table: ${def.statistic}(groupBy: $groupBy, filter: $filter) { dimensions k asOf cells { keys value suppressed suppression } } }`;
  return { query, variables: { groupBy, filter }, monthly, category };
}

/** Categories × series of a table, without its totals; each cell { value | null, suppressed, suppression }. */
export function tableModel(def, table, monthly) {
  const two = table.dimensions.length === 2;
  const cells = table.cells.filter((c) => c.keys[0] !== null && (!two || c.keys[1] !== null));
  let categories = [...new Set(cells.map((c) => c.keys[0]))];
  if (def.order && !monthly) categories = def.order.filter((c) => categories.includes(c)).concat(categories.filter((c) => !def.order.includes(c)));
  else categories.sort();
  if (def.from && !monthly) categories = categories.filter((c) => c >= def.from);
  if (def.kind === 'line' && categories.length > 1) categories = fillRange(categories, monthly);
  const seriesKeys = two ? Object.keys(def.seriesLabels ?? {}).filter((s) => cells.some((c) => c.keys[1] === s)) : [null];
  const byKey = new Map(cells.map((c) => [`${c.keys[0]}|${two ? c.keys[1] : ''}`, c]));
  const series = seriesKeys.map((s) => ({
    key: s,
    label: s === null ? def.title : def.seriesLabels[s] ? t(def.seriesLabels[s]) : s,
    // A combination absent from the table is an empty cell: published as 0 by the API, so 0 here too.
    cells: categories.map((c) => byKey.get(`${c}|${s ?? ''}`) ?? { value: 0, suppressed: false, suppression: null }),
  }));
  const total = table.cells.find((c) => c.keys.every((k) => k === null));
  return { categories, series, k: table.k, asOf: table.asOf, total };
}

/** Years (or months) without a row are empty: the line shows 0 there, not a gap. */
function fillRange(categories, monthly) {
  if (monthly) return Array.from({ length: 12 }, (_, i) => `${categories[0].slice(0, 4)}-${String(i + 1).padStart(2, '0')}`);
  const out = [];
  for (let y = Number(categories[0]); y <= Number(categories[categories.length - 1]); y += 1) out.push(String(y));
  return out;
}

function categoryLabel(def, c, monthly) {
  if (monthly) return Number(c.slice(5, 7)) >= 1 ? monthName(Number(c.slice(5, 7)) - 1) : c;
  return def.labels ? label(def.labels, c) : c;
}

/** Draws the suppressed cells: a hatched band over the cell's slot, the full height of the plot, with a label. */
function suppressedSeries(model, horizontal) {
  const n = model.series.length;
  const data = [];
  model.series.forEach((s, si) => s.cells.forEach((c, ci) => c.suppressed && data.push([ci, si])));
  return {
    id: 'suppressed',
    name: suppressedMarker(),
    type: 'custom',
    silent: true,
    z: 1,
    data,
    encode: horizontal ? { y: 0 } : { x: 0 },
    renderItem(params, api) {
      const ci = api.value(0);
      const si = api.value(1);
      const sys = params.coordSys;
      const band = horizontal ? api.size([0, 1])[1] : api.size([1, 0])[0];
      const center = horizontal ? api.coord([0, ci])[1] : api.coord([ci, 0])[0];
      // Bars of n series share 80% of the band, 30% of a bar apart (ECharts' defaults); one series: its bar.
      const usable = band * 0.8;
      const w = n === 1 ? usable : usable / (n + (n - 1) * 0.3);
      const start = center - usable / 2 + si * w * 1.3;
      const rect = horizontal ? { x: sys.x, y: start, width: sys.width, height: w } : { x: start, y: sys.y, width: w, height: sys.height };
      const wide = w >= (model.series.length === 1 && !horizontal ? 16 : 11);
      return {
        type: 'group',
        children: [
          { type: 'rect', shape: rect, style: { fill: hatch(), stroke: SUPPRESSED_LINE, lineWidth: 0.5, opacity: 0.9 } },
          wide
            ? {
                type: 'text',
                x: horizontal ? rect.x + 6 : rect.x + rect.width / 2,
                y: horizontal ? rect.y + rect.height / 2 : rect.y + rect.height - 6,
                // Turned a quarter counter-clockwise, the text reads upwards from the foot of the band.
                rotation: horizontal ? 0 : Math.PI / 2,
                style: { text: suppressedMarker(), fill: '#3d4753', font: '600 10px system-ui, sans-serif', align: 'left', verticalAlign: 'middle', backgroundColor: 'rgba(255,255,255,.8)', padding: [1, 3] },
              }
            : null,
        ].filter(Boolean),
      };
    },
  };
}

function tooltipFor(def, model, monthly) {
  return (params) => {
    const list = Array.isArray(params) ? params : [params];
    const ci = list[0]?.dataIndex;
    if (ci === undefined) return '';
    const c = model.categories[ci];
    return h(
      'div',
      { class: 'tip' },
      h('div', { class: 'tip-title' }, categoryLabel(def, c, monthly), def.labels ? h('span', { class: 'tip-code' }, c) : null),
      model.series.map((s, si) => {
        const cell = s.cells[ci];
        return h(
          'div',
          { class: 'tip-row' },
          h('span', { class: `tip-swatch tip-swatch-${si}` }),
          model.series.length > 1 ? h('span', { class: 'tip-series' }, t('dash.tooltip.series', { series: s.label })) : '',
          cell.suppressed ? h('span', { class: 'suppressed-text' }, suppressedText(cell.suppression, model.k)) : h('strong', {}, formats.integer(cell.value)),
        );
      }),
    );
  };
}

/** The ECharts option of a chart. */
export function chartOption(def, model, monthly, year) {
  const horizontal = def.kind === 'hbar';
  const categoryAxis = { type: 'category', data: model.categories.map((c) => categoryLabel(def, c, monthly)), axisTick: { alignWithLabel: true }, axisLabel: { color: '#3d4753', fontSize: 11, hideOverlap: true }, axisLine: { lineStyle: { color: '#aab4c1' } } };
  if (horizontal) Object.assign(categoryAxis, { inverse: true });
  const valueAxis = { type: 'value', minInterval: 1, axisLabel: { color: '#5b6775', fontSize: 11 }, splitLine: { lineStyle: { color: '#e6eaef' } } };
  const series = model.series.map((s, si) => ({
    id: `s${si}`,
    name: s.label,
    type: def.kind === 'line' ? 'line' : 'bar',
    z: 2,
    connectNulls: false,
    symbolSize: 5,
    showSymbol: model.categories.length <= 40,
    barMaxWidth: 28,
    itemStyle: { color: PALETTE[si] },
    lineStyle: { width: 2 },
    // '-' is ECharts' empty value: a gap, never 0.
    data: s.cells.map((c) => (c.suppressed ? '-' : c.value)),
    markLine: year && !monthly && def.kind === 'line' ? { silent: true, symbol: 'none', label: { formatter: String(year), color: '#7a5600' }, lineStyle: { color: '#f0a500', type: 'dashed' }, data: [{ xAxis: model.categories.indexOf(String(year)) }] } : undefined,
  }));
  const hasSuppressed = model.series.some((s) => s.cells.some((c) => c.suppressed));
  if (hasSuppressed) series.push(suppressedSeries(model, horizontal));
  const legend = model.series.length > 1 || hasSuppressed;
  return {
    animation: false,
    color: PALETTE,
    grid: { left: horizontal ? 8 : 12, right: 16, top: legend ? 34 : 14, bottom: 8, containLabel: true },
    legend: legend ? { top: 0, right: 0, itemWidth: 14, itemHeight: 10, textStyle: { color: '#3d4753', fontSize: 11 }, data: [...model.series.map((s) => s.label), ...(hasSuppressed ? [{ name: suppressedMarker(), icon: 'rect', itemStyle: { color: hatch(), borderColor: SUPPRESSED_LINE, borderWidth: 0.5 } }] : [])] } : undefined,
    tooltip: { trigger: 'axis', confine: true, className: 'hdg-tooltip', axisPointer: { type: horizontal ? 'shadow' : 'line' }, formatter: tooltipFor(def, model, monthly) },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series,
  };
}

/** The card of a chart: title, scope, the chart, and its data as a table. */
export function createChart(def) {
  const plot = h('div', { class: 'plot', role: 'img', 'aria-label': def.title, 'data-chart': def.id });
  const subtitle = h('p', { class: 'card-sub' });
  const details = h('details', { class: 'data' });
  const card = h('section', { class: `card chart chart-${def.kind}`, 'aria-label': def.title }, h('h2', {}, def.title), subtitle, plot, details);
  // Made on the first load, once the card is in the page: ECharts measures its element when it starts.
  let chart;
  return {
    def,
    card,
    get chart() {
      return chart;
    },
    async load(regionFilter, regionName, year) {
      if (!chart) {
        chart = echarts.init(plot, null, { renderer: 'svg' });
        new ResizeObserver(() => plot.clientWidth > 0 && plot.clientHeight > 0 && chart.resize()).observe(plot);
      }
      card.classList.add('loading');
      const { query, variables, monthly } = chartRequest(def, regionFilter, year);
      try {
        const { table } = await gql(query, variables);
        const model = tableModel(def, table, monthly);
        chart.setOption(chartOption(def, model, monthly, year), { notMerge: true });
        const params = { region: regionName, scope: def.scope, year, k: model.k, asOf: asOf(model.asOf) };
        subtitle.replaceChildren(monthly ? t('dash.chart.subtitle.monthly', params) : def.kind === 'line' ? t('dash.chart.subtitle.yearly', params) : t('dash.chart.subtitle', params));
        details.replaceChildren(h('summary', {}, t('dash.dataTable')), dataTable(t('dash.chart.tableCaption', { title: def.title, region: regionName }), [monthly ? t('dash.month') : t('dash.category'), ...model.series.map((s) => s.label)], model.categories.map((c, ci) => [categoryLabel(def, c, monthly), ...model.series.map((s) => cellText(s.cells[ci], model.k))])));
        card.classList.remove('failed');
      } catch (error) {
        chart.clear();
        card.classList.add('failed');
        subtitle.replaceChildren(...errorsOf(error).map(errorNode));
        details.replaceChildren();
      } finally {
        card.classList.remove('loading');
      }
    },
  };
}

/** A cell in a data table: its number, or the word "suppressed" with the reason in its title. */
export function cellText(cell, k) {
  if (cell.suppressed) return h('span', { class: 'suppressed-cell', title: suppressedText(cell.suppression, k) }, suppressedMarker());
  return formats.integer(cell.value);
}
