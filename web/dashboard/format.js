// How numbers and withheld cells read on the dashboard. A withheld cell is never a number: not 0, not a blank.
import { formatDate, formatNumber, t } from '../shared/i18n.js';

const REASONS = { PRIMARY: 'dash.suppressed.primary', SECONDARY: 'dash.suppressed.secondary', DIFFERENCING: 'dash.suppressed.differencing' };

/** "suppressed (fewer than 10 units)" */
export function suppressedText(suppression, k) {
  const reason = REASONS[suppression];
  return reason ? t(reason, { k: k ?? 'k' }) : t('dash.suppressed');
}

/** A short marker for cells in tables and chart labels, in the active language. */
export const suppressedMarker = () => t('dash.suppressed');

export const formats = {
  integer: (v) => formatNumber(v, { maximumFractionDigits: 0 }),
  decimal: (v) => formatNumber(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  percent: (v) => formatNumber(v, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};

/** When the numbers were computed: "2026年3月12日 14:05", "Mar 12, 2026, 2:05 PM". */
export function asOf(iso) {
  return formatDate(iso);
}
