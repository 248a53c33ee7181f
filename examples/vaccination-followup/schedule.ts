/**
 * The national immunization programme's childhood schedule (国家免疫规划疫苗儿童免疫程序, 2021 edition), as the
 * health commission publishes it, and which doses a child is due for. Pure functions: no I/O, no clock (the caller
 * says what day it is), so the due list is the same wherever and whenever it is computed for a given day.
 *
 * The vaccine codes are the province's (the health subgraph's list, `recordVaccination`'s `vaccine`).
 */

export interface ScheduledVaccine {
  code: string;
  name: string;
  /** Age in completed months at which each dose is given: dose n at `months[n - 1]`. */
  months: readonly number[];
}

export const NIP_SCHEDULE: readonly ScheduledVaccine[] = [
  { code: 'BCG', name: '卡介苗', months: [0] },
  { code: 'HEPB', name: '乙肝疫苗', months: [0, 1, 6] },
  { code: 'IPV', name: '脊灰灭活疫苗', months: [2, 3] },
  { code: 'BOPV', name: '二价脊灰减毒活疫苗', months: [4, 48] },
  { code: 'DTAP', name: '百白破疫苗', months: [3, 4, 5, 18] },
  { code: 'DT', name: '白破疫苗', months: [72] },
  { code: 'MMR', name: '麻腮风疫苗', months: [8, 18] },
  { code: 'JE-L', name: '乙脑减毒活疫苗', months: [8, 24] },
  { code: 'MPSV-A', name: 'A群流脑多糖疫苗', months: [6, 9] },
  { code: 'MPSV-AC', name: 'A群C群流脑多糖疫苗', months: [36, 72] },
  { code: 'HEPA-L', name: '甲肝减毒活疫苗', months: [18] },
];

/** The last dose of the schedule is given at 6 years: children are followed until their 7th birthday. */
export const FOLLOW_UP_YEARS = 7;

export interface DueDose {
  vaccine: string;
  vaccineName: string;
  dose: number;
  /** The day the child reaches the dose's age (YYYY-MM-DD). */
  dueOn: string;
  /** Days past `dueOn` on the day asked about; negative when it falls due within the look-ahead. */
  daysOverdue: number;
}

const DAY_MS = 86_400_000;

function parseDate(date: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`"${date}" is not a date written YYYY-MM-DD.`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
const timeOf = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The day a child born on `birthDate` completes `months` months (the end of the month for 31 Jan + 1 month). */
export function addMonths(birthDate: string, months: number): string {
  const { y, m, d } = parseDate(birthDate);
  const month = m - 1 + months;
  const lastDay = new Date(Date.UTC(y, month + 1, 0)).getUTCDate();
  return iso(Date.UTC(y, month, Math.min(d, lastDay)));
}

export function addDays(date: string, days: number): string {
  return iso(timeOf(date) + days * DAY_MS);
}

/** The earliest birth date of a child still followed on `asOf`: the day after their 7th birthday falls later. */
export function followedBornFrom(asOf: string): string {
  return addDays(addMonths(asOf, -12 * FOLLOW_UP_YEARS), 1);
}

export function ageInMonths(birthDate: string, asOf: string): number {
  const b = parseDate(birthDate);
  const a = parseDate(asOf);
  return (a.y - b.y) * 12 + (a.m - b.m) - (a.d < b.d ? 1 : 0);
}

/**
 * The doses a child is due for on `asOf`: every dose of the schedule whose age the child has reached (or reaches
 * within `lookaheadDays`) and that is not recorded, oldest first. `given` lists the doses recorded on the child's
 * health record (none when the child has no record yet: then every dose reached is due).
 */
export function dueDoses(birthDate: string, given: readonly { vaccine: string | null; dose: number | null }[], asOf: string, lookaheadDays = 0): DueDose[] {
  const recorded = new Set(given.map((g) => `${g.vaccine}#${g.dose}`));
  const horizon = addDays(asOf, lookaheadDays);
  const due: DueDose[] = [];
  for (const vaccine of NIP_SCHEDULE) {
    vaccine.months.forEach((months, i) => {
      const dueOn = addMonths(birthDate, months);
      if (dueOn > horizon || recorded.has(`${vaccine.code}#${i + 1}`)) return;
      due.push({ vaccine: vaccine.code, vaccineName: vaccine.name, dose: i + 1, dueOn, daysOverdue: Math.round((timeOf(asOf) - timeOf(dueOn)) / DAY_MS) });
    });
  }
  return due.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.vaccine.localeCompare(b.vaccine) || a.dose - b.dose);
}
