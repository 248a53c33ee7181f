// The statistics dashboard: sign-in, the filters (region, year, map indicator), the choropleth with drill-down, the
// selected region's indicators, and the charts. Everything is read through the public /graphql as the signed-in
// dashboard account; what the API withholds is shown as withheld.
import { ApiError, devSignIn, devSignInAvailable, gql, session } from './api.js';
import { CHARTS, createChart } from './charts.js';
import { dataTable, field, h } from './dom.js';
import { asOf, formats, suppressedMarker, suppressedText } from './format.js';
import { INDICATORS, indicator } from './indicators.js';
import { clearLevels, createMap, loadLevel } from './map.js';
import { backlogCard, loadBacklog } from './backlog.js';
import { applyDocument, formatDate, label, languageSwitch, onLocaleChange, t } from '../shared/i18n.js';
import { errorNode, errorsOf } from '../shared/errors.js';

const $ = (id) => document.getElementById(id);
const REGIONS = '{ regions { code name level parent { code } } }';

/** code -> { code, name, level, parent, children: [codes] }, from the open region list. */
let tree = new Map();
const state = { region: null, year: null, indicator: INDICATORS[0].field, root: null };
let map;
let charts = [];
let mapLevel;

function showError(error) {
  const errors = errorsOf(error);
  $('alert').replaceChildren(
    h('strong', {}, error instanceof ApiError ? t('common.apiRefused') : t('common.problem')),
    ' ',
    errors.map(errorNode),
    h('button', { type: 'button', class: 'link dismiss', onclick: () => ($('alert').hidden = true) }, t('common.dismiss')),
  );
  $('alert').hidden = false;
}

async function loadTree() {
  const { regions } = await gql(REGIONS);
  tree = new Map(regions.map((r) => [r.code, { ...r, parent: r.parent?.code ?? null, children: [] }]));
  for (const r of tree.values()) if (r.parent && tree.has(r.parent)) tree.get(r.parent).children.push(r.code);
}

const ancestry = (code) => {
  const chain = [];
  for (let r = tree.get(code); r; r = tree.get(r.parent)) chain.unshift(r);
  return chain;
};
const within = (code, root) => ancestry(code).some((r) => r.code === root);

/** The statistics filter selecting a region: a city or county-level unit by CITY, a district by COUNTY. */
function regionFilter(code) {
  const r = tree.get(code);
  if (!r || r.level === 'PROVINCE') return [];
  return [{ dimension: r.level === 'DISTRICT' ? 'COUNTY' : 'CITY', value: code }];
}

// ---- sign-in ----

function renderSession() {
  const claims = session.claims();
  const el = $('session');
  if (!claims) return el.replaceChildren(h('span', { class: 'muted' }, t('common.notSignedIn')));
  const area = tree.get(claims.region);
  el.replaceChildren(
    h('span', {}, h('strong', {}, claims.sub), ' · ', label('dept', claims.dept), ' · ', (claims.roles ?? []).map((r) => label('role', r)).join(t('common.listSeparator'))),
    h('span', { class: 'muted' }, area ? t('dash.session.area', { area: `${area.name} ${area.code}` }) : claims.region ? t('dash.session.area', { area: claims.region }) : t('dash.session.noArea')),
    claims.exp ? h('span', { class: 'muted' }, t('common.until', { time: formatDate(claims.exp * 1000, { hour: '2-digit', minute: '2-digit' }) })) : null,
    h('button', { type: 'button', class: 'secondary small', onclick: signOut }, t('common.signOut')),
  );
}

function signOut() {
  session.clear();
  clearLevels();
  renderSession();
  renderSignIn();
}

async function renderSignIn() {
  const main = $('main');
  const dev = await devSignInAvailable();
  const areas = [...tree.values()].filter((r) => r.level === 'PROVINCE' || r.parent === '460000');
  const sub = h('input', { value: 'stats-dashboard', autocomplete: 'off' });
  const area = h('select', {}, areas.map((r) => h('option', { value: r.code }, `${r.name} ${r.code}`)));
  const pasted = h('textarea', { rows: 4, class: 'mono', placeholder: 'eyJhbGciOi…' });
  const go = async (button, fn) => {
    button.disabled = true;
    try {
      await fn();
      $('alert').hidden = true;
      await start();
    } catch (error) {
      showError(error);
    } finally {
      button.disabled = false;
    }
  };
  const devButton = h('button', { type: 'button', class: 'primary', onclick: (e) => go(e.currentTarget, () => devSignIn(sub.value.trim(), area.value)) }, t('common.devSignIn'));
  const tokenButton = h('button', { type: 'button', class: 'secondary', onclick: (e) => go(e.currentTarget, async () => {
    if (!pasted.value.trim()) throw new Error(t('common.pasteTokenFirst'));
    session.set(pasted.value);
  }) }, t('common.useToken'));
  main.replaceChildren(
    h('div', { class: 'signin' },
      h('section', { class: 'card', 'aria-labelledby': 'signin-title' },
        h('h1', { id: 'signin-title' }, t('dash.signin.title')),
        h('p', { class: 'muted' }, t('dash.signin.intro')),
        dev
          ? h('div', { class: 'signin-dev' }, h('h2', {}, t('common.devSignInTitle')), h('div', { class: 'row' }, field(t('common.subject'), sub), field(t('dash.signin.area'), area)), h('p', { class: 'hint' }, t('dash.signin.devHint')), devButton)
          : null,
        h('div', { class: 'signin-token' }, h('h2', {}, t('dash.signin.token')), field(t('dash.signin.tokenLabel'), pasted), tokenButton),
      ),
    ),
  );
}

// ---- the dashboard ----

function toolbar() {
  const root = tree.get(state.root);
  const regions = [...tree.values()].filter((r) => within(r.code, state.root)).sort((a, b) => a.code.localeCompare(b.code));
  const regionSelect = h('select', { id: 'filter-region', onchange: (e) => selectRegion(e.target.value) }, regions.map((r) => h('option', { value: r.code, selected: r.code === state.region }, `${'\u2003'.repeat(ancestry(r.code).length - ancestry(root.code).length)}${r.name} ${r.code}`)));
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 1999 }, (_, i) => thisYear - i);
  const yearSelect = h('select', { id: 'filter-year', onchange: (e) => { state.year = e.target.value ? Number(e.target.value) : null; loadCharts(); } }, h('option', { value: '' }, t('dash.filter.allYears')), years.map((y) => h('option', { value: String(y), selected: y === state.year }, String(y))));
  const indicatorSelect = h('select', { id: 'filter-indicator', onchange: (e) => { state.indicator = e.target.value; drawMap(); renderRegionPanel(); } }, INDICATORS.map((i) => h('option', { value: i.field, selected: i.field === state.indicator }, i.label)));
  return h('div', { class: 'toolbar', role: 'search', 'aria-label': t('dash.filter.label') }, field(t('dash.filter.region'), regionSelect), field(t('dash.filter.year'), yearSelect), field(t('dash.filter.indicator'), indicatorSelect));
}

function layout() {
  const mapEl = h('div', { id: 'map', class: 'map', role: 'img', 'aria-label': t('dash.map.label') });
  $('main').replaceChildren(
    toolbar(),
    h('div', { class: 'top' },
      h('section', { class: 'card map-card', 'aria-labelledby': 'map-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'map-title' }), h('nav', { id: 'breadcrumb', class: 'breadcrumb', 'aria-label': t('dash.map.level') })),
        h('p', { id: 'map-sub', class: 'card-sub' }),
        mapEl,
        h('div', { class: 'legend' }, h('span', { class: 'swatch swatch-suppressed', 'aria-hidden': 'true' }), h('span', { class: 'legend-text' }, t('dash.legend.suppressed', { marker: suppressedMarker() })), h('span', { id: 'inset-note', class: 'muted' })),
        h('details', { class: 'data', id: 'map-data' }),
      ),
      h('aside', { id: 'region-panel', class: 'card region-panel', 'aria-label': t('dash.region.label') }),
    ),
    h('div', { class: 'charts' }, charts.map((c) => c.card)),
    backlogCard(),
  );
  map = createMap(mapEl, { onRegion: (r) => selectRegion(r.code) });
}

/** The map's level for the selected region: its districts if it has any, else its siblings. */
function mapParentFor(code) {
  const r = tree.get(code);
  if (r.children.length > 0) return code;
  return r.parent && within(r.parent, state.root) ? r.parent : code;
}

async function drawMap() {
  const parent = mapParentFor(state.region);
  try {
    mapLevel = await loadLevel(parent);
  } catch (error) {
    showError(error);
    return;
  }
  const ind = indicator(state.indicator);
  map.render(mapLevel, state.indicator, state.region === parent ? null : state.region);
  $('map-title').textContent = ind.label;
  const districts = mapLevel.children.every((r) => r.level === 'DISTRICT');
  const stamp = mapLevel.children.map((r) => r[state.indicator]?.asOf).find(Boolean);
  const published = mapLevel.children.filter((r) => r[state.indicator] && !r[state.indicator].suppressed).length;
  const params = { region: mapLevel.region.name, count: mapLevel.children.length, n: formats.integer(mapLevel.children.length), published: formats.integer(published), asOf: asOf(stamp) };
  const parts = [
    districts ? t('dash.map.subDistricts', params) : t('dash.map.subCities', params),
    published === 0 ? t('dash.map.allWithheld') : t('dash.map.published', params),
    stamp ? t('dash.map.asOf', params) : null,
    t('dash.map.drillDown'),
  ];
  $('map-sub').textContent = parts.filter(Boolean).join(t('common.sentenceSeparator'));
  $('inset-note').textContent = mapLevel.inset.length ? t('dash.map.insetNote') : '';
  $('breadcrumb').replaceChildren(
    ...ancestry(parent).filter((r) => within(r.code, state.root)).flatMap((r, i, all) => [
      ...(i > 0 ? [h('span', { class: 'crumb-sep', 'aria-hidden': 'true' }, '›')] : []),
      h('button', { type: 'button', class: 'link crumb', 'aria-current': i === all.length - 1 ? 'true' : undefined, onclick: () => selectRegion(r.code) }, r.name),
    ]),
  );
  $('map-data').replaceChildren(
    h('summary', {}, t('dash.dataTable')),
    dataTable(t('dash.map.tableCaption', { indicator: ind.label, region: mapLevel.region.name }), [t('dash.filter.region'), ind.label], mapLevel.children.map((r) => {
      const v = r[state.indicator];
      return [`${r.name} ${r.code}`, !v || v.suppressed || v.value === null ? h('span', { class: 'suppressed-cell', title: suppressedText(v?.suppression) }, suppressedMarker()) : ind.format(v.value)];
    })),
  );
}

function renderRegionPanel() {
  const panel = $('region-panel');
  if (!mapLevel) return;
  const r = mapLevel.region.code === state.region ? mapLevel.region : mapLevel.children.find((c) => c.code === state.region) ?? mapLevel.region;
  const info = tree.get(r.code);
  panel.replaceChildren(
    h('h2', {}, r.name),
    h('p', { class: 'card-sub' }, [r.code, info ? label('dash.level', info.level) : null, info?.children.length ? (info.level === 'PROVINCE' ? t('dash.region.cities', { count: info.children.length, n: formats.integer(info.children.length) }) : t('dash.region.districts', { count: info.children.length, n: formats.integer(info.children.length) })) : null].filter(Boolean).join(' · ')),
    h('ul', { class: 'kpis' }, INDICATORS.map((i) => {
      const v = r[i.field];
      const withheld = !v || v.suppressed || v.value === null;
      return h('li', { class: `kpi${i.field === state.indicator ? ' current' : ''}` },
        h('button', { type: 'button', class: 'kpi-button', title: t('dash.region.showOnMap'), onclick: () => { state.indicator = i.field; $('filter-indicator').value = i.field; drawMap(); renderRegionPanel(); } },
          h('span', { class: 'kpi-label' }, i.label),
          withheld ? h('span', { class: 'kpi-value suppressed-cell', title: suppressedText(v?.suppression) }, suppressedMarker()) : h('span', { class: 'kpi-value' }, i.format(v.value))));
    })),
    h('div', { class: 'reading' },
      h('h3', {}, t('dash.reading.title')),
      h('ul', {},
        h('li', {}, t('dash.reading.noise')),
        h('li', {}, t('dash.reading.ratio')),
        h('li', {}, t('dash.reading.hukou')),
        h('li', {}, t('dash.reading.pick')))),
  );
}

function loadCharts() {
  const name = tree.get(state.region)?.name ?? state.region;
  return Promise.all(charts.map((c) => c.load(regionFilter(state.region), name, state.year)));
}

async function selectRegion(code) {
  if (!tree.has(code) || !within(code, state.root)) return;
  state.region = code;
  const select = $('filter-region');
  if (select) select.value = code;
  $('alert').hidden = true;
  await Promise.all([drawMap().then(renderRegionPanel), loadCharts()]);
}

async function start() {
  const claims = session.claims();
  renderSession();
  if (!claims) return renderSignIn();
  if (!claims.region || !tree.has(claims.region)) {
    $('main').replaceChildren(h('section', { class: 'card notice' }, t('dash.noArea')));
    return;
  }
  state.root = claims.region;
  state.region = claims.region;
  clearLevels();
  await draw();
}

/** Lays the dashboard out and loads it for the current state (after sign-in, and on a change of language). */
async function draw() {
  for (const c of charts) c.chart?.dispose();
  map?.chart.dispose();
  charts = CHARTS.map(createChart);
  layout();
  await Promise.all([selectRegion(state.region), loadBacklog()]);
  document.body.dataset.ready = 'true';
}

/** A change of language draws the page again in it; the selected region, year and indicator stay. */
async function relabel() {
  document.body.dataset.ready = 'false';
  renderSession();
  const claims = session.claims();
  if (!claims) return renderSignIn();
  if (!state.root) return start();
  await draw();
}

async function boot() {
  applyDocument();
  $('lang').replaceChildren(languageSwitch());
  onLocaleChange(relabel);
  try {
    await loadTree();
  } catch (error) {
    showError(error);
    return;
  }
  await start();
}

boot();
