// How numbers and withheld cells read on the dashboard. A withheld cell is never a number: not 0, not a blank.

const SUPPRESSION = {
  PRIMARY: (k) => `fewer than ${k ?? 'k'} units`,
  SECONDARY: () => 'withheld so that a smaller withheld cell cannot be recomputed from the totals',
  DIFFERENCING: (k) => `would reveal a group of fewer than ${k ?? 'k'} by difference`,
};

/** "suppressed (fewer than 10 units)" */
export function suppressedText(suppression, k) {
  const why = SUPPRESSION[suppression];
  return why ? `suppressed (${why(k)})` : 'suppressed';
}

/** A short marker for cells in tables and chart labels. */
export const SUPPRESSED = 'suppressed';

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en-GB', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const formats = {
  integer: (v) => integer.format(v),
  decimal: (v) => decimal.format(v),
  percent: (v) => percent.format(v),
};

/** When the numbers were computed: "12 Mar 2026, 14:05". */
export function asOf(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
