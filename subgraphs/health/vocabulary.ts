/**
 * The health commission's code lists: the ICD-10 categories recorded on Hainan's resident health records, the
 * vaccines of the national immunization programme (and common ones outside it) with their schedule, and the
 * validators every input passes through before anything is written.
 */
import { badInput } from '../kit/errors';
import { isCalendarDate } from '../kit/scalars';

export interface Icd10Category {
  code: string;
  name: string;
  /** True when the category has fourth-character subcategories (E11.9); I10 has none. */
  subdivided: boolean;
}

const category = (code: string, name: string, subdivided = true): Icd10Category => ({ code, name, subdivided });

/** The chronic conditions the records follow (managed under the basic public health service programme). */
export const CHRONIC_CONDITIONS: readonly Icd10Category[] = [
  category('I10', '特发性（原发性）高血压', false),
  category('E11', '2型糖尿病'),
  category('J44', '慢性阻塞性肺疾病'),
  category('I25', '慢性缺血性心脏病'),
  category('N18', '慢性肾脏病'),
];

/** WHO ICD-10 categories seen in primary care, county hospitals and tertiary hospitals of the province. */
export const ICD10_CATEGORIES: readonly Icd10Category[] = [
  ...CHRONIC_CONDITIONS,
  category('A09', '感染性胃肠炎和结肠炎'),
  category('A15', '呼吸道结核'),
  category('A90', '登革热', false),
  category('B01', '水痘'),
  category('B18', '慢性病毒性肝炎'),
  category('B54', '未特指的疟疾', false),
  category('C22', '肝和肝内胆管恶性肿瘤'),
  category('C34', '支气管和肺恶性肿瘤'),
  category('D50', '缺铁性贫血'),
  category('E10', '1型糖尿病'),
  category('E66', '肥胖症'),
  category('E78', '脂蛋白代谢紊乱和其他脂血症'),
  category('F32', '抑郁发作'),
  category('G43', '偏头痛'),
  category('H10', '结膜炎'),
  category('I21', '急性心肌梗死'),
  category('I48', '心房纤颤和扑动'),
  category('I50', '心力衰竭'),
  category('I63', '脑梗死'),
  category('J06', '急性上呼吸道感染'),
  category('J10', '流行性感冒，其他流感病毒被标明'),
  category('J18', '肺炎，病原体未特指'),
  category('J20', '急性支气管炎'),
  category('J45', '哮喘'),
  category('K21', '胃-食管反流病'),
  category('K29', '胃炎和十二指肠炎'),
  category('K35', '急性阑尾炎'),
  category('K80', '胆石症'),
  category('L30', '其他皮炎'),
  category('M17', '膝关节病'),
  category('M54', '背痛'),
  category('N39', '泌尿系统的其他疾患'),
  category('O80', '单胎顺产'),
  category('R05', '咳嗽', false),
  category('R10', '腹部和盆腔痛'),
  category('R50', '其他原因的发热'),
  category('S06', '颅内损伤'),
  category('S72', '股骨骨折'),
  category('T14', '身体未特指部位的损伤'),
  category('Z00', '无主诉或报告诊断者的一般检查和调查'),
  category('Z34', '正常妊娠监督'),
];

const CATEGORY_BY_CODE = new Map(ICD10_CATEGORIES.map((c) => [c.code, c]));
const CHRONIC_CODES = new Set(CHRONIC_CONDITIONS.map((c) => c.code));

/** ICD-10 as written in records: a letter, two digits, and optionally a point and one digit (I10, E11.9). */
export const ICD10_CODE = /^[A-Z]\d{2}(\.\d)?$/;

/** The name of an ICD-10 code of the list (a subcategory is named by its category), or null. */
export function icd10Name(code: string): string | null {
  return CATEGORY_BY_CODE.get(code.slice(0, 3))?.name ?? null;
}

/** The category of a chronic condition the records follow, when `code` (or its category) is one. */
export function chronicCategory(code: string): string | null {
  const category = code.slice(0, 3);
  return CHRONIC_CODES.has(category) ? category : null;
}

/** Why `code` is not a recordable ICD-10 code, or null when it is. */
export function icd10Problem(code: string): string | null {
  if (!ICD10_CODE.test(code)) return `"${code}" is not an ICD-10 code: write a capital letter, two digits and optionally a point and one digit, e.g. I10 or E11.9.`;
  const category = CATEGORY_BY_CODE.get(code.slice(0, 3));
  if (!category) return `ICD-10 category ${code.slice(0, 3)} is not on the province's list of recordable diagnoses.`;
  if (code.length > 3 && !category.subdivided) return `ICD-10 category ${category.code} (${category.name}) has no subcategories; record it as ${category.code}.`;
  return null;
}

export function validIcd10(argument: string, code: string): string {
  const problem = icd10Problem(code);
  if (problem) throw badInput(argument, problem);
  return code;
}

/** A chronic condition code for filtering: one of the followed categories. */
export function validChronicCondition(argument: string, code: string): string {
  validIcd10(argument, code);
  if (!CHRONIC_CODES.has(code)) {
    throw badInput(argument, `records follow the chronic conditions ${[...CHRONIC_CODES].join(', ')}; filter on one of these categories.`);
  }
  return code;
}

/** The diagnoses of an encounter: 1 to 10 distinct recordable codes, the principal diagnosis first. */
export const MAX_DIAGNOSES = 10;

export function validDiagnoses(argument: string, codes: readonly string[]): string[] {
  if (codes.length === 0) throw badInput(argument, 'give at least one diagnosis, the principal one first.');
  if (codes.length > MAX_DIAGNOSES) throw badInput(argument, `give at most ${MAX_DIAGNOSES} diagnoses.`);
  codes.forEach((code, i) => validIcd10(`${argument}[${i}]`, code));
  const repeated = codes.find((code, i) => codes.indexOf(code) !== i);
  if (repeated) throw badInput(argument, `${repeated} is given twice; give each diagnosis once.`);
  return [...codes];
}

// ---------------------------------------------------------------------------------------------
// Vaccines

export interface Vaccine {
  code: string;
  name: string;
  /** Doses of a full course. */
  doses: number;
  /** Ages in months at which the national immunization programme gives each dose; empty outside it. */
  scheduleMonths: readonly number[];
}

const vaccine = (code: string, name: string, scheduleMonths: readonly number[], doses = scheduleMonths.length): Vaccine => ({ code, name, doses, scheduleMonths });

/** The national immunization programme's childhood schedule (国家免疫规划疫苗儿童免疫程序), then vaccines outside it. */
export const VACCINES: readonly Vaccine[] = [
  vaccine('BCG', '卡介苗', [0]),
  vaccine('HEPB', '乙肝疫苗', [0, 1, 6]),
  vaccine('IPV', '脊灰灭活疫苗', [2, 3]),
  vaccine('BOPV', '二价脊灰减毒活疫苗', [4, 48]),
  vaccine('DTAP', '百白破疫苗', [3, 4, 5, 18]),
  vaccine('DT', '白破疫苗', [72]),
  vaccine('MMR', '麻腮风疫苗', [8, 18]),
  vaccine('JE-L', '乙脑减毒活疫苗', [8, 24]),
  vaccine('MPSV-A', 'A群流脑多糖疫苗', [6, 9]),
  vaccine('MPSV-AC', 'A群C群流脑多糖疫苗', [36, 72]),
  vaccine('HEPA-L', '甲肝减毒活疫苗', [18]),
  // Outside the programme: given on request, or by provincial programmes (HPV for girls, influenza for the elderly).
  vaccine('HPV', '人乳头瘤病毒疫苗', [], 3),
  vaccine('INFLUENZA', '流感疫苗', [], 2),
  vaccine('PPV23', '23价肺炎球菌多糖疫苗', [], 2),
  vaccine('VAR', '水痘减毒活疫苗', [], 2),
  vaccine('EV71', '肠道病毒71型灭活疫苗', [], 2),
  vaccine('RABIES', '人用狂犬病疫苗', [], 5),
  vaccine('COVID-19', '新冠病毒疫苗', [], 4),
];

const VACCINE_BY_CODE = new Map(VACCINES.map((v) => [v.code, v]));

export function vaccineNamed(code: string): Vaccine | undefined {
  return VACCINE_BY_CODE.get(code);
}

export function validVaccine(argument: string, code: string): Vaccine {
  const found = VACCINE_BY_CODE.get(code);
  if (!found) throw badInput(argument, `"${code}" is not a vaccine code of the province's list (${VACCINES.map((v) => v.code).join(', ')}).`);
  return found;
}

/** A dose number within the vaccine's course (an influenza dose counts within a season's course). */
export function validDose(argument: string, vaccine: Vaccine, dose: number): number {
  if (!Number.isInteger(dose) || dose < 1 || dose > vaccine.doses) {
    throw badInput(argument, `${vaccine.code} (${vaccine.name}) is given in ${vaccine.doses} dose${vaccine.doses > 1 ? 's' : ''}; the dose number must be from 1 to ${vaccine.doses}.`);
  }
  return dose;
}

// ---------------------------------------------------------------------------------------------
// Dates, identifiers, free text

/** Records start with the province's health information system; nothing is recorded before 1950. */
const EARLIEST_DATE = '1950-01-01';

import { todayInChina } from '../kit/scalars';

export { todayInChina };

/** A calendar date that has happened: not after today in China, not before 1950. */
export function validPastDate(argument: string, date: string, now = new Date()): string {
  if (!isCalendarDate(date)) throw badInput(argument, 'use a calendar date written YYYY-MM-DD.');
  const today = todayInChina(now);
  if (date > today) throw badInput(argument, `${date} is in the future (today is ${today}); record care that has taken place.`);
  if (date < EARLIEST_DATE) throw badInput(argument, `${date} is before ${EARLIEST_DATE}, when records begin.`);
  return date;
}

/** Person IDs are opaque: upper-case letters and digits, at most 16. */
const PERSON_ID = /^[0-9A-Z]{1,16}$/;

export function validPersonId(argument: string, id: string): string {
  if (!PERSON_ID.test(id)) throw badInput(argument, 'a person ID has 1 to 16 capital letters and digits, as the population register issues it.');
  return id;
}

/** A facility code: the 6-digit region code, the kind (H hospital, C community, T township, Z clinic), 2 digits. */
export const FACILITY_CODE = /^\d{6}[HCTZ]\d{2}$/;

export function validFacilityCode(argument: string, code: string): string {
  if (!FACILITY_CODE.test(code)) throw badInput(argument, 'a facility code is a 6-digit region code, a kind letter (H, C, T or Z) and 2 digits, e.g. 460106H01.');
  return code;
}

export const MAX_ALLERGIES = 20;
const MAX_ALLERGY_LENGTH = 32;

/** Allergens as recorded: 0 to 20 distinct names of 1 to 32 characters, trimmed. */
export function validAllergies(argument: string, allergies: readonly string[]): string[] {
  if (allergies.length > MAX_ALLERGIES) throw badInput(argument, `record at most ${MAX_ALLERGIES} allergies.`);
  const trimmed = allergies.map((a) => a.trim());
  trimmed.forEach((a, i) => {
    if (a.length === 0 || a.length > MAX_ALLERGY_LENGTH) throw badInput(`${argument}[${i}]`, `name the allergen in 1 to ${MAX_ALLERGY_LENGTH} characters.`);
  });
  const repeated = trimmed.find((a, i) => trimmed.indexOf(a) !== i);
  if (repeated) throw badInput(argument, `"${repeated}" is given twice; give each allergen once.`);
  return trimmed;
}
