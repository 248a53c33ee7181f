/**
 * The credit information database's entries in the resource catalogue. Owner: the credit information centre.
 *
 * - Open (public by law): the courts' list of dishonest judgment debtors (Supreme People's Court provisions on
 *   publishing it) and administrative penalties (published under the rules on administrative penalty disclosure);
 *   with them the profile's opaque ID, kind and region, without which the open list cannot be read or filtered.
 *   Personal information lawfully made public may be processed (PIPL art. 13, 27), so these stay PERSONAL.
 * - UNCONDITIONAL: rating and score, so that every department can apply joint rewards and punishments; each of the
 *   rating's factors only as far as the caller may read what it is computed from (RatingFactors, derivedFrom);
 *   the enterprise tax grade and quality violations likewise. A person's rating is personal information.
 * - CONDITIONAL: loans (financial accounts: SENSITIVE under PIPL art. 28) and contract performance; another
 *   department reads them only through a sharing grant, for a stated purpose.
 */
import { defineCatalogue, field, mergeCatalogues, defineEvents } from '../../auth';
import { connectionCatalogue } from '../kit/catalogue';

const open = (sensitivity: 'NONE' | 'PERSONAL' = 'NONE') => field('UNCONDITIONAL', { open: true, sensitivity });
const shared = (sensitivity: 'NONE' | 'PERSONAL' = 'NONE') => field('UNCONDITIONAL', { sensitivity });
const financial = field('CONDITIONAL', { sensitivity: 'SENSITIVE', description: 'A financial account (PIPL art. 28).' });
const contractual = field('CONDITIONAL', { sensitivity: 'PERSONAL' });

export const catalogue = mergeCatalogues(
  defineCatalogue('credit', {
    CreditProfile: {
      columns: { person: ['personId'], enterprise: ['uscc'], regionCode: ['cityCode'], loans: ['loanCount', 'overdueLoans', 'defaultedLoans'], contractPerformance: ['contracts', 'contractsOnTime'], administrativePenalties: ['penaltyCount'], qualityViolations: ['violationCount'], dishonestListing: ['dishonestCourt', 'dishonestCaseNumber', 'dishonestListedOn', 'dishonestReason'] },
      description: 'The credit profile of one person or enterprise.',
      regionField: 'regionCode',
      fields: {
        id: field('UNCONDITIONAL', { open: true, description: 'Opaque profile ID; reveals nothing.' }),
        subjectKind: open(),
        person: shared('PERSONAL'),
        // Unified social credit codes are published by the enterprise credit information publicity system.
        enterprise: open(),
        regionCode: open(),
        loans: financial,
        taxGrade: shared(),
        contractPerformance: contractual,
        qualityViolations: shared(),
        administrativePenalties: open('PERSONAL'),
        onDishonestList: open('PERSONAL'),
        dishonestListing: open('PERSONAL'),
        score: shared('PERSONAL'),
        rating: shared('PERSONAL'),
        factors: shared('PERSONAL'),
        ratedOn: shared(),
        version: shared(),
      },
    },
    Loan: {
      internal: ['profileId', 'version'],
      description: 'A loan on a credit profile.',
      regionField: 'regionCode',
      fields: {
        id: field('CONDITIONAL', { description: 'Opaque loan ID; reveals nothing.' }),
        lender: financial,
        amount: financial,
        balance: financial,
        status: financial,
        openedOn: financial,
        regionCode: field('CONDITIONAL'),
      },
    },
    ContractPerformance: {
      description: 'Contracts on record and how many were performed on time.',
      regionField: 'regionCode',
      fields: { contracts: contractual, onTime: contractual, onTimeRatio: contractual, regionCode: field('CONDITIONAL') },
    },
    QualityViolation: {
      internal: ['id', 'profileId'],
      description: 'A product-quality violation of an enterprise.',
      regionField: 'regionCode',
      fields: { date: shared(), authority: shared(), product: shared(), description: shared(), regionCode: shared() },
    },
    AdministrativePenalty: {
      internal: ['id', 'profileId', 'naturalKey'],
      description: 'An administrative penalty (published by law).',
      regionField: 'regionCode',
      fields: { date: open('PERSONAL'), authority: open(), reason: open('PERSONAL'), amount: open('PERSONAL'), regionCode: open() },
    },
    DishonestListing: {
      description: "A court's listing of a dishonest judgment debtor (published by law).",
      fields: { court: open(), caseNumber: open('PERSONAL'), listedOn: open('PERSONAL'), reason: open('PERSONAL') },
    },
    // Each factor is computed from one kind of record on the profile, and says as much as that record (counts of
    // overdue loans, the on-time ratio): it is derived from it, so a caller sees a factor only where it may read
    // its source. The rating and the score stay UNCONDITIONAL: a published public-credit result, stored on the
    // profile by every credit event, for joint rewards and punishments across departments.
    RatingFactors: {
      description: 'The factors of a rating, one field per factor.',
      fields: {
        loanHistory: field('UNCONDITIONAL', { sensitivity: 'SENSITIVE', derivedFrom: ['CreditProfile.loans'] }),
        overdueLoans: field('UNCONDITIONAL', { sensitivity: 'SENSITIVE', derivedFrom: ['CreditProfile.loans'] }),
        defaultedLoans: field('UNCONDITIONAL', { sensitivity: 'SENSITIVE', derivedFrom: ['CreditProfile.loans'] }),
        contractPerformance: field('UNCONDITIONAL', { sensitivity: 'PERSONAL', derivedFrom: ['CreditProfile.contractPerformance'] }),
        administrativePenalties: field('UNCONDITIONAL', { sensitivity: 'PERSONAL', derivedFrom: ['CreditProfile.administrativePenalties'] }),
        qualityViolations: field('UNCONDITIONAL', { derivedFrom: ['CreditProfile.qualityViolations'] }),
        taxGrade: field('UNCONDITIONAL', { derivedFrom: ['CreditProfile.taxGrade'] }),
        dishonestList: field('UNCONDITIONAL', { sensitivity: 'PERSONAL', derivedFrom: ['CreditProfile.onDishonestList'] }),
      },
    },
    RatingFactor: {
      description: 'One factor of a credit rating and its effect on the score.',
      fields: { factor: shared('PERSONAL'), weight: shared(), value: shared('PERSONAL'), effect: shared('PERSONAL'), explanation: shared('PERSONAL') },
    },
    Person: {
      owner: 'public-security',
      extension: true,
      fields: {
        id: field('UNCONDITIONAL', { owner: 'public-security' }),
        credit: field('UNCONDITIONAL', { owner: 'credit', sensitivity: 'PERSONAL', description: "The link to the person's credit profile." }),
      },
    },
    Enterprise: {
      owner: 'market-regulation',
      extension: true,
      fields: {
        uscc: field('UNCONDITIONAL', { open: true, description: 'Unified social credit code (GB 32100), public by law.' }),
        credit: field('UNCONDITIONAL', { owner: 'credit', open: true, description: "The link to the enterprise's credit profile." }),
      },
    },
    Region: {
      owner: 'natural-resources',
      extension: true,
      fields: {
        code: field('UNCONDITIONAL', { open: true, description: 'GB/T 2260 administrative code.' }),
        taxGradeAShare: field('UNCONDITIONAL', { owner: 'credit', description: 'Statistics after disclosure control (aggregate permission applies).' }),
        overdueLoanShare: field('UNCONDITIONAL', { owner: 'credit', description: 'Statistics after disclosure control (aggregate permission applies).' }),
      },
    },
  }),
  connectionCatalogue('credit', 'CreditProfile'),
);


/** The domain events its changes record (kit/outbox.ts): what each changes and carries, judged like the record. */
export const events = defineEvents({
  CreditEventRecorded: { type: 'CreditProfile', description: "A loan opened, overdue, defaulted or repaid, or a penalty, and the profile's new rating (recordCreditEvent).", fields: ['score', 'rating', 'factors', 'ratedOn', 'loans', 'administrativePenalties'] },
  PenaltyRecorded: { type: 'AdministrativePenalty', description: 'An administrative penalty from a delivered file.', fields: ['date', 'authority', 'reason', 'amount', 'regionCode'] },
});
