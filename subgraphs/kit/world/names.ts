// Synthetic Chinese names and ethnicities. Names are random combinations of common characters, so
// any resemblance to a real person is coincidental; they only need to look plausible for Hainan.

import type { Rng } from './rng';
import type { Gender } from './world';

type Weighted<T> = readonly (readonly [T, number])[];

// Relative frequencies loosely follow Hainan's surname distribution (王 陈 林 李 吴 符 lead; 符 邢 云
// 羊 are characteristically Hainanese).
export const HAINAN_SURNAMES: Weighted<string> = [
  ['王', 100], ['陈', 95], ['林', 70], ['李', 55], ['吴', 50], ['符', 45], ['黄', 40], ['张', 35], ['周', 25],
  ['郑', 22], ['邢', 20], ['云', 15], ['冯', 15], ['梁', 15], ['何', 14], ['刘', 14], ['蔡', 13], ['许', 12],
  ['羊', 10], ['潘', 10], ['杨', 10], ['曾', 9], ['叶', 9], ['韩', 9], ['邓', 8], ['谢', 8], ['卢', 8],
  ['唐', 7], ['詹', 7], ['洪', 7], ['朱', 7], ['钟', 6], ['罗', 6], ['莫', 6], ['麦', 6], ['苏', 5],
  ['庞', 5], ['文', 5], ['欧', 5], ['孙', 5], ['赵', 5], ['徐', 5], ['胡', 5], ['龙', 4], ['邱', 4],
  ['高', 4], ['郭', 4], ['严', 3], ['钱', 3], ['范', 3],
];

// Among the Li, 符 and 王 dominate, followed by 黎 陈 吉 and others.
export const LI_SURNAMES: Weighted<string> = [
  ['符', 100], ['王', 80], ['黎', 35], ['陈', 30], ['吉', 20], ['胡', 15], ['刘', 12], ['董', 12], ['林', 10],
  ['卢', 10], ['邢', 8], ['李', 8], ['黄', 6], ['容', 5], ['高', 5], ['杨', 5], ['罗', 4], ['文', 4],
];

// Given-name characters with gendered tendencies; NEUTRAL is mixed in for both.
const MALE_CHARS = '伟强军杰涛明斌辉俊浩宇鹏志勇海峰磊超建华国平东成龙刚飞亮森健博晨昊泽轩宏波彬鑫坤锋帆航凯川铭德荣兴旭翔';
const FEMALE_CHARS = '芳娜敏静丽艳娟霞燕玲婷雪慧琳颖洁萍红梅兰欣怡悦诗雅琪晶媛月蓉秀珊佳倩妍薇岚莉菲丹蕾露瑶琼桂英凤';
const NEUTRAL_CHARS = '文明春晓玉金小清新子一思嘉安宁诚信永家世少天云丰福冬秋梓若';

function pickChar(rng: Rng, gender: Gender): string {
  const pool = rng.chance(0.2) ? NEUTRAL_CHARS : gender === 'MALE' ? MALE_CHARS : FEMALE_CHARS;
  return pool.charAt(Math.floor(rng.next() * pool.length));
}

// Cumulative tables so picking a surname is a binary search rather than a scan.
function cumulative<T>(items: Weighted<T>): { items: T[]; cum: Float64Array } {
  const cum = new Float64Array(items.length);
  let total = 0;
  items.forEach(([, w], i) => {
    total += w;
    cum[i] = total;
  });
  return { items: items.map(([item]) => item), cum };
}

function pickCumulative<T>(rng: Rng, table: { items: T[]; cum: Float64Array }): T {
  const r = rng.next() * table.cum[table.cum.length - 1]!;
  let lo = 0;
  let hi = table.cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (table.cum[mid]! > r) hi = mid;
    else lo = mid + 1;
  }
  return table.items[lo]!;
}

const HAN_TABLE = cumulative(HAINAN_SURNAMES);
const LI_TABLE = cumulative(LI_SURNAMES);

/** A surname typical of Hainan; pass ethnicityCode '19' for the Li distribution. */
export function pickSurname(rng: Rng, ethnicityCode?: string): string {
  return pickCumulative(rng, ethnicityCode === '19' ? LI_TABLE : HAN_TABLE);
}

/** A synthetic full name: the given surname (or a random Hainan one) plus one or two characters. */
export function makeName(rng: Rng, surname: string | undefined, gender: Gender): string {
  const family = surname ?? pickSurname(rng);
  const first = pickChar(rng, gender);
  if (rng.chance(0.3)) return family + first;
  let second = pickChar(rng, gender);
  if (second === first && rng.chance(0.8)) second = pickChar(rng, gender); // reduplicated names (婷婷) exist but are rarer
  return family + first + second;
}

export interface Ethnicity {
  /** GB 3304 two-digit code. */
  code: string;
  name: string;
}

export const ETHNICITIES: readonly Ethnicity[] = Object.freeze(
  (
    [
      ['01', '汉族'], ['02', '蒙古族'], ['03', '回族'], ['04', '藏族'], ['05', '维吾尔族'], ['06', '苗族'], ['07', '彝族'],
      ['08', '壮族'], ['09', '布依族'], ['10', '朝鲜族'], ['11', '满族'], ['12', '侗族'], ['13', '瑶族'], ['14', '白族'],
      ['15', '土家族'], ['19', '黎族'],
    ] as const
  ).map(([code, name]) => Object.freeze({ code, name })),
);

const ETHNICITY_NAMES = new Map(ETHNICITIES.map((e) => [e.code, e.name]));

export function ethnicityName(code: string): string | undefined {
  return ETHNICITY_NAMES.get(code);
}

// Province-wide shares (2020): Han 82.6%, Li 15.8%, Miao 0.9%, others 0.7%. Li varies by region
// (liShare); Miao live mostly in the central mountains; among the others 壮 lead, and Sanya has an
// old Hui community.
const OTHER_ETHNICITIES = cumulative<string>([
  ['08', 45], ['03', 15], ['15', 10], ['12', 6], ['13', 6], ['11', 5], ['02', 3], ['07', 3], ['09', 3], ['10', 2], ['14', 1], ['04', 1],
]);

/**
 * An ethnicity code for a resident of a region with the given Li and Miao shares; `otherShare`
 * covers all remaining minorities. Everyone else is Han.
 */
export function pickEthnicity(rng: Rng, liShare: number, miaoShare: number, otherShare = 0.007): string {
  const r = rng.next();
  if (r < liShare) return '19';
  if (r < liShare + miaoShare) return '06';
  if (r < liShare + miaoShare + otherShare) return pickCumulative(rng, OTHER_ETHNICITIES);
  return '01';
}
