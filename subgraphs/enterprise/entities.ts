/**
 * The legal-person register: enterprises and what is filed about them. References to persons and to other
 * enterprises are plain keys (person IDs, credit codes), never foreign keys.
 */
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { doubleColumn as amount } from '../kit/columns';


export const Enterprise = defineEntity({
  name: 'Enterprise',
  tableName: 'enterprise',
  properties: {
    uscc: p.string().primary().length(18),
    name: p.string().length(100).index(),
    type: p.string().length(20).index(),
    /** GB/T 4754-2017 division, e.g. I65; the section letter first, so a section filters by prefix. */
    industryCode: p.string().length(3).index(),
    registeredCapital: amount(),
    establishedOn: p.string().length(10).index(),
    status: p.string().length(10).index(),
    statusDate: p.string().length(10).nullable(),
    /** County or district of registration. */
    regionCode: p.string().length(6).index(),
    /** Prefecture-level code above it (itself for county-level units under the province); for city-wide filters. */
    cityCode: p.string().length(6).index(),
    address: p.string().length(200),
    lon: amount().nullable(),
    lat: amount().nullable(),
    legalRepresentativeId: p.string().length(16).index(),
    taxRegisteredOn: p.string().length(10),
    taxAuthority: p.string().length(60),
    insuredHeadcount: p.integer(),
    version: p.integer().version(),
  },
});
export type EnterpriseRow = InferEntity<typeof Enterprise>;

/** One investor's share of one enterprise; a person or an enterprise holds it. */
export const Shareholder = defineEntity({
  name: 'Shareholder',
  tableName: 'shareholder',
  properties: {
    /** The invested enterprise's code and the investor's rank in it, e.g. 91460105...-1. */
    id: p.string().primary().length(24),
    uscc: p.string().length(18).index(),
    kind: p.string().length(10),
    /** A person ID or a credit code, by kind. */
    holderId: p.string().length(18).index(),
    share: amount(),
    regionCode: p.string().length(6).index(),
    version: p.integer().version(),
  },
});
export type ShareholderRow = InferEntity<typeof Shareholder>;

export const AnnualReport = defineEntity({
  name: 'AnnualReport',
  tableName: 'annual_report',
  properties: {
    /** The enterprise's code and the business year, e.g. 91460105...-2024. */
    id: p.string().primary().length(24),
    uscc: p.string().length(18).index(),
    year: p.integer(),
    revenue: amount(),
    employees: p.integer(),
    submittedOn: p.string().length(10),
    regionCode: p.string().length(6).index(),
    version: p.integer().version(),
  },
});
export type AnnualReportRow = InferEntity<typeof AnnualReport>;

export const QualityInspection = defineEntity({
  name: 'QualityInspection',
  tableName: 'quality_inspection',
  properties: {
    /** The enterprise's code and the check's rank, e.g. 91460105...-Q1. */
    id: p.string().primary().length(24),
    uscc: p.string().length(18).index(),
    date: p.string().length(10),
    product: p.string().length(40),
    result: p.string().length(4),
    authority: p.string().length(40),
    regionCode: p.string().length(6).index(),
    version: p.integer().version(),
  },
});
export type QualityInspectionRow = InferEntity<typeof QualityInspection>;

export const entities = [Enterprise, Shareholder, AnnualReport, QualityInspection];
