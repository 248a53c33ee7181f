// The choropleth: the children of one region (the province's 19 cities and counties, or a city's districts) drawn
// from the geospatial subgraph's boundaries and coloured by one indicator. A withheld value is hatched grey with
// its reason in the tooltip, outside the colour scale; a region with districts drills down on click.
import { gql } from './api.js';
import { h } from './dom.js';
import { SUPPRESSED_LINE, hatch } from './hatch.js';
import { INDICATOR_FIELDS, indicator } from './indicators.js';
import { suppressedText } from './format.js';
import { formatNumber, t } from '../shared/i18n.js';

const echarts = globalThis.echarts;

/** Sansha (the Paracel and Spratly islands) lies hundreds of kilometres south: an inset, not to scale. */
const INSET_CODE = '460300';
const SCALE = ['#e8f1fa', '#b9d3ec', '#7fb0da', '#4a88c2', '#1d5aa6', '#0f3a75'];

const LEVEL = `query DashboardMapLevel($code: ID!) {
  region(code: $code) { code name level ${INDICATOR_FIELDS} }
  regions(parentCode: $code) { code name level boundary children { code } ${INDICATOR_FIELDS} }
}`;

const levels = new Map();

/** A region and its children with boundaries and every indicator; the children's shapes are registered once. */
export async function loadLevel(code) {
  if (levels.has(code)) return levels.get(code);
  const data = await gql(LEVEL, { code });
  const children = data.regions;
  const feature = (r) => ({ type: 'Feature', properties: { code: r.code, name: r.name }, geometry: r.boundary });
  // In the inset, Sansha is its seat's island only: its islands lie 800 km apart and would be dots.
  const insetFeature = (r) => ({ ...feature(r), geometry: r.boundary.type === 'MultiPolygon' ? { type: 'Polygon', coordinates: r.boundary.coordinates[0] } : r.boundary });
  const main = children.filter((r) => code !== '460000' || r.code !== INSET_CODE);
  const inset = children.filter((r) => code === '460000' && r.code === INSET_CODE);
  echarts.registerMap(`hdg-${code}`, { type: 'FeatureCollection', features: main.map(feature) });
  if (inset.length > 0) echarts.registerMap(`hdg-${code}-inset`, { type: 'FeatureCollection', features: inset.map(insetFeature) });
  const level = { region: data.region, children, main, inset };
  levels.set(code, level);
  return level;
}

/** Forget loaded values (a reload after a change of account); shapes stay registered. */
export function clearLevels() {
  levels.clear();
}

function items(regions, field, selectedCode) {
  return regions.map((r) => {
    const v = r[field];
    const selected = r.code === selectedCode ? { borderColor: '#f0a500', borderWidth: 3 } : {};
    if (!v || v.suppressed || v.value === null) {
      return { name: r.code, value: NaN, suppressed: true, suppression: v?.suppression ?? null, itemStyle: { areaColor: hatch(), ...selected } };
    }
    return { name: r.code, value: v.value, itemStyle: selected };
  });
}

function tooltip(level, field) {
  const ind = indicator(field);
  const byCode = new Map(level.children.map((r) => [r.code, r]));
  return (p) => {
    const r = byCode.get(p.name);
    if (!r) return '';
    const v = r[field];
    const withheld = !v || v.suppressed || v.value === null;
    return h(
      'div',
      { class: 'tip' },
      h('div', { class: 'tip-title' }, r.name, h('span', { class: 'tip-code' }, r.code)),
      h('div', { class: 'tip-label' }, ind.label),
      withheld ? h('div', { class: 'tip-value suppressed-text' }, suppressedText(v?.suppression)) : h('div', { class: 'tip-value' }, ind.format(v.value)),
      r.children.length > 0 ? h('div', { class: 'tip-hint' }, t('dash.map.drillHint', { count: r.children.length, n: formatNumber(r.children.length) })) : null,
    );
  };
}

/** The option drawing `level` by indicator `field`, the region `selectedCode` outlined. */
export function mapOption(level, field, selectedCode) {
  const ind = indicator(field);
  const values = level.children.map((r) => r[field]).filter((v) => v && !v.suppressed && v.value !== null).map((v) => v.value);
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  const base = {
    type: 'map',
    nameProperty: 'code',
    roam: false,
    selectedMode: false,
    // Equirectangular shapes at about 19°N: shrink longitudes by cos(latitude).
    aspectScale: 0.94,
    label: { show: true, fontSize: 11, color: '#1d2733', textBorderColor: 'rgba(255,255,255,.85)', textBorderWidth: 2, formatter: (p) => level.children.find((r) => r.code === p.name)?.name ?? p.name },
    itemStyle: { borderColor: '#ffffff', borderWidth: 1, areaColor: '#eef1f4' },
    emphasis: { label: { show: true, color: '#000' }, itemStyle: { areaColor: '#f6d58a', borderColor: '#7a5600', borderWidth: 1.5 } },
  };
  const series = [{ ...base, id: 'regions', name: ind.label, map: `hdg-${level.region.code}`, layoutCenter: level.inset.length ? ['46%', '50%'] : ['50%', '50%'], layoutSize: '92%', data: items(level.main, field, selectedCode) }];
  if (level.inset.length) {
    series.push({ ...base, id: 'inset', name: ind.label, map: `hdg-${level.region.code}-inset`, right: 34, bottom: 26, width: 64, height: 56, label: { ...base.label, show: false }, data: items(level.inset, field, selectedCode) });
  }
  // The inset's frame and caption.
  const graphic = level.inset.length
    ? [
        { type: 'rect', right: 16, bottom: 12, shape: { width: 100, height: 100 }, style: { fill: 'rgba(255,255,255,0)', stroke: '#aab4c1', lineWidth: 1 }, silent: true },
        { type: 'text', right: 24, bottom: 92, style: { text: t('dash.map.insetCaption', { name: level.inset[0].name }), fill: '#5b6775', font: '11px system-ui, sans-serif' }, silent: true },
      ]
    : [];
  return {
    animation: false,
    tooltip: { trigger: 'item', confine: true, className: 'hdg-tooltip', formatter: tooltip(level, field) },
    graphic,
    visualMap: {
      type: 'continuous',
      // Every value withheld: no scale to show.
      show: values.length > 0,
      seriesIndex: series.map((_, i) => i),
      min,
      max: max === min ? min + 1 : max,
      left: 8,
      bottom: 8,
      itemHeight: 110,
      calculable: false,
      precision: 2,
      text: [ind.format(max), ind.format(min)],
      textStyle: { color: '#5b6775', fontSize: 11 },
      inRange: { color: SCALE },
      // A withheld value is NaN: outside every range, so never a colour of the scale.
      outOfRange: { color: SUPPRESSED_LINE },
    },
    series,
  };
}

/** Draws into `el` (SVG renderer: the test and screen readers can read paths and labels). */
export function createMap(el, { onRegion }) {
  const chart = echarts.init(el, null, { renderer: 'svg' });
  let current;
  chart.on('click', (p) => {
    if (p.componentType !== 'series' || !current) return;
    const r = current.children.find((c) => c.code === p.name);
    if (r) onRegion(r);
  });
  // A map laid out at zero width has no projection (ECharts throws): wait for a real size.
  new ResizeObserver(() => el.clientWidth > 0 && el.clientHeight > 0 && chart.resize()).observe(el);
  return {
    chart,
    render(level, field, selectedCode) {
      current = level;
      chart.setOption(mapOption(level, field, selectedCode), { notMerge: true });
    },
  };
}
