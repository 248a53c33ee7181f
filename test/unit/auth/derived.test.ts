/**
 * Derived fields (catalogue `derivedFrom`): a field computed from others is never more open than they are, for the
 * same caller and record, and the catalogue refuses sources that do not exist or that lead back to the field.
 */
import { buildAbility, checkCatalogue, defineCatalogue, derivationProblems, explainField, field, fieldDecision, type Principal, type RolePolicy } from '../../../auth';
import { buildSchema } from 'graphql';

const catalogue = defineCatalogue('credit', {
  Profile: {
    regionField: 'regionCode',
    fields: {
      id: 'UNCONDITIONAL',
      regionCode: 'UNCONDITIONAL',
      loans: field('CONDITIONAL', { sensitivity: 'SENSITIVE' }),
      phone: field('CONDITIONAL', { sensitivity: 'PERSONAL', mask: 'phone' }),
      rating: 'UNCONDITIONAL',
      // Derived from a CONDITIONAL field, no masked view of its own.
      loanScore: field('UNCONDITIONAL', { derivedFrom: ['loans'] }),
      // Derived from a field seen masked by others: masked too, with its own mask.
      phoneHint: field('UNCONDITIONAL', { sensitivity: 'PERSONAL', mask: 'phone', derivedFrom: ['phone'] }),
      // Transitive: from loanScore, so from loans.
      band: field('UNCONDITIONAL', { derivedFrom: ['loanScore'] }),
      factors: 'UNCONDITIONAL',
    },
  },
  Factors: { fields: { fromLoans: field('UNCONDITIONAL', { derivedFrom: ['Profile.loans'] }), fromRating: field('UNCONDITIONAL', { derivedFrom: ['Profile.rating'] }) } },
});

const principal = (dept: string, role = 'officer', purpose: string | null = null): Principal => ({ kind: 'government', sub: `${dept}-1`, dept, roles: [role], region: '460000', client: null, purpose });
const maskedPhones: RolePolicy = { id: 'masked-phones', dept: '*', role: 'officer', rules: [{ action: 'readMasked', subject: 'Profile', fields: ['phone'] }] };
const haikouLoans: RolePolicy = { id: 'haikou-loans', dept: 'health', role: 'analyst', rules: [{ action: 'read', subject: 'Profile', fields: ['loans'], conditions: { regionCode: { $like: '4601%' } } }] };
const ability = (p: Principal) => buildAbility({ principal: p, catalogue, policies: [maskedPhones, haikouLoans], grants: [] });

describe('derivedFrom', () => {
  it('returns the strictest of a field and its sources', () => {
    const health = ability(principal('health'));
    expect(fieldDecision(health, 'Profile', 'rating')).toBe('FULL');
    expect(fieldDecision(health, 'Profile', 'loanScore')).toBe('DENIED');
    expect(fieldDecision(health, 'Profile', 'band')).toBe('DENIED');
    expect(fieldDecision(health, 'Profile', 'phoneHint')).toBe('MASKED');
    expect(fieldDecision(ability(principal('credit')), 'Profile', 'loanScore')).toBe('FULL');
  });

  it('judges a source of another type on the same record', () => {
    expect(fieldDecision(ability(principal('health')), 'Factors', 'fromLoans', { regionCode: '460105' })).toBe('DENIED');
    expect(fieldDecision(ability(principal('health')), 'Factors', 'fromRating', { regionCode: '460105' })).toBe('FULL');
  });

  it('follows record-dependent sources record by record', () => {
    const analyst = ability(principal('health', 'analyst'));
    expect(fieldDecision(analyst, 'Profile', 'loanScore', { regionCode: '460105' })).toBe('FULL');
    expect(fieldDecision(analyst, 'Profile', 'loanScore', { regionCode: '460202' })).toBe('DENIED');
    expect(fieldDecision(analyst, 'Profile', 'band', { regionCode: '460202' })).toBe('DENIED');
    expect(fieldDecision(analyst, 'Profile', 'loanScore')).toBe('DENIED');
  });

  it('says which source made the decision stricter', () => {
    const e = explainField(ability(principal('health')), 'Profile', 'loanScore');
    expect(e.decision).toBe('DENIED');
    expect(e.reason).toMatch(/^Profile\.loanScore is derived from loans, which this caller may not read/);
    expect(explainField(ability(principal('health', 'analyst')), 'Profile', 'loanScore').dependsOnRecord).toBe(true);
  });

  it('refuses unknown sources and cycles', () => {
    const bad = defineCatalogue('credit', {
      T: { fields: { a: field('UNCONDITIONAL', { derivedFrom: ['b'] }), b: field('UNCONDITIONAL', { derivedFrom: ['a'] }), c: field('UNCONDITIONAL', { derivedFrom: ['nothing', 'U.x'] }) } },
    });
    const messages = derivationProblems(bad).map((p) => p.message);
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringMatching(/T\.a is derived from itself/),
      expect.stringMatching(/T\.c is derived from nothing, which is not catalogued/),
      expect.stringMatching(/T\.c is derived from U\.x, which is not catalogued/),
    ]));
    const schema = buildSchema('type Query { t: T } type T { a: Int b: Int c: Int }');
    expect(checkCatalogue(schema, bad).some((p) => /derived from itself/.test(p.message))).toBe(true);
  });
});
