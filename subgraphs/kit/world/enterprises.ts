/**
 * Synthetic enterprises of the legal-person basic information database, derived household by household from the
 * world (its own random stream, so persons are unchanged): an adult member may run an enterprise registered in
 * the household's region, as legal representative and main shareholder.
 */
import { hainanFullName } from './hainan';
import { randomPointIn } from './geometry';
import { rngFor, type Rng } from './rng';
import { makeUscc } from './uscc';
import type { WorldHousehold } from './world';

export type EnterpriseType = 'LIMITED_LIABILITY' | 'JOINT_STOCK' | 'SOLE_PROPRIETORSHIP' | 'PARTNERSHIP' | 'INDIVIDUAL_BUSINESS';
export type EnterpriseStatus = 'ACTIVE' | 'REVOKED' | 'CANCELLED';
export type TaxGrade = 'A' | 'B' | 'M' | 'C' | 'D';

export interface WorldShareholder {
  kind: 'PERSON' | 'ENTERPRISE';
  /** A person ID or a unified social credit code. */
  id: string;
  /** Share of the registered capital, 0-1; the shares of an enterprise add up to 1. */
  share: number;
}

export interface WorldEnterprise {
  index: number;
  uscc: string;
  name: string;
  type: EnterpriseType;
  /** GB/T 4754-2017 division code, e.g. "I65". */
  industryCode: string;
  industryName: string;
  /** Registered capital in yuan. */
  registeredCapital: number;
  establishedOn: string;
  status: EnterpriseStatus;
  statusDate: string | null;
  regionCode: string;
  address: string;
  location: [number, number];
  legalRepresentativeId: string;
  shareholders: WorldShareholder[];
  taxGrade: TaxGrade;
  /** Employees insured by social insurance. */
  insuredHeadcount: number;
}

/** Industries of Hainan's economy (GB/T 4754-2017 divisions), weighted: tourism, trade, services, agriculture. */
const INDUSTRIES: readonly (readonly [string, string, number])[] = [
  ['A01', '农业', 8], ['A04', '渔业', 4], ['C13', '农副食品加工业', 3], ['E47', '房屋建筑业', 5],
  ['F51', '批发业', 12], ['F52', '零售业', 18], ['G54', '道路运输业', 4], ['H61', '住宿业', 8],
  ['H62', '餐饮业', 12], ['I64', '互联网和相关服务', 3], ['I65', '软件和信息技术服务业', 4],
  ['K70', '房地产业', 4], ['L72', '商务服务业', 7], ['M75', '科技推广和应用服务业', 2],
  ['N78', '公共设施管理业', 1], ['O80', '居民服务业', 4], ['R88', '文化艺术业', 1],
];
const INDUSTRY_WEIGHT = INDUSTRIES.reduce((s, i) => s + i[2], 0);

const TYPES: readonly (readonly [EnterpriseType, number])[] = [
  ['LIMITED_LIABILITY', 0.5], ['INDIVIDUAL_BUSINESS', 0.38], ['SOLE_PROPRIETORSHIP', 0.06], ['PARTNERSHIP', 0.04], ['JOINT_STOCK', 0.02],
];
const NAME_WORDS = ['椰林', '南海', '琼州', '海港', '鹿城', '椰风', '万泉', '五指山', '天涯', '博鳌', '蓝湾', '金沙', '长丰', '鸿运', '绿洲', '星海'];
const SUFFIX: Record<EnterpriseType, string> = {
  LIMITED_LIABILITY: '有限公司', JOINT_STOCK: '股份有限公司', SOLE_PROPRIETORSHIP: '个人独资企业', PARTNERSHIP: '合伙企业（有限合伙）', INDIVIDUAL_BUSINESS: '个体工商户',
};
const TAX_GRADES: readonly (readonly [TaxGrade, number])[] = [['A', 0.18], ['B', 0.5], ['M', 0.22], ['C', 0.07], ['D', 0.03]];

/** Share of households with an adult member who runs an enterprise: about 200,000 per million persons. */
const ENTERPRISE_CHANCE = 0.55;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function industry(rng: Rng): readonly [string, string, number] {
  let x = rng.next() * INDUSTRY_WEIGHT;
  for (const i of INDUSTRIES) if ((x -= i[2]) < 0) return i;
  return INDUSTRIES[INDUSTRIES.length - 1]!;
}

/**
 * The enterprises of one household, deterministic for (seed, household). `earlier` are enterprises generated
 * before in the same chunk, which may hold shares (corporate shareholders). Indexes are household.index * 2 + k.
 */
export function enterprisesOf(seed: number, household: WorldHousehold, earlier: readonly WorldEnterprise[], today = '2026-01-01'): WorldEnterprise[] {
  const rng = rngFor(seed, 'enterprise', household.index);
  const todayYear = Number(today.slice(0, 4));
  const adults = household.members.filter((m) => m.status === 'LIVING' && todayYear - Number(m.birthDate.slice(0, 4)) >= 20);
  if (adults.length === 0 || !rng.chance(ENTERPRISE_CHANCE)) return [];
  const count = rng.chance(0.08) ? 2 : 1;
  const out: WorldEnterprise[] = [];
  for (let k = 0; k < count; k++) {
    const rep = rng.pick(adults);
    const type = rng.weighted(TYPES);
    const [industryCode, industryName] = industry(rng);
    // Not before the representative's twentieth birthday, nor before Hainan became a province (1988-04-13).
    const twenty = addDays(rep.birthDate, Math.round(20 * 365.25));
    const adultAt = twenty > '1988-04-13' ? twenty : '1988-04-13';
    const span = Math.max(1, Math.floor((Date.parse(today) - Date.parse(adultAt)) / 86_400_000) - 30);
    const establishedOn = addDays(adultAt, Math.floor(rng.next() * Math.min(span, 35 * 365)));
    const roll = rng.next();
    const status: EnterpriseStatus = roll < 0.03 ? 'REVOKED' : roll < 0.09 ? 'CANCELLED' : 'ACTIVE';
    const lived = Math.max(1, Math.floor((Date.parse(today) - Date.parse(establishedOn)) / 86_400_000) - 1);
    const statusDate = status === 'ACTIVE' ? null : addDays(establishedOn, 1 + Math.floor(rng.next() * lived));
    const small = type === 'INDIVIDUAL_BUSINESS' || type === 'SOLE_PROPRIETORSHIP';
    const registeredCapital = Math.round(Math.exp(rng.normal(small ? 11 : 13.5, 1.2)) / 1000) * 1000 || 10_000;
    const insuredHeadcount = status === 'ACTIVE' ? Math.max(0, Math.round(Math.exp(rng.normal(small ? 0.7 : 2.3, 1.1)) - 1)) : 0;
    const index = household.index * 2 + k;
    const shareholders: WorldShareholder[] = [];
    if (small) {
      shareholders.push({ kind: 'PERSON', id: rep.id, share: 1 });
    } else {
      const partners = adults.filter((a) => a.id !== rep.id);
      const partner = partners.length > 0 && rng.chance(0.4) ? rng.pick(partners) : null;
      const corporate = earlier.length > 0 && rng.chance(0.15) ? rng.pick(earlier) : null;
      const repShare = partner || corporate ? Math.round((0.4 + rng.next() * 0.4) * 100) / 100 : 1;
      shareholders.push({ kind: 'PERSON', id: rep.id, share: repShare });
      const rest = Math.round((1 - repShare) * 100) / 100;
      if (partner && corporate) {
        const half = Math.round((rest / 2) * 100) / 100;
        shareholders.push({ kind: 'PERSON', id: partner.id, share: half }, { kind: 'ENTERPRISE', id: corporate.uscc, share: Math.round((rest - half) * 100) / 100 });
      } else if (partner) shareholders.push({ kind: 'PERSON', id: partner.id, share: rest });
      else if (corporate) shareholders.push({ kind: 'ENTERPRISE', id: corporate.uscc, share: rest });
    }
    const regionName = hainanFullName(household.regionCode) ?? '海南省';
    out.push({
      index,
      uscc: makeUscc(index, household.regionCode, type === 'INDIVIDUAL_BUSINESS' ? '2' : '1'),
      name: `${regionName.replace(/^海南省/, '')}${rng.pick(NAME_WORDS)}${industryName.replace(/业$|和相关服务$/, '')}${SUFFIX[type]}`,
      type,
      industryCode,
      industryName,
      registeredCapital,
      establishedOn,
      status,
      statusDate,
      regionCode: household.regionCode,
      address: `${regionName}${rng.pick(['滨海大道', '国兴大道', '解放路', '海秀路', '迎宾路', '三亚湾路', '人民大道', '南海大道'])}${rng.int(1, 400)}号`,
      location: randomPointIn(rng, household.regionCode),
      legalRepresentativeId: rep.id,
      shareholders,
      taxGrade: rng.weighted(TAX_GRADES),
      insuredHeadcount,
    });
  }
  return out;
}
