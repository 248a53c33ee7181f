/**
 * Real-estate register rows from the synthetic world. About two households in three own their home (some a second
 * property too), owned by the head, and jointly half and half with the spouse when married; some enterprises own
 * shops, offices or workshops. Homes were bought from developers (enterprises of the chunk) or second hand from
 * another household's head, at Hainan prices of the day, often with a mortgage.
 *
 * Every household draws from its own stream keyed by its ID. The chunk does not carry the world seed, but the
 * household ID is a one-to-one function of (seed, household index), so the stream is as deterministic and as
 * independent of other domains as rngFor(seed, 'housing', index) would be.
 */
import { cityCodeOf } from '../kit/region-codes';
import type { DomainSeed } from '../kit/subgraph';
import type { WorldEnterprise } from '../kit/world/enterprises';
import { randomPointIn } from '../kit/world/geometry';
import { hainanFullName } from '../kit/world/hainan';
import { opaqueId, rngFor, type Rng } from '../kit/world/rng';
import type { WorldChunk, WorldHousehold, WorldPerson } from '../kit/world/world';
import {
  Property,
  PropertyMortgage,
  PropertyOwner,
  PropertyTransfer,
  type PropertyMortgageRow,
  type PropertyOwnerRow,
  type PropertyRow,
  type PropertyTransferRow,
  type TransferParty,
} from './entities';
import { FIRST_CERTIFICATE_YEAR, makeCertificateNumber, MORTGAGE_ID_PREFIX, PROPERTY_ID_PREFIX, TRANSFER_ID_PREFIX } from './registration';

/** The world's reference date: nothing is registered on or after it. */
const WORLD_TODAY = '2026-01-01';
const LAST_DAY = '2025-12-31';
/** Commercial housing was sold on the market from the housing reform of the 1990s. */
const MARKET_FROM = '1995-01-01';
const DAY_MS = 86_400_000;

/** Chance that a household owns its home, by the head's age; floating households own far less often. */
function homeOwnershipChance(headAge: number, floating: boolean): number {
  const base = headAge < 25 ? 0.3 : headAge < 35 ? 0.65 : 0.76;
  return floating ? base * 0.35 : base;
}
const SECOND_PROPERTY_CHANCE = 0.14;
const RESALE_CHANCE = 0.35;

/** Price per square metre around 2025, yuan: Sanya and Haikou highest, then the eastern tourist coast. */
function pricePerSquareMetre2025(rng: Rng, regionCode: string): number {
  const city = cityCodeOf(regionCode);
  const [lo, hi] =
    city === '460200' ? [22_000, 40_000]
    : city === '460100' ? [12_000, 22_000]
    : ['469028', '469006', '469002'].includes(city) ? [10_000, 18_000]
    : ['469005', '469023', '460400', '469021', '460300'].includes(city) ? [7_000, 12_000]
    : [5_000, 9_000];
  return lo + rng.next() * (hi - lo);
}

/** Hainan's housing price level by year relative to 2025: slow until 2009, the tourism-island boom, 2018's peak. */
const PRICE_INDEX: readonly (readonly [number, number])[] = [
  [1995, 0.12], [2000, 0.11], [2005, 0.17], [2009, 0.3], [2010, 0.45], [2013, 0.55], [2016, 0.62], [2018, 0.95], [2021, 1.05], [2025, 0.95],
];

function priceIndex(date: string): number {
  const t = Number(date.slice(0, 4)) + (Number(date.slice(5, 7)) - 1) / 12;
  if (t <= PRICE_INDEX[0]![0]) return PRICE_INDEX[0]![1];
  for (let i = 1; i < PRICE_INDEX.length; i++) {
    const [y1, v1] = PRICE_INDEX[i]!;
    const [y0, v0] = PRICE_INDEX[i - 1]!;
    if (t <= y1) return v0 + ((v1 - v0) * (t - y0)) / (y1 - y0);
  }
  return PRICE_INDEX[PRICE_INDEX.length - 1]![1];
}

const USAGE_PRICE_FACTOR: Record<string, number> = { RESIDENTIAL: 1, COMMERCIAL: 1.3, OFFICE: 1, INDUSTRIAL: 0.25 };

function priceOf(rng: Rng, regionCode: string, usage: string, floorArea: number, date: string): number {
  const perSquareMetre = pricePerSquareMetre2025(rng, regionCode) * priceIndex(date) * USAGE_PRICE_FACTOR[usage]!;
  return Math.max(1000, Math.round((floorArea * perSquareMetre) / 1000) * 1000);
}

const BANKS = [
  '中国工商银行海南省分行', '中国建设银行海南省分行', '中国农业银行海南省分行', '中国银行海南省分行', '交通银行海南省分行',
  '海南农村商业银行', '海南银行', '招商银行海口分行', '中国邮政储蓄银行海南省分行', '兴业银行海口分行',
];
const ROADS = ['滨海大道', '国兴大道', '海秀东路', '龙昆南路', '三亚湾路', '迎宾路', '解放路', '椰林路', '金盘路', '南海大道', '友谊路', '新华北路'];

const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
const later = (a: string, b: string): string => (a > b ? a : b);

/** A uniformly drawn day between two dates (inclusive); `from` when the range is empty. */
function dayBetween(rng: Rng, from: string, to: string): string {
  const span = daysBetween(from, to);
  return span <= 0 ? from : addDays(from, rng.int(0, span));
}

function ageOn(person: WorldPerson, date: string): number {
  return daysBetween(person.birthDate, date) / 365.2425;
}

/** Log-normal floor area around a median, rounded to 0.01 m². */
function floorAreaOf(rng: Rng, median: number, min: number, max: number): number {
  const area = Math.exp(rng.normal(Math.log(median), 0.35));
  return Math.round(Math.min(max, Math.max(min, area)) * 100) / 100;
}

/** Where a property of an enterprise is used for, by the enterprise's industry (GB/T 4754 division). */
function usageOfIndustry(industryCode: string): string {
  if (/^(A|C|E|G)/.test(industryCode)) return 'INDUSTRIAL';
  if (/^(I|K|L|M|N)/.test(industryCode)) return 'OFFICE';
  return 'COMMERCIAL';
}

const isDeveloper = (e: WorldEnterprise) => e.industryCode === 'K70' || e.industryCode === 'E47';

/** Rows of one chunk, gathered as properties are made. */
class Register {
  readonly properties: PropertyRow[] = [];
  readonly owners: PropertyOwnerRow[] = [];
  readonly transfers: PropertyTransferRow[] = [];
  readonly mortgages: PropertyMortgageRow[] = [];
  private readonly developers: WorldEnterprise[];

  constructor(readonly chunk: WorldChunk) {
    this.developers = chunk.enterprises.filter(isDeveloper);
  }

  /**
   * A property bought by `owners` on `boughtOn`: from a developer of the chunk, or second hand from another
   * household's head who bought it from a developer before. Its first registration precedes the first sale.
   */
  add(rng: Rng, index: number, p: { regionCode: string; address: string; location: [number, number]; floorArea: number; usage: string }, owners: TransferParty[], boughtOn: string, seller?: WorldPerson): void {
    const id = opaqueId(PROPERTY_ID_PREFIX, 0, index);
    const developers = this.developers.filter((e) => !owners.some((o) => o.ownerId === e.uscc));
    const developer = developers.length > 0 ? rng.pick(developers) : null;
    const sales: { date: string; from: TransferParty[]; to: TransferParty[] }[] = [];
    if (seller) {
      const firstSale = dayBetween(rng, later(MARKET_FROM, addDays(seller.birthDate, 22 * 366)), addDays(boughtOn, -365));
      const sellerParty: TransferParty[] = [{ kind: 'PERSON', ownerId: seller.id, share: 1 }];
      if (developer) sales.push({ date: firstSale, from: [{ kind: 'ENTERPRISE', ownerId: developer.uscc, share: 1 }], to: sellerParty });
      sales.push({ date: boughtOn, from: sellerParty, to: owners });
    } else if (developer) {
      sales.push({ date: boughtOn, from: [{ kind: 'ENTERPRISE', ownerId: developer.uscc, share: 1 }], to: owners });
    }
    // Built and first registered by the developer before it sold; without a sale, registered by the owners themselves.
    const registeredOn = sales.length > 0 ? later('1990-01-01', addDays(sales[0]!.date, -rng.int(30, 900))) : boughtOn;
    sales.forEach((sale, j) => {
      this.transfers.push({
        id: opaqueId(TRANSFER_ID_PREFIX, 0, index * 4 + j),
        propertyId: id,
        sequence: j + 1,
        date: sale.date,
        price: priceOf(rng, p.regionCode, p.usage, p.floorArea, sale.date),
        fromOwners: JSON.stringify(sale.from),
        toOwners: JSON.stringify(sale.to),
        regionCode: p.regionCode,
      });
    });
    // Certificates of the unified register: issued at the last registration, or on conversion after 2015.
    const lastRegistration = sales.length > 0 ? sales[sales.length - 1]!.date : registeredOn;
    const year = Number(lastRegistration.slice(0, 4)) >= FIRST_CERTIFICATE_YEAR ? Number(lastRegistration.slice(0, 4)) : rng.int(FIRST_CERTIFICATE_YEAR, 2025);
    // A permutation of the property index modulo 10^7: unique serials that do not count up visibly.
    const serial = (index * 7_919_113 + 1_234_567) % 10_000_000;
    this.properties.push({
      id,
      certificateNumber: makeCertificateNumber(year, p.regionCode, serial),
      address: p.address,
      regionCode: p.regionCode,
      cityCode: cityCodeOf(p.regionCode),
      lon: p.location[0],
      lat: p.location[1],
      floorArea: p.floorArea,
      usage: p.usage,
      registeredOn,
      version: 1,
    });
    for (const o of owners) this.owners.push({ propertyId: id, regionCode: p.regionCode, ...o });
    this.mortgage(rng, index, id, p.regionCode, boughtOn, sales.length > 0 ? this.transfers[this.transfers.length - 1]!.price : null);
  }

  /** Most buyers since the 2000s borrowed: a mortgage registered with the purchase, repaid over 10 to 30 years. */
  private mortgage(rng: Rng, index: number, propertyId: string, regionCode: string, boughtOn: string, price: number | null): void {
    if (price === null || boughtOn < '1999-01-01' || !rng.chance(boughtOn < '2008-01-01' ? 0.35 : 0.55)) return;
    const registeredOn = addDays(boughtOn, rng.int(0, Math.min(20, daysBetween(boughtOn, LAST_DAY))));
    const ends = addDays(registeredOn, rng.int(10, 30) * 365);
    let releasedOn: string | null = null;
    if (ends <= LAST_DAY) releasedOn = ends;
    else if (rng.chance(0.2) && daysBetween(registeredOn, LAST_DAY) > 400) releasedOn = dayBetween(rng, addDays(registeredOn, 365), LAST_DAY);
    this.mortgages.push({
      id: opaqueId(MORTGAGE_ID_PREFIX, 0, index),
      propertyId,
      bank: rng.pick(BANKS),
      amount: Math.round((price * (0.3 + rng.next() * 0.4)) / 1000) * 1000,
      registeredOn,
      releasedOn,
      regionCode,
      version: 1,
    });
  }
}

/** Who holds a household's title: the living head, jointly half and half with a living spouse when married. */
function titleHolders(household: WorldHousehold): WorldPerson[] {
  const head = household.members[0];
  if (!head || head.status !== 'LIVING') return [];
  const spouse = household.members.find((m) => m.relationship === 'SPOUSE' && m.status === 'LIVING');
  return head.maritalStatus === 'MARRIED' && spouse ? [head, spouse] : [head];
}

/** A synthetic address of a second property in the region: a flat in a residential block. */
function flatAddress(rng: Rng, regionCode: string): string {
  return `${hainanFullName(regionCode)}${rng.pick(ROADS)}${rng.int(1, 400)}号${rng.int(1, 30)}栋${rng.int(1, 4)}单元${rng.int(1, 30)}${String(rng.int(1, 6)).padStart(2, '0')}`;
}

/** Regions where Hainan households buy a second home: mostly their own, else the coast. */
function secondHomeRegion(rng: Rng, own: string): string {
  return rng.weighted([[own, 55], ['460203', 10], ['460204', 8], ['460106', 7], ['460108', 7], ['469028', 5], ['469006', 4], ['469002', 4]] as const);
}

function householdProperties(register: Register, household: WorldHousehold): void {
  const rng = rngFor(0, 'housing', household.id);
  const holders = titleHolders(household);
  const head = household.members[0];
  if (!head || holders.length === 0) return;
  if (!rng.chance(homeOwnershipChance(ageOn(head, WORLD_TODAY), head.floating))) return;
  // Buyers are grown up: from their 22nd birthday (or the start of the market).
  const adultFrom = later(MARKET_FROM, addDays(head.birthDate, 22 * 366));
  if (adultFrom > LAST_DAY) return;
  const owners: TransferParty[] = holders.map((p) => ({ kind: 'PERSON', ownerId: p.id, share: 1 / holders.length }));
  const count = rng.chance(SECOND_PROPERTY_CHANCE) ? 2 : 1;
  for (let k = 0; k < count; k++) {
    const boughtOn = dayBetween(rng, adultFrom, LAST_DAY);
    const home = k === 0;
    const regionCode = home ? household.regionCode : secondHomeRegion(rng, household.regionCode);
    const usage = home || rng.chance(0.8) ? 'RESIDENTIAL' : 'COMMERCIAL';
    // A resale needs a seller who could have bought it at least a year before.
    const other = rng.pick(register.chunk.households);
    const seller = other !== household && other.members[0] && boughtOn >= '1997-01-01' && rng.chance(RESALE_CHANCE) && addDays(other.members[0].birthDate, 23 * 366) < addDays(boughtOn, -365) ? other.members[0] : undefined;
    register.add(
      rng,
      household.index * 4 + k,
      {
        regionCode,
        // The home is the household's registered address point; a second property lies elsewhere in its region.
        address: home ? household.address : flatAddress(rng, regionCode),
        location: home ? household.location : randomPointIn(rng, regionCode),
        floorArea: usage === 'RESIDENTIAL' ? floorAreaOf(rng, 90, 30, 300) : floorAreaOf(rng, 60, 15, 500),
        usage,
      },
      owners,
      boughtOn,
      seller,
    );
  }
}

function enterpriseProperty(register: Register, enterprise: WorldEnterprise): void {
  const rng = rngFor(0, 'housing', 'enterprise', enterprise.uscc);
  if (enterprise.status !== 'ACTIVE' || !rng.chance(enterprise.type === 'INDIVIDUAL_BUSINESS' ? 0.08 : 0.22)) return;
  const from = later(MARKET_FROM, enterprise.establishedOn);
  if (from > LAST_DAY) return;
  const usage = usageOfIndustry(enterprise.industryCode);
  const median = usage === 'INDUSTRIAL' ? 800 : usage === 'OFFICE' ? 200 : 120;
  const household = Math.floor(enterprise.index / 2);
  register.add(
    rng,
    household * 4 + 2 + (enterprise.index % 2),
    { regionCode: enterprise.regionCode, address: enterprise.address, location: enterprise.location, floorArea: floorAreaOf(rng, median, 20, 20_000), usage },
    [{ kind: 'ENTERPRISE', ownerId: enterprise.uscc, share: 1 }],
    dayBetween(rng, from, LAST_DAY),
  );
}

export function housingRows(chunk: WorldChunk) {
  const register = new Register(chunk);
  for (const household of chunk.households) householdProperties(register, household);
  for (const enterprise of chunk.enterprises) enterpriseProperty(register, enterprise);
  return [
    [Property, register.properties],
    [PropertyOwner, register.owners],
    [PropertyTransfer, register.transfers],
    [PropertyMortgage, register.mortgages],
  ] as const;
}

export const seed: DomainSeed = { fromChunk: housingRows };
