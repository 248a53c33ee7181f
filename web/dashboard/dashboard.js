// The statistics dashboard: sign-in, the filters (region, year, map indicator), the choropleth with drill-down, the
// selected region's indicators, and the charts. Everything is read through the public /graphql as the signed-in
// dashboard account; what the API withholds is shown as withheld.
import { ApiError, devSignIn, devSignInAvailable, gql, session } from './api.js';
import { CHARTS, createChart } from './charts.js';
import { dataTable, field, h } from './dom.js';
import { SUPPRESSED, asOf, suppressedText } from './format.js';
import { INDICATORS, indicator } from './indicators.js';
import { clearLevels, createMap, loadLevel } from './map.js';
import { backlogCard, loadBacklog } from './backlog.js';

const $ = (id) => document.getElementById(id);
const REGIONS = '{ regions { code name level parent { code } } }';
const LEVEL_NAMES = { PROVINCE: 'province', CITY: 'prefecture-level city', COUNTY: 'county-level unit', DISTRICT: 'district' };

/** code -> { code, name, level, parent, children: [codes] }, from the open region list. */
let tree = new Map();
const state = { region: null, year: null, indicator: INDICATORS[0].field, root: null };
let map;
let charts = [];
let mapLevel;

function showError(error) {
  const errors = error instanceof ApiError ? error.errors : [{ message: error?.message ?? String(error) }];
  $('alert').replaceChildren(
    h('strong', {}, 'The API refused this: '),
    errors.map((e) => h('span', { class: 'error-message' }, e.message, e.extensions?.code ? h('code', { class: 'error-code' }, e.extensions.code) : null)),
    h('button', { type: 'button', class: 'link dismiss', onclick: () => ($('alert').hidden = true) }, 'Dismiss'),
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
  if (!claims) return el.replaceChildren(h('span', { class: 'muted' }, 'Not signed in'));
  const area = tree.get(claims.region);
  el.replaceChildren(
    h('span', {}, h('strong', {}, claims.sub), ` · ${claims.dept} · ${(claims.roles ?? []).join(', ')}`),
    h('span', { class: 'muted' }, `area ${area ? `${area.name} ${area.code}` : claims.region ?? 'none'}`),
    claims.exp ? h('span', { class: 'muted' }, `until ${new Date(claims.exp * 1000).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`) : null,
    h('button', { type: 'button', class: 'secondary small', onclick: signOut }, 'Sign out'),
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
  const devButton = h('button', { type: 'button', class: 'primary', onclick: (e) => go(e.currentTarget, () => devSignIn(sub.value.trim(), area.value)) }, 'Sign in (development)');
  const tokenButton = h('button', { type: 'button', class: 'secondary', onclick: (e) => go(e.currentTarget, async () => {
    if (!pasted.value.trim()) throw new Error('Paste a token first.');
    session.set(pasted.value);
  }) }, 'Use this token');
  main.replaceChildren(
    h('div', { class: 'signin' },
      h('section', { class: 'card', 'aria-labelledby': 'signin-title' },
        h('h1', { id: 'signin-title' }, 'Sign in to the statistics dashboard'),
        h('p', { class: 'muted' }, 'A statistics-bureau dashboard account reads counts in its area, under disclosure control, and no records.'),
        dev
          ? h('div', { class: 'signin-dev' }, h('h2', {}, 'Development sign-in'), h('div', { class: 'row' }, field('Subject (sub)', sub), field('Area', area)), h('p', { class: 'hint' }, 'Department statistics, role dashboard; a development token valid for an hour.'), devButton)
          : null,
        h('div', { class: 'signin-token' }, h('h2', {}, 'Token'), field('Bearer token from the identity provider', pasted), tokenButton),
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
  const yearSelect = h('select', { id: 'filter-year', onchange: (e) => { state.year = e.target.value ? Number(e.target.value) : null; loadCharts(); } }, h('option', { value: '' }, 'All years'), years.map((y) => h('option', { value: String(y), selected: y === state.year }, String(y))));
  const indicatorSelect = h('select', { id: 'filter-indicator', onchange: (e) => { state.indicator = e.target.value; drawMap(); renderRegionPanel(); } }, INDICATORS.map((i) => h('option', { value: i.field, selected: i.field === state.indicator }, i.label)));
  return h('div', { class: 'toolbar', role: 'search', 'aria-label': 'Filters' }, field('Region', regionSelect), field('Year', yearSelect), field('Map indicator', indicatorSelect));
}

function layout() {
  const mapEl = h('div', { id: 'map', class: 'map', role: 'img', 'aria-label': 'Choropleth map' });
  $('main').replaceChildren(
    toolbar(),
    h('div', { class: 'top' },
      h('section', { class: 'card map-card', 'aria-labelledby': 'map-title' },
        h('div', { class: 'card-head' }, h('h2', { id: 'map-title' }), h('nav', { id: 'breadcrumb', class: 'breadcrumb', 'aria-label': 'Map level' })),
        h('p', { id: 'map-sub', class: 'card-sub' }),
        mapEl,
        h('div', { class: 'legend' }, h('span', { class: 'swatch swatch-suppressed', 'aria-hidden': 'true' }), h('span', { class: 'legend-text' }, h('strong', {}, SUPPRESSED), ': withheld by disclosure control (fewer than k units, k = 10 or 20 for sensitive data, or a cell that would reveal one); never a number'), h('span', { id: 'inset-note', class: 'muted' })),
        h('details', { class: 'data', id: 'map-data' }),
      ),
      h('aside', { id: 'region-panel', class: 'card region-panel', 'aria-label': 'Selected region' }),
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
  const kind = mapLevel.children.every((r) => r.level === 'DISTRICT') ? 'districts' : 'cities and counties';
  const stamp = mapLevel.children.map((r) => r[state.indicator]?.asOf).find(Boolean);
  const published = mapLevel.children.filter((r) => r[state.indicator] && !r[state.indicator].suppressed).length;
  $('map-sub').textContent = `${mapLevel.region.name}: ${mapLevel.children.length} ${kind}, ${published === 0 ? 'every value withheld' : `${published} published`}${stamp ? ` · as of ${asOf(stamp)}` : ''}. Click a city with districts to drill down.`;
  $('inset-note').textContent = mapLevel.inset.length ? 'Sansha (三沙市) is drawn as an inset, not to scale.' : '';
  $('breadcrumb').replaceChildren(
    ...ancestry(parent).filter((r) => within(r.code, state.root)).flatMap((r, i, all) => [
      ...(i > 0 ? [h('span', { class: 'crumb-sep', 'aria-hidden': 'true' }, '›')] : []),
      h('button', { type: 'button', class: 'link crumb', 'aria-current': i === all.length - 1 ? 'true' : undefined, onclick: () => selectRegion(r.code) }, r.name),
    ]),
  );
  $('map-data').replaceChildren(
    h('summary', {}, 'Data table'),
    dataTable(`${ind.label} by region, ${mapLevel.region.name}`, ['Region', ind.label], mapLevel.children.map((r) => {
      const v = r[state.indicator];
      return [`${r.name} ${r.code}`, !v || v.suppressed || v.value === null ? h('span', { class: 'suppressed-cell', title: suppressedText(v?.suppression) }, SUPPRESSED) : ind.format(v.value)];
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
    h('p', { class: 'card-sub' }, `${r.code} · ${LEVEL_NAMES[info?.level] ?? ''}${info?.children.length ? ` · ${info.children.length} ${info.level === 'PROVINCE' ? 'cities and counties' : 'districts'}` : ''}`),
    h('ul', { class: 'kpis' }, INDICATORS.map((i) => {
      const v = r[i.field];
      const withheld = !v || v.suppressed || v.value === null;
      return h('li', { class: `kpi${i.field === state.indicator ? ' current' : ''}` },
        h('button', { type: 'button', class: 'kpi-button', title: 'Show on the map', onclick: () => { state.indicator = i.field; $('filter-indicator').value = i.field; drawMap(); renderRegionPanel(); } },
          h('span', { class: 'kpi-label' }, i.label),
          withheld ? h('span', { class: 'kpi-value suppressed-cell', title: suppressedText(v?.suppression) }, SUPPRESSED) : h('span', { class: 'kpi-value' }, i.format(v.value))));
    })),
    h('div', { class: 'reading' },
      h('h3', {}, 'Reading these numbers'),
      h('ul', {},
        h('li', {}, 'Counts carry deterministic noise of at most ±2, so totals need not add up exactly.'),
        h('li', {}, 'A ratio is withheld when its numerator or denominator is.'),
        h('li', {}, 'Residents are counted where their household is registered (hukou); the enrolment rate counts students where their school is, so it can exceed 100%.'),
        h('li', {}, 'Pick an indicator above to map it; click the map to select a region.'))),
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
    $('main').replaceChildren(h('section', { class: 'card notice' }, 'This account covers no area of Hainan, so it may count nothing. Sign in with a dashboard account whose region is the province or a city.'));
    return;
  }
  state.root = claims.region;
  state.region = claims.region;
  clearLevels();
  charts = CHARTS.map(createChart);
  layout();
  await Promise.all([selectRegion(state.region), loadBacklog()]);
  document.body.dataset.ready = 'true';
}

async function boot() {
  try {
    await loadTree();
  } catch (error) {
    showError(error);
    return;
  }
  await start();
}

boot();
