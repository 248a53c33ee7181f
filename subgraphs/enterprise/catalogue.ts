/**
 * The legal-person register's entries in the resource catalogue. Owner: market regulation.
 *
 * What a business licence shows (name, type, industry, capital, dates, status, region, address, legal
 * representative) is published by the national enterprise credit information publicity system (国家企业信用信息
 * 公示系统), so it is UNCONDITIONAL and open data. Who holds the shares and the quality spot checks are shared with
 * every department but not opened here: shareholders include natural persons (PIPL). What enterprises report in
 * confidence is CONDITIONAL: revenue (for an individual business or sole proprietorship, the operator's income:
 * financial, so SENSITIVE), the tax registration and the insured headcount, shared with tax and social security on
 * request through a sharing grant. The geocoded point of the address is shared but not opened: for an individual
 * business it is often the operator's home (a precise location, SENSITIVE, masked to about 1 km where masked).
 */
import { defineCatalogue, field, mergeCatalogues, defineEvents } from '../../auth';
import { connectionCatalogue } from '../kit/catalogue';

/** Published on the national publicity system. */
const published = field('UNCONDITIONAL', { open: true });
/** Shared with every department; not open data. */
const shared = field('UNCONDITIONAL');
/** Shared with every department; about natural persons, so personal information under the PIPL. */
const personal = field('UNCONDITIONAL', { sensitivity: 'PERSONAL' });
/** Reported in confidence: shared only through a grant (tax, social security). */
const onRequest = field('CONDITIONAL');

export const catalogue = mergeCatalogues(
  defineCatalogue('market-regulation', {
    Enterprise: {
      columns: { industry: ['industryCode'], regionCode: ['cityCode'], location: ['lon', 'lat'], legalRepresentative: ['legalRepresentativeId'], taxRegistration: ['taxRegisteredOn', 'taxAuthority'] },
      description: 'An enterprise or individual business in the legal-person basic information database.',
      regionField: 'regionCode',
      fields: {
        uscc: field('UNCONDITIONAL', { open: true, description: 'Unified social credit code (GB 32100); printed on the business licence.' }),
        name: published,
        type: published,
        industry: published,
        registeredCapital: published,
        establishedOn: published,
        status: published,
        statusDate: published,
        regionCode: published,
        region: published,
        address: published,
        location: field('UNCONDITIONAL', { sensitivity: 'SENSITIVE', mask: 'coordinates', description: 'Geocoded registered address; often a home for individual businesses.' }),
        legalRepresentative: field('UNCONDITIONAL', { open: true, description: 'Shown on the business licence.' }),
        shareholders: personal,
        annualReports: published,
        taxRegistration: onRequest,
        insuredHeadcount: field('CONDITIONAL', { description: 'Social-insurance headcount; shared with social security and tax on request.' }),
        qualityInspections: shared,
        investments: shared,
        version: shared,
      },
    },
    Industry: { description: 'A GB/T 4754-2017 industry division.', fields: { code: published, name: published } },
    Shareholder: {
      internal: ['id', 'uscc', 'holderId', 'version'],
      description: 'An investor in an enterprise and its share.',
      regionField: 'regionCode',
      fields: { kind: personal, share: personal, person: personal, enterprise: personal, regionCode: shared },
    },
    Shareholding: {
      description: "A share held in an enterprise, seen from the investor.",
      regionField: 'regionCode',
      fields: { share: personal, enterprise: personal, regionCode: shared },
    },
    AnnualReport: {
      internal: ['id', 'uscc', 'version'],
      description: 'An annual report filed with market regulation; published, except the figures the enterprise reports in confidence.',
      regionField: 'regionCode',
      fields: {
        year: published,
        submittedOn: published,
        // Enterprises choose whether to publish their headcount; government departments see it.
        employees: shared,
        revenue: field('CONDITIONAL', { sensitivity: 'SENSITIVE', description: 'Financial; for individual businesses the operator\'s income.' }),
        regionCode: published,
      },
    },
    TaxRegistration: {
      description: 'The tax registration of an enterprise, shared with the tax authorities on request.',
      regionField: 'regionCode',
      fields: { taxpayerNumber: onRequest, registeredOn: onRequest, taxAuthority: onRequest, regionCode: onRequest },
    },
    QualityInspection: {
      internal: ['id', 'uscc', 'version'],
      description: 'A product quality spot check.',
      regionField: 'regionCode',
      fields: { date: shared, product: shared, result: shared, authority: shared, regionCode: shared },
    },
    Person: {
      owner: 'public-security',
      extension: true,
      fields: {
        id: field('UNCONDITIONAL', { owner: 'public-security' }),
        enterprises: field('UNCONDITIONAL', { owner: 'market-regulation', sensitivity: 'PERSONAL', description: 'The enterprises the person represents legally.' }),
        shareholdings: field('UNCONDITIONAL', { owner: 'market-regulation', sensitivity: 'PERSONAL', description: "The person's investments." }),
      },
    },
    Region: {
      owner: 'natural-resources',
      extension: true,
      fields: {
        code: field('UNCONDITIONAL', { open: true, description: 'GB/T 2260 administrative code.' }),
        activeEnterprises: field('UNCONDITIONAL', { owner: 'market-regulation', description: 'Statistics after disclosure control (aggregate permission applies).' }),
        residents: field('UNCONDITIONAL', { owner: 'public-security', description: 'Statistics after disclosure control (aggregate permission applies).' }),
        enterprisesPerThousandResidents: field('UNCONDITIONAL', { owner: 'market-regulation', description: 'Statistics after disclosure control (aggregate permission applies).' }),
      },
    },
  }),
  connectionCatalogue('market-regulation', 'Enterprise'),
);

const CHANGEABLE = ['name', 'address', 'location', 'registeredCapital', 'industry', 'status', 'statusDate'];
const ENTERPRISE_FIELDS = ['uscc', 'name', 'type', 'industry', 'registeredCapital', 'establishedOn', 'status', 'statusDate', 'regionCode', 'address', 'location', 'legalRepresentative', 'insuredHeadcount'];

/** The domain events its changes record (kit/outbox.ts): what each changes and carries, judged like the record. */
export const events = defineEvents({
  EnterpriseRegistered: { type: 'Enterprise', description: 'An enterprise registered (registerEnterprise, or a delivered file).', fields: ENTERPRISE_FIELDS },
  EnterpriseChanged: { type: 'Enterprise', description: "A change of an enterprise's registered particulars (changeEnterprise).", fields: CHANGEABLE },
  EnterpriseStatusChanged: { type: 'Enterprise', description: "A change of an enterprise's status: deregistered, revoked, in liquidation (changeEnterprise).", fields: CHANGEABLE },
});
