// The web apps' one translation mechanism: `t(key, params)` reads a message of the active locale's catalogue
// (./messages/<locale>.js) and fills its named placeholders `{name}`; a message that depends on a count is an object
// of Intl.PluralRules categories ({ one, other }) chosen by `params.count`. Dates and numbers go through
// Intl.DateTimeFormat and Intl.NumberFormat in the active locale. Messages are whole sentences: never join
// translated fragments. Chinese is the default; `?lang=en` or the header's switch picks English and is remembered.
import { messages as en } from './messages/en.js';
import { messages as zhCN } from './messages/zh-CN.js';

export const CATALOGUES = { 'zh-CN': zhCN, en };
export const DEFAULT_LOCALE = 'zh-CN';
const STORAGE_KEY = 'hdg.lang';

function initialLocale() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked && CATALOGUES[asked]) {
    localStorage.setItem(STORAGE_KEY, asked);
    return asked;
  }
  const kept = localStorage.getItem(STORAGE_KEY);
  return kept && CATALOGUES[kept] ? kept : DEFAULT_LOCALE;
}

let locale = initialLocale();
const listeners = new Set();

export const getLocale = () => locale;

/** Switches the language, remembers it, and calls every `onLocaleChange` listener (the apps re-render). */
export function setLocale(next) {
  if (!CATALOGUES[next] || next === locale) return;
  locale = next;
  localStorage.setItem(STORAGE_KEY, next);
  applyDocument();
  for (const listener of listeners) listener(next);
}

export function onLocaleChange(listener) {
  listeners.add(listener);
}

/** Whether the active catalogue has `key` (e.g. an optional translation of an error code). */
export const has = (key) => Object.hasOwn(CATALOGUES[locale], key);

/** The message `key` with `{name}` placeholders filled from `params`; the key itself if no catalogue has it. */
export function t(key, params = {}) {
  let message = CATALOGUES[locale][key] ?? en[key];
  if (message === undefined) return key;
  if (typeof message === 'object') message = message[new Intl.PluralRules(locale).select(Number(params.count))] ?? message.other;
  return message.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** A number in the active locale (grouping as the locale writes it); `options` as Intl.NumberFormat's. */
export function formatNumber(value, options = {}) {
  return new Intl.NumberFormat(locale, options).format(value);
}

/** A date or an ISO timestamp in the active locale; an unreadable one is returned as given. */
export function formatDate(value, options = { dateStyle: 'medium', timeStyle: 'short' }) {
  if (value === null || value === undefined || value === '') return '';
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : new Intl.DateTimeFormat(locale, options).format(d);
}

/** A catalogue label for an API value (a department, a role, a sharing type…), or the value when there is none. */
export function label(prefix, value) {
  const key = `${prefix}.${value}`;
  return has(key) || Object.hasOwn(en, key) ? t(key) : String(value ?? '');
}

/**
 * The message of an API error for a person: the translation of its stable extensions.code, or, for a code the
 * catalogue does not know, the API's English message (the code is shown beside it by the caller).
 */
export function errorText(error) {
  const code = error?.extensions?.code;
  return code && (has(`error.${code}`) || Object.hasOwn(en, `error.${code}`)) ? t(`error.${code}`) : null;
}

/** Updates <html lang>, the document title and every element carrying data-i18n="key" (the static page shell). */
export function applyDocument() {
  document.documentElement.lang = locale;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
}

/** The header's language switch: a labelled select of the catalogues, each named in its own language. */
export function languageSwitch() {
  const select = document.createElement('select');
  select.id = 'lang-switch';
  select.className = 'lang-switch';
  for (const code of Object.keys(CATALOGUES)) {
    const option = document.createElement('option');
    option.value = code;
    option.lang = code;
    option.textContent = CATALOGUES[code]['lang.name'];
    option.selected = code === locale;
    select.append(option);
  }
  select.setAttribute('aria-label', t('lang.switch'));
  select.addEventListener('change', () => setLocale(select.value));
  onLocaleChange(() => {
    select.value = locale;
    select.setAttribute('aria-label', t('lang.switch'));
  });
  return select;
}
