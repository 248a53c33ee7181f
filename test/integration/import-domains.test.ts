/**
 * The file import of every domain that takes one besides population (enterprise, health, education, housing,
 * credit): each domain's own database, seeded with a small world; a file of valid lines and invalid ones; every
 * invalid line reported with its line number and reason; the rows (and what follows from them) written; a re-run
 * changes nothing. SQLite, or PostgreSQL with DATABASE_URL.
 */
import { domainEntities } from '../../subgraphs/kit/server';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EntitySchema } from '@mikro-orm/core';
import { importFile, type DomainImporter } from '../../subgraphs/kit/import';
import { openDatabase, type Database } from '../../subgraphs/kit/orm';
import { seedDomains } from '../../subgraphs/kit/seed';
import type { SubgraphDefinition } from '../../subgraphs/kit/subgraph';
import { hainanFullName } from '../../subgraphs/kit/world/hainan';
import { makeUscc } from '../../subgraphs/kit/world/uscc';
import { credit } from '../../subgraphs/credit';
import { AdministrativePenalty, CreditProfile, creditFacts } from '../../subgraphs/credit/entities';
import { importer as creditImporter } from '../../subgraphs/credit/import';
import { rateCredit } from '../../subgraphs/credit/rating';
import { education } from '../../subgraphs/education';
import { Enrolment, School } from '../../subgraphs/education/entities';
import { importer as educationImporter } from '../../subgraphs/education/import';
import { enterprise } from '../../subgraphs/enterprise';
import { Enterprise } from '../../subgraphs/enterprise/entities';
import { importer as enterpriseImporter } from '../../subgraphs/enterprise/import';
import { health } from '../../subgraphs/health';
import { ChronicCondition, Encounter, HealthFacility, HealthRecord } from '../../subgraphs/health/entities';
import { importer as healthImporter } from '../../subgraphs/health/import';
import { housing } from '../../subgraphs/housing';
import { Property, PropertyOwner } from '../../subgraphs/housing/entities';
import { importer as housingImporter } from '../../subgraphs/housing/import';
import { makeCertificateNumber } from '../../subgraphs/housing/registration';
import { DRIVER, testDatabases } from '../support/database';

function setup() {
  const databases = testDatabases('import_domains');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdg-import-domains-'));
  const opened: Database[] = [];
  return {
    /** The domain's own database, seeded with a small world. */
    async open(definition: SubgraphDefinition<unknown>): Promise<Database> {
      const db = await openDatabase(databases.configFor(definition.name), domainEntities(definition));
      opened.push(db);
      await seedDomains([{ definition, db }], { persons: 200, seed: 3 });
      return db;
    },
    write(name: string, lines: string[]): string {
      const file = path.join(dir, name);
      fs.writeFileSync(file, `${lines.join('\n')}\n`);
      return file;
    },
    async teardown() {
      for (const db of opened) await db.close();
      await databases.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The rejected lines of a report: line number -> its reasons. */
function rejections(reportFile: string): Record<number, string> {
  const text = fs.readFileSync(reportFile, 'utf8').trim();
  if (text === '') return {};
  return Object.fromEntries(text.split('\n').map((l) => JSON.parse(l) as { line: number; errors: string[] }).map((r) => [r.line, r.errors.join(' | ')]));
}

/** Rows per table of the domain: what a re-run must leave as it is. */
async function counts(db: Database, entities: readonly EntitySchema<any, any>[]): Promise<Record<string, number>> {
  const em = db.orm.em.fork();
  const out: Record<string, number> = {};
  for (const entity of entities) out[entity.meta.className] = await em.count(entity, {});
  return out;
}

/**
 * Imports `file` and expects `imported` rows written and exactly the `rejected` lines refused, each for the reason
 * its pattern matches; then imports it again and expects nothing written, every valid row skipped, the same lines
 * refused, and `state` unchanged.
 */
/** The operator of this suite's imports, recorded in each domain's audit trail (the chain is the test database's). */
const IMPORT_AUDIT = { writer: 'import-test', operator: { sub: 'import-operator-1', dept: 'data-bureau' } };

async function importTwice<T extends object>(
  db: Database,
  importer: DomainImporter<T>,
  file: string,
  expected: { lines: number; imported: number; rejected: Record<number, RegExp> },
  state: () => Promise<unknown>,
): Promise<void> {
  const lines = Object.keys(expected.rejected).map(Number).sort((a, b) => a - b);
  const first = await importFile(db, importer, file, { reportFile: `${file}.first.ndjson`, audit: IMPORT_AUDIT });
  const reasons = rejections(first.reportFile);
  expect(Object.keys(reasons).map(Number).sort((a, b) => a - b)).toEqual(lines);
  for (const line of lines) expect([line, reasons[line]]).toEqual([line, expect.stringMatching(expected.rejected[line]!)]);
  expect(first).toMatchObject({ lines: expected.lines, imported: expected.imported, skipped: 0, rejected: lines.length });

  const before = await state();
  const again = await importFile(db, importer, file, { reportFile: `${file}.again.ndjson`, audit: IMPORT_AUDIT });
  expect(again).toMatchObject({ lines: expected.lines, imported: 0, skipped: expected.imported, rejected: lines.length });
  expect(Object.keys(rejections(again.reportFile)).map(Number).sort((a, b) => a - b)).toEqual(lines);
  expect(await state()).toEqual(before);
}

const csv = (cells: readonly (string | number)[]) => cells.join(',');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** In code point order: the databases' collations differ. */
const byFirst = (a: readonly unknown[], b: readonly unknown[]) => (String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0);

describe(`file imports of the domains on ${DRIVER}`, () => {
  let env: ReturnType<typeof setup>;
  beforeEach(() => {
    env = setup();
  });
  afterEach(async () => {
    await env.teardown();
  });

  it('enterprise: registers enterprises by credit code under the register\'s rules, names unique among living enterprises', async () => {
    const db = await env.open(enterprise);
    const em = db.orm.em.fork();
    const seeded = (await em.find(Enterprise, { status: 'ACTIVE' }, { orderBy: { uscc: 'asc' }, limit: 1, disableIdentityMap: true }))[0]!;
    const region = '460106';
    const address = (n: number) => `${hainanFullName(region)}滨海大道${n}号`;
    const uscc = (n: number) => makeUscc(2 ** 33 + n, region);
    const row = (n: number, changes: Partial<Record<string, string | number>> = {}) =>
      csv(Object.values({
        uscc: uscc(n), name: `海口市龙华区导入${n}号科技有限公司`, type: 'LIMITED_LIABILITY', industryCode: 'I65', registeredCapital: 1000000,
        establishedOn: '2020-05-01', status: 'ACTIVE', statusDate: '', regionCode: region, address: address(n), legalRepresentativeId: 'P0000ABCD',
        ...changes,
      }));
    const bad = uscc(90);
    const file = env.write('enterprises.csv', [
      enterpriseImporter.columns.join(','),
      row(1), // 2
      row(2, { registeredCapital: '2500000.5', industryCode: 'F52' }), // 3
      row(3, { status: 'REVOKED', statusDate: '2023-07-01' }), // 4
      // A cancelled enterprise may bear the name of a living one.
      row(4, { name: seeded.name, type: seeded.type, status: 'CANCELLED', statusDate: '2022-01-10' }), // 5
      row(5, { uscc: `${bad.slice(0, 17)}${bad[17] === '0' ? '1' : '0'}` }), // 6
      row(6, { name: seeded.name, type: seeded.type }), // 7: the name of a living enterprise
      row(7, { name: '海口市龙华区导入七号股份有限公司' }), // 8: a joint-stock name for a limited liability company
      row(8, { establishedOn: '2099-01-01' }), // 9
      row(9, { status: 'REVOKED' }), // 10: no status date
      row(10, { regionCode: '460100', address: '海南省海口市滨海大道10号' }), // 11: a city, not a district
      row(11, { industryCode: 'Z99' }), // 12
      row(1), // 13: repeats line 2
      row(12, { name: '海口市龙华区导入1号科技有限公司' }), // 14: the name line 2 takes
      row(13, { statusDate: '2024-01-01' }), // 15: a status date for an active enterprise
    ]);
    await importTwice(db, enterpriseImporter, file, {
      lines: 14,
      imported: 4,
      rejected: {
        6: /^uscc: The check character/,
        7: new RegExp(`^name: an enterprise named ${escape(seeded.name)} is already registered \\(${seeded.uscc}\\)`),
        8: /^name: a limited liability company's name ends in 有限公司/,
        9: /^establishedOn: 2099-01-01 is in the future/,
        10: /^statusDate: required for a REVOKED enterprise/,
        11: /^regionCode: 460100 .* is not a county or district/,
        12: /^industryCode: "Z99" is not a GB\/T 4754-2017 division/,
        13: /^uscc ".*" appears earlier in the file/,
        14: /^name: an enterprise named 海口市龙华区导入1号科技有限公司 is already registered/,
        15: /^statusDate: an ACTIVE enterprise has none/,
      },
    }, () => counts(db, enterprise.entities));
    const imported = await em.find(Enterprise, { uscc: { $in: [uscc(1), uscc(2), uscc(3), uscc(4)] } }, { orderBy: { uscc: 'asc' }, disableIdentityMap: true });
    expect(imported.map((e) => [e.uscc, e.status, e.statusDate, e.cityCode, e.taxAuthority, e.taxRegisteredOn]).sort(byFirst)).toEqual(
      [
        [uscc(1), 'ACTIVE', null, '460100', '国家税务总局海口市龙华区税务局', '2020-05-01'],
        [uscc(2), 'ACTIVE', null, '460100', '国家税务总局海口市龙华区税务局', '2020-05-01'],
        [uscc(3), 'REVOKED', '2023-07-01', '460100', '国家税务总局海口市龙华区税务局', '2020-05-01'],
        [uscc(4), 'CANCELLED', '2022-01-10', '460100', '国家税务总局海口市龙华区税务局', '2020-05-01'],
      ].sort(byFirst),
    );
    expect(imported.find((e) => e.uscc === uscc(2))).toMatchObject({ registeredCapital: 2500000.5, industryCode: 'F52' });
  });


  it('enterprise: a quoted address on two lines, as departmental exports have them, is imported intact; line numbers after it stay right', async () => {
    const db = await env.open(enterprise);
    const region = '460106';
    const street = (n: number) => `${hainanFullName(region)}滨海大道${n}号`;
    const row = (n: number, address: string) =>
      csv([makeUscc(2 ** 33 + 100 + n, region), `海口市龙华区导入${100 + n}号科技有限公司`, 'LIMITED_LIABILITY', 'I65', 1000000, '2020-05-01', 'ACTIVE', '', region, address, 'P0000ABCD']);
    const file = env.write('enterprises-multiline.csv', [
      enterpriseImporter.columns.join(','),
      row(1, `"${street(1)}\n华信大厦A座1201"`), // 2-3
      `${row(2, street(2))},extra`, // 4
      row(3, `"${street(3)}, 2单元 ""东门"""`), // 5
    ]);
    await importTwice(db, enterpriseImporter, file, { lines: 3, imported: 2, rejected: { 4: /^The line has 12 fields but the header has 11/ } }, () => counts(db, enterprise.entities));
    const imported = await db.orm.em.fork().find(Enterprise, { uscc: { $in: [makeUscc(2 ** 33 + 101, region), makeUscc(2 ** 33 + 103, region)] } }, { disableIdentityMap: true });
    expect(imported.map((e) => e.address).sort()).toEqual([`${street(1)}\n华信大厦A座1201`, `${street(3)}, 2单元 "东门"`].sort());
  });
  it('health: adds hospitals\' encounters to existing records by facility and encounter number, following new chronic conditions', async () => {
    const db = await env.open(health);
    const em = db.orm.em.fork();
    const hospital = await em.findOneOrFail(HealthFacility, { type: 'HOSPITAL' }, { orderBy: { code: 'asc' }, disableIdentityMap: true });
    const centre = await em.findOneOrFail(HealthFacility, { type: 'COMMUNITY_HEALTH_CENTRE' }, { orderBy: { code: 'asc' }, disableIdentityMap: true });
    const followsHypertension = new Set((await em.find(ChronicCondition, { code: 'I10' }, { disableIdentityMap: true })).map((c) => c.recordId));
    const records = (await em.find(HealthRecord, {}, { orderBy: { id: 'asc' }, limit: 20, disableIdentityMap: true })).filter((r) => !followsHypertension.has(r.id));
    const [a, b] = records;
    const line = (facility: string, number: string, personId: string, changes: Record<string, unknown> = {}) =>
      JSON.stringify({ facilityCode: facility, encounterNumber: number, personId, date: '2025-06-01', type: 'OUTPATIENT', diagnoses: ['J06'], ...changes });
    const file = env.write('encounters.ndjson', [
      line(hospital!.code, 'MZ2025000001', a!.personId), // 1
      line(hospital!.code, 'ZY2025000002', a!.personId, { type: 'INPATIENT', date: '2025-06-03', diagnoses: ['I10', 'E11.9'] }), // 2
      line(hospital!.code, 'MZ2025000003', b!.personId, { diagnoses: 'J20;R05' }), // 3: codes as a string
      line(centre!.code, 'MZ2025000001', b!.personId, { type: 'EMERGENCY' }), // 4: the same number at another facility
      line(hospital!.code, 'MZ2025000005', a!.personId, { diagnoses: ['X99'] }), // 5
      line(hospital!.code.replace(/\d\d$/, '99'), 'MZ2025000006', a!.personId), // 6: no such facility
      line(hospital!.code, 'MZ2025000007', 'PNORECORD1'), // 7: a person without a record
      line(hospital!.code, 'MZ2025000008', a!.personId, { date: '2099-01-01' }), // 8
      line(hospital!.code, 'MZ2025000009', a!.personId, { type: 'HOME' }), // 9
      line(hospital!.code, 'MZ2025000010', a!.personId, { diagnoses: [] }), // 10
      line(hospital!.code, 'MZ2025000001', b!.personId), // 11: repeats line 1's facility and number
      '{"facilityCode": "460106H01",', // 12
      line(hospital!.code, 'MZ 2025', a!.personId), // 13
    ]);
    const before = await counts(db, health.entities);
    await importTwice(db, healthImporter, file, {
      lines: 13,
      imported: 4,
      rejected: {
        5: /^diagnoses\[0\]: ICD-10 category X99 is not on the province's list/,
        6: /^facilityCode: no health facility has the code \d{6}H99/,
        7: /^personId: person PNORECORD1 has no health record/,
        8: /^date: 2099-01-01 is in the future/,
        9: /^type: one of OUTPATIENT, INPATIENT, EMERGENCY/,
        10: /^diagnoses: give at least one diagnosis/,
        11: /^naturalKey ".*\/MZ2025000001" appears earlier in the file/,
        12: /not a JSON object/,
        13: /^encounterNumber: /,
      },
    }, () => counts(db, health.entities));
    const after = await counts(db, health.entities);
    expect(after.Encounter).toBe(before.Encounter! + 4);
    expect(after.HealthRecord).toBe(before.HealthRecord);
    const inpatient = await em.findOneOrFail(Encounter, { naturalKey: `${hospital!.code}/ZY2025000002` }, { disableIdentityMap: true });
    expect(inpatient).toMatchObject({ recordId: a!.id, regionCode: a!.regionCode, type: 'INPATIENT', date: '2025-06-03', diagnoses: ['I10', 'E11.9'] });
    expect(await em.findOne(Encounter, { naturalKey: `${hospital!.code}/MZ2025000003` }, { disableIdentityMap: true })).toMatchObject({ recordId: b!.id, diagnoses: ['J20', 'R05'] });
    // Hypertension is followed from the encounter that first diagnosed it.
    expect(await em.findOne(ChronicCondition, { recordId: a!.id, code: 'I10' }, { disableIdentityMap: true })).toMatchObject({ diagnosedOn: '2025-06-03', regionCode: a!.regionCode });
  });

  it('education: records schools\' enrolments by school, person and start year, the grade fitting the school\'s level', async () => {
    const db = await env.open(education);
    const em = db.orm.em.fork();
    const primary = await em.findOneOrFail(School, { level: 'PRIMARY' }, { orderBy: { code: 'asc' }, disableIdentityMap: true });
    const junior = await em.findOneOrFail(School, { level: 'JUNIOR_SECONDARY' }, { orderBy: { code: 'asc' }, disableIdentityMap: true });
    const enrolled = await em.findOneOrFail(Enrolment, { status: 'ENROLLED' }, { orderBy: { id: 'asc' }, disableIdentityMap: true });
    const graduated = await em.findOneOrFail(Enrolment, { status: 'GRADUATED' }, { orderBy: { id: 'asc' }, disableIdentityMap: true });
    const file = env.write('enrolments.csv', [
      educationImporter.columns.join(','),
      csv([primary.code, 'PIMPORT01', 2025, 1, '']), // 2
      csv([primary.code, 'PIMPORT02', 2024, 2, '']), // 3
      csv([junior.code, 'PIMPORT03', 2022, 3, 2025]), // 4: graduated
      csv([primary.code, 'PIMPORT03', 2016, 6, 2022]), // 5: graduated
      csv([primary.code, 'PIMPORT05', 2025, 7, '']), // 6: no grade 7 in a primary school
      csv([`2${primary.regionCode}999`, 'PIMPORT06', 2025, 1, '']), // 7: no such school
      csv([primary.code, 'P-06', 2025, 1, '']), // 8
      csv([primary.code, 'PIMPORT07', 1900, 1, '']), // 9
      csv([junior.code, 'PIMPORT08', 2022, 3, 2020]), // 10: ends before it starts
      csv([enrolled.schoolCode, enrolled.personId, enrolled.startYear + 1, 1, '']), // 11: already enrolled there
      csv([graduated.schoolCode, graduated.personId, graduated.startYear, graduated.grade, graduated.endYear!]), // 12: already recorded
      csv([primary.code, 'PIMPORT02', 2024, 2, '']), // 13: repeats line 3
      csv([primary.code, 'PIMPORT01', 2024, 1, '']), // 14: enrolled there by line 2
      csv([primary.code, 'PIMPORT09', 'next', 1, '']), // 15
    ]);
    await importTwice(db, educationImporter, file, {
      lines: 14,
      imported: 4,
      rejected: {
        6: /^grade: a PRIMARY school teaches grades 1 to 6, not 7/,
        7: new RegExp(`^schoolCode: no school has the code 2${primary.regionCode}999`),
        8: /^personId: a person ID is 1 to 16 letters and digits/,
        9: /^startYear: give the calendar year the school year starts in, from 1950/,
        10: /^endYear: the enrolment started in 2022; it cannot end in 2020/,
        11: new RegExp(`^personId: the person is already enrolled at school ${enrolled.schoolCode} \\(enrolment ${enrolled.id}\\)`),
        12: new RegExp(`^personId: the person's enrolment at school ${graduated.schoolCode} from ${graduated.startYear} is already recorded as enrolment ${graduated.id}`),
        13: /^naturalKey ".*\/PIMPORT02\/2024" appears earlier in the file/,
        14: new RegExp(`^personId: the person is already enrolled at school ${primary.code} by an earlier line`),
        15: /^startYear: "next" is not a number/,
      },
    }, () => counts(db, education.entities));
    const imported = await em.find(Enrolment, { personId: { $in: ['PIMPORT01', 'PIMPORT02', 'PIMPORT03'] } }, { disableIdentityMap: true });
    expect(imported.map((e) => [e.naturalKey, e.regionCode, e.grade, e.status, e.endYear, e.activeSchoolCode]).sort(byFirst)).toEqual([
      [`${primary.code}/PIMPORT01/2025`, primary.regionCode, 1, 'ENROLLED', null, primary.code],
      [`${primary.code}/PIMPORT02/2024`, primary.regionCode, 2, 'ENROLLED', null, primary.code],
      [`${primary.code}/PIMPORT03/2016`, primary.regionCode, 6, 'GRADUATED', 2022, null],
      [`${junior.code}/PIMPORT03/2022`, junior.regionCode, 3, 'GRADUATED', 2025, null],
    ]);
  });

  it('housing: registers properties by certificate number under the register\'s rules, with their owners', async () => {
    const db = await env.open(housing);
    const em = db.orm.em.fork();
    const seeded = (await em.find(Property, {}, { orderBy: { id: 'asc' }, limit: 1, disableIdentityMap: true }))[0]!;
    const region = seeded.regionCode;
    const elsewhere = await em.findOneOrFail(Property, { cityCode: { $ne: seeded.cityCode } }, { orderBy: { id: 'asc' }, disableIdentityMap: true });
    const certificate = (n: number, year = 2024, regionCode = region) => makeCertificateNumber(year, regionCode, 9990000 + n);
    const enterpriseOwner = makeUscc(2 ** 33, region);
    const row = (n: number, changes: Partial<Record<string, string | number>> = {}) =>
      csv(Object.values({
        certificateNumber: certificate(n), regionCode: region, address: `${hainanFullName(region)}椰海大道${n}号`, lon: seeded.lon, lat: seeded.lat,
        floorArea: 89.5, usage: 'RESIDENTIAL', registeredOn: '2024-03-01', owners: `PIMPORT${n}A:0.5;PIMPORT${n}B:0.5`, ...changes,
      }));
    const file = env.write('properties.csv', [
      housingImporter.columns.join(','),
      row(1), // 2
      row(2, { owners: 'PIMPORT2A' }), // 3: a sole owner
      row(3, { owners: `${enterpriseOwner}:0.3;PIMPORT3A:0.7`, usage: 'COMMERCIAL', floorArea: 1200.25 }), // 4
      row(4, { certificateNumber: certificate(4).replace('(', '（').replace(')', '）') }), // 5: full-width brackets
      row(5, { certificateNumber: certificate(5, 2024, elsewhere.regionCode) }), // 6: another office's certificate
      row(6, { owners: 'PIMPORT6A:0.5;PIMPORT6B:0.4' }), // 7
      row(7, { lon: elsewhere.lon, lat: elsewhere.lat }), // 8: a point in another region
      row(8, { certificateNumber: certificate(8, 2016), registeredOn: '2020-01-01' }), // 9
      row(9, { usage: 'FARM' }), // 10
      row(10, { owners: 'PIMPORT10A:half' }), // 11
      row(1, { certificateNumber: certificate(1).replace('(', '（').replace(')', '）') }), // 12: line 2's certificate
      row(12, { floorArea: -5 }), // 13
      row(13, { owners: `${enterpriseOwner.slice(0, 17)}${enterpriseOwner[17] === '0' ? '1' : '0'}:1` }), // 14
    ]);
    const before = await counts(db, housing.entities);
    await importTwice(db, housingImporter, file, {
      lines: 13,
      imported: 4,
      rejected: {
        6: /^certificateNumber: a property in region \d{6} is registered by .+, not /,
        7: /^owners: the shares add up to 0\.9; they must add up to 1/,
        8: /^lon,lat: the point lies in region \d{6}, not in region/,
        9: /^certificateNumber: the certificate is of 2016, before the registration on 2020-01-01/,
        10: /^usage: one of RESIDENTIAL, COMMERCIAL, OFFICE, INDUSTRIAL/,
        11: /^owners: "PIMPORT10A:half" is not <owner>:<share>/,
        12: /^certificateNumber ".*" appears earlier in the file/,
        13: /^floorArea: the floor area in square metres must be above 0/,
        14: /^owners\[0\]\.uscc: The check character/,
      },
    }, () => counts(db, housing.entities));
    const after = await counts(db, housing.entities);
    expect(after.Property).toBe(before.Property! + 4);
    expect(after.PropertyOwner).toBe(before.PropertyOwner! + 2 + 1 + 2 + 2);
    // Stored in the register's form, with half-width brackets.
    const fourth = await em.findOneOrFail(Property, { certificateNumber: certificate(4) }, { disableIdentityMap: true });
    expect(fourth).toMatchObject({ regionCode: region, cityCode: seeded.cityCode, lon: seeded.lon, lat: seeded.lat, floorArea: 89.5, registeredOn: '2024-03-01' });
    const commercial = await em.findOneOrFail(Property, { certificateNumber: certificate(3) }, { disableIdentityMap: true });
    const owners = await em.find(PropertyOwner, { propertyId: commercial.id }, { orderBy: { share: 'asc' }, disableIdentityMap: true });
    expect(owners.map((o) => [o.kind, o.ownerId, o.share, o.regionCode])).toEqual([
      ['ENTERPRISE', enterpriseOwner, 0.3, region],
      ['PERSON', 'PIMPORT3A', 0.7, region],
    ]);
  });

  it('credit: records authorities\' penalty decisions by authority and decision number, and rates the profiles again', async () => {
    const db = await env.open(credit);
    const em = db.orm.em.fork();
    const [personA, personB] = await em.find(CreditProfile, { subjectKind: 'PERSON', penaltyCount: 0, onDishonestList: false }, { orderBy: { id: 'asc' }, limit: 2, disableIdentityMap: true });
    const firm = await em.findOneOrFail(CreditProfile, { subjectKind: 'ENTERPRISE' }, { orderBy: { id: 'asc' }, disableIdentityMap: true });
    const market = '海口市市场监督管理局';
    const tax = '国家税务总局海口市税务局';
    const row = (authority: string, number: string, changes: Partial<Record<string, string | number>> = {}) =>
      csv(Object.values({ authority, decisionNumber: number, personId: personA!.personId!, uscc: '', date: '2025-03-01', reason: '虚假宣传', amount: 5000, ...changes }));
    const file = env.write('penalties.csv', [
      creditImporter.columns.join(','),
      row(market, '琼市监罚〔2025〕1号'), // 2
      row(market, '琼市监罚〔2025〕2号', { amount: '' }), // 3: a warning without a fine
      row(tax, '琼市监罚〔2025〕1号', { personId: personB!.personId!, reason: '逾期未申报纳税', amount: 2000 }), // 4: another authority's number 1
      row(market, '琼市监罚〔2025〕3号', { personId: '', uscc: firm.uscc!, date: '2025-04-01', reason: '销售不符合食品安全标准的食品', amount: 120000.5 }), // 5
      row(market, '琼市监罚〔2025〕4号', { uscc: firm.uscc! }), // 6: two subjects
      row(market, '琼市监罚〔2025〕5号', { personId: 'PNOPROFILE1' }), // 7
      row(market, '琼市监罚〔2025〕6号', { amount: -5 }), // 8
      row(market, '琼市监罚〔2025〕7号', { date: '2099-01-01' }), // 9
      row(market, '琼市监罚〔2025〕8号', { reason: '' }), // 10
      row(market, ''), // 11: no decision number
      row(market, '琼市监罚〔2025〕9号', { personId: '', uscc: 'BADUSCC' }), // 12
      row(market, '琼市监罚〔2025〕2号', { amount: 300 }), // 13: repeats line 3's decision
      row(market, '琼市监罚〔2025〕10号', { date: '2025-02-30' }), // 14
    ]);
    const profiles = () => em.find(CreditProfile, { id: { $in: [personA!.id, personB!.id, firm.id] } }, { orderBy: { id: 'asc' }, disableIdentityMap: true });
    const before = await counts(db, credit.entities);
    await importTwice(db, creditImporter, file, {
      lines: 13,
      imported: 4,
      rejected: {
        6: /^personId\/uscc: give exactly one of personId and uscc/,
        7: /^personId: the credit centre has no profile of person PNOPROFILE1/,
        8: /^amount: an amount must be above 0 yuan/,
        9: /^date: 2099-01-01 is in the future/,
        10: /^reason: a PENALTY event needs it/,
        11: /^decisionNumber: /,
        12: /^uscc: A unified social credit code has 18 characters/,
        13: new RegExp(`^naturalKey "${market}/琼市监罚〔2025〕2号" appears earlier in the file`),
        14: /^date: a calendar date written YYYY-MM-DD/,
      },
    }, async () => [await counts(db, credit.entities), await profiles()]);
    expect((await counts(db, credit.entities)).AdministrativePenalty).toBe(before.AdministrativePenalty! + 4);
    const penalties = await em.find(AdministrativePenalty, { naturalKey: { $ne: null } }, { disableIdentityMap: true });
    expect(penalties.map((p) => [p.naturalKey, p.profileId, p.regionCode, p.amount]).sort(byFirst)).toEqual([
      [`${tax}/琼市监罚〔2025〕1号`, personB!.id, personB!.regionCode, 2000],
      [`${market}/琼市监罚〔2025〕1号`, personA!.id, personA!.regionCode, 5000],
      [`${market}/琼市监罚〔2025〕2号`, personA!.id, personA!.regionCode, null],
      [`${market}/琼市监罚〔2025〕3号`, firm.id, firm.regionCode, 120000.5],
    ].sort(byFirst));
    // Each profile counts its new penalties, is rated from its facts again, and has moved one version.
    for (const [was, added] of [[personA!, 2], [personB!, 1], [firm, 1]] as const) {
      const now = await em.findOneOrFail(CreditProfile, { id: was.id }, { disableIdentityMap: true });
      const { score, rating } = rateCredit(creditFacts({ ...was, penaltyCount: was.penaltyCount + added }));
      expect(now).toMatchObject({ penaltyCount: was.penaltyCount + added, score, rating, version: was.version + 1 });
    }
  });
});
