/**
 * China's working-day clock for deadlines counted in working days (政务数据共享条例 and the provincial rules that
 * implement it: "within N working days"). Dates are calendar dates in China time (Asia/Shanghai, UTC+8 with no
 * daylight saving), written YYYY-MM-DD. The calendar is the State Council's yearly holiday notice as the
 * `chinese-days` package encodes it: public holidays are not working days, adjusted working days (调休, a Saturday
 * or Sunday worked in exchange) are.
 *
 * Counting: the day the clock starts never counts, whatever day it is; the first day counted is the next working
 * day. `addWorkingDays('2026-02-13', 1)` (a Friday before the Spring Festival) is 2026-02-14, an adjusted working
 * Saturday; `addWorkingDays('2026-02-14', 1)` is 2026-02-24, after the holiday.
 *
 * Years the package has no data for (before 2004, or after the last notice it carries): the clock falls back to
 * Monday to Friday and logs a warning once per such year. It does not throw: deadlines are shown to people and
 * counted for them, they decide nothing by themselves, and a clock that failed every read of a request whose
 * deadline crosses into a new year (every request made in late December until the package is upgraded) would
 * hide all deadlines exactly when they matter. Upgrade `chinese-days` once the State Council publishes the next
 * year's notice (usually in November); `calendarCovers(year)` tells whether a year is covered.
 */
import { getDayDetail } from 'chinese-days';
import { isCalendarDate } from './scalars';

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
/** Enough for any deadline: a year of working days is about 250. */
const MAX_WORKING_DAYS = 1000;

/** The calendar date in China (UTC+8) of an instant. */
export function chinaDate(instant: Date = new Date()): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('chinaDate: not a valid instant.');
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

function checkDate(date: string, argument: string): void {
  if (!isCalendarDate(date)) throw new RangeError(`${argument}: a calendar date written YYYY-MM-DD, got ${JSON.stringify(date)}.`);
}

function nextDay(date: string, delta = 1): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + delta * DAY_MS).toISOString().slice(0, 10);
}

const coverage = new Map<number, boolean>();
let warn: (message: string) => void = (message) => console.warn(message);
const warned = new Set<number>();

/**
 * Whether `chinese-days` carries the State Council's notice for a year. New Year's Day (元旦) is a public holiday
 * every year, so a year whose 1 January the package does not name as a holiday is a year it knows nothing about.
 */
export function calendarCovers(year: number): boolean {
  let covered = coverage.get(year);
  if (covered === undefined) {
    const jan1 = `${String(year).padStart(4, '0')}-01-01`;
    covered = !getDayDetail(jan1).work && getDayDetail(jan1).name.includes('元旦');
    coverage.set(year, covered);
  }
  return covered;
}

/** Where the warning about a year without holiday data goes (the console by default); for the service's logger and tests. */
export function onUncoveredYear(sink: (message: string) => void): void {
  warn = sink;
  warned.clear();
}

/** Whether a date (YYYY-MM-DD, China time) is a working day: the holiday notice's calendar, else Monday to Friday. */
export function isWorkingDay(date: string): boolean {
  checkDate(date, 'isWorkingDay');
  const year = Number(date.slice(0, 4));
  if (calendarCovers(year)) return getDayDetail(date).work;
  if (!warned.has(year)) {
    warned.add(year);
    warn(`working-days: chinese-days has no holiday notice for ${year}; counting Monday to Friday as working days that year. Upgrade chinese-days once the State Council publishes the ${year} holidays.`);
  }
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

/**
 * The due date of something to be done "within n working days" of `start`: the n-th working day after `start`
 * (`start` itself never counts, even if it is a working day). n = 0 is `start` itself.
 */
export function addWorkingDays(start: string, n: number): string {
  checkDate(start, 'addWorkingDays');
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) throw new RangeError(`addWorkingDays: n must be a whole number from 0 to ${MAX_WORKING_DAYS}, got ${n}.`);
  let date = start;
  for (let left = n; left > 0; ) {
    date = nextDay(date);
    if (isWorkingDay(date)) left -= 1;
  }
  return date;
}

/**
 * Working days from `a` to `b`: how many working days fall after `a` up to and including `b`; negative (the same
 * count for `b` to `a`) when `b` is before `a`. So `workingDaysBetween(s, addWorkingDays(s, n)) === n`.
 */
export function workingDaysBetween(a: string, b: string): number {
  checkDate(a, 'workingDaysBetween');
  checkDate(b, 'workingDaysBetween');
  if (b < a) return -workingDaysBetween(b, a);
  let count = 0;
  for (let date = nextDay(a); date <= b; date = nextDay(date)) if (isWorkingDay(date)) count += 1;
  return count;
}
