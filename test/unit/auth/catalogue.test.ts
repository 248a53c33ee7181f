import { buildSchema } from 'graphql';
import { CatalogueError, checkCatalogue, defineCatalogue, field, mergeCatalogues } from '../../../auth';
import type { Catalogue } from '../../../auth';
import { sampleCatalogue } from './fixtures';

function setup() {
  const schema = buildSchema(/* GraphQL */ `
    type Query { person(id: ID!): Person _service: _Service! }
    type Mutation { updatePhone(id: ID!, phone: String!): Person }
    type _Service { sdl: String }
    scalar _Any
    union _Entity = Person
    type Person { id: ID! name: String idNumber: String! birthDate: String phone: String address: String ethnicity: String cityCode: String regionCode: String healthRecord: HealthRecord }
    type HealthRecord { id: ID! bloodType: String chronicConditions: [String!] regionCode: String }
    type CreditProfile { id: ID! onDishonestList: Boolean! score: Int }
    type PageInfo { hasNextPage: Boolean! endCursor: String }
  `);
  return { schema, catalogue: sampleCatalogue() };
}

describe(defineCatalogue.name, () => {
  it('returns entries with defaults filled in', () => {
    const c = defineCatalogue('health', {
      HealthRecord: { fields: { id: 'UNCONDITIONAL', bloodType: field('CONDITIONAL', { sensitivity: 'SENSITIVE' }), note: field('CONDITIONAL', { owner: 'data-bureau' }) } },
    });
    expect(c.HealthRecord?.fields).toEqual({
      id: { owner: 'health', sharing: 'UNCONDITIONAL', open: false, sensitivity: 'NONE', mask: 'none' },
      bloodType: { owner: 'health', sharing: 'CONDITIONAL', open: false, sensitivity: 'SENSITIVE', mask: 'redact' },
      note: { owner: 'data-bureau', sharing: 'CONDITIONAL', open: false, sensitivity: 'NONE', mask: 'none' },
    });
  });

  it.each([
    ['an unknown owner', () => defineCatalogue('tourism', { T: { fields: { a: 'UNCONDITIONAL' } } }), /unknown owner/],
    ['open NOT_SHARED data', () => defineCatalogue('health', { T: { fields: { a: field('NOT_SHARED', { open: true }) } } }), /both open data and NOT_SHARED/],
    ['personal data without a mask', () => defineCatalogue('health', { T: { fields: { a: field('CONDITIONAL', { sensitivity: 'PERSONAL', mask: 'none' }) } } }), /needs a mask/],
    ['a region field that is not catalogued', () => defineCatalogue('health', { T: { regionField: 'regionCode', fields: { a: 'UNCONDITIONAL' } } }), /region field/],
  ])('throws a CatalogueError for %s', (_name, make, message) => {
    expect(make).toThrow(CatalogueError);
    expect(make).toThrow(message);
  });
});

describe(mergeCatalogues.name, () => {
  it('returns one type with fields owned by several departments', () => {
    const { catalogue } = setup();
    expect(catalogue.Person?.owner).toBe('public-security');
    expect(catalogue.Person?.fields.healthRecord?.owner).toBe('health');
    expect(catalogue.Person?.fields.name?.owner).toBe('public-security');
    expect(catalogue.Person?.regionField).toBe('regionCode');
    expect(catalogue.Person?.extension).toBeUndefined();
  });

  it('returns identical duplicate entries merged', () => {
    const a = defineCatalogue('health', { T: { fields: { id: 'UNCONDITIONAL' } } });
    const b = defineCatalogue('health', { T: { fields: { id: 'UNCONDITIONAL', x: 'CONDITIONAL' } } });
    expect(Object.keys(mergeCatalogues(a, b).T?.fields ?? {})).toEqual(['id', 'x']);
  });

  it('throws a CatalogueError for conflicting entries of one field', () => {
    const a = defineCatalogue('public-security', { Person: { fields: { phone: 'CONDITIONAL' } } });
    const b = defineCatalogue('health', { Person: { extension: true, fields: { phone: 'UNCONDITIONAL' } } });
    expect(() => mergeCatalogues(a, b)).toThrow('Person.phone is catalogued twice with different entries (CONDITIONAL of public-security and UNCONDITIONAL of health).');
  });

  it('throws a CatalogueError when two departments both declare a type', () => {
    const a = defineCatalogue('public-security', { Person: { fields: { id: 'UNCONDITIONAL' } } });
    const b = defineCatalogue('health', { Person: { fields: { bloodType: 'CONDITIONAL' } } });
    expect(() => mergeCatalogues(a, b)).toThrow(/declared by both public-security and health/);
  });
});

describe(checkCatalogue.name, () => {
  it('returns the missing entries, skipping root, federation and introspection types', () => {
    const { schema, catalogue } = setup();
    const messages = checkCatalogue(schema, catalogue).map((p) => p.message);
    expect(messages).toEqual(['Type PageInfo is not in the catalogue.']);
  });

  it('returns entries for fields and types missing from the schema, and redaction of non-null fields', () => {
    const { schema } = setup();
    const extra = defineCatalogue('public-security', {
      Person: { extension: true, fields: { nickname: 'UNCONDITIONAL' } },
      Ghost: { fields: { id: 'UNCONDITIONAL' } },
      PageInfo: { fields: { hasNextPage: field('UNCONDITIONAL', { open: true }), endCursor: field('UNCONDITIONAL', { open: true }) } },
    });
    const broken: Catalogue = mergeCatalogues(sampleCatalogue(), extra);
    const redacting = { ...broken, Person: { ...broken.Person!, fields: { ...broken.Person!.fields, idNumber: { ...broken.Person!.fields.idNumber!, mask: 'redact' as const } } } };
    expect(checkCatalogue(schema, redacting).map((p) => p.message)).toEqual([
      'Person.idNumber is masked by redaction (null) but is non-null in the schema.',
      'Person.nickname is catalogued but does not exist in the schema.',
      'Type Ghost is catalogued but is not an object type of the schema.',
    ]);
  });

  it('returns entry problems of hand-written catalogues', () => {
    const { schema } = setup();
    const bad: Catalogue = { CreditProfile: { owner: 'credit', fields: { id: { owner: 'credit', sharing: 'SOMETIMES' as never, open: false, sensitivity: 'NONE', mask: 'none' } } } };
    const problems = checkCatalogue(schema, bad);
    expect(problems).toContainEqual({ type: 'CreditProfile', field: 'id', message: 'CreditProfile.id has an unknown sharing type.' });
    expect(problems).toContainEqual({ type: 'CreditProfile', field: 'score', message: 'CreditProfile.score is not in the catalogue.' });
  });
});
