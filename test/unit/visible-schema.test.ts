import { parse, type GraphQLObjectType } from 'graphql';
import { visibleSchema, type AccessTable, type FieldAccess } from '../../gateway/visible-schema';

const API = parse(`
  type Query { persons: PersonConnection! person(id: ID!): Person records(filter: RecordFilter): [HealthRecord!]! }
  type Mutation { noteRecord(kind: Kind!): HealthRecord }
  type PersonConnection { edges: [Person!]! }
  type Person { id: ID! name: String idNumber: String secret: String regional: String health: HealthRecord }
  type HealthRecord { allergies: String kind: Kind }
  input RecordFilter { kind: Kind }
  enum Kind { A B }
`);

const FULL: FieldAccess = { decision: 'FULL', dependsOnRecord: false };
const DENIED: FieldAccess = { decision: 'DENIED', dependsOnRecord: false };

function setup(overrides: Record<string, Record<string, FieldAccess>> = {}): AccessTable {
  const base: Record<string, Record<string, FieldAccess>> = {
    PersonConnection: { edges: FULL },
    Person: { id: FULL, name: FULL, idNumber: { decision: 'MASKED', dependsOnRecord: false }, secret: DENIED, regional: { decision: 'DENIED', dependsOnRecord: true }, health: FULL },
    HealthRecord: { allergies: FULL, kind: FULL },
  };
  return new Map(Object.entries({ ...base, ...overrides }).map(([t, fields]) => [t, new Map(Object.entries(fields))]));
}

const fieldsOf = (schema: ReturnType<typeof visibleSchema>, type: string) => Object.keys((schema.getType(type) as GraphQLObjectType | undefined)?.getFields() ?? {});

describe(visibleSchema.name, () => {
  it('returns the schema without fields denied whatever the record, keeping masked and record-dependent ones', () => {
    const schema = visibleSchema(API, setup());
    expect(fieldsOf(schema, 'Person')).toEqual(['id', 'name', 'idNumber', 'regional', 'health']);
    expect(fieldsOf(schema, 'Query')).toEqual(['persons', 'person', 'records']);
  });

  it('leaves out a field without a decision, as it is denied', () => {
    const schema = visibleSchema(API, setup({ PersonConnection: {} as Record<string, FieldAccess> }));
    expect(schema.getType('PersonConnection')).toBeUndefined();
    expect(fieldsOf(schema, 'Query')).toEqual(['person', 'records']);
  });

  it('removes a type left without fields, every field returning it, and what only they reached', () => {
    const schema = visibleSchema(API, setup({ HealthRecord: { allergies: DENIED, kind: DENIED } }));
    expect(schema.getType('HealthRecord')).toBeUndefined();
    expect(fieldsOf(schema, 'Person')).not.toContain('health');
    expect(fieldsOf(schema, 'Query')).toEqual(['persons', 'person']);
    expect(schema.getMutationType()).toBeUndefined();
    // Only the removed fields used them.
    expect(schema.getType('RecordFilter')).toBeUndefined();
    expect(schema.getType('Kind')).toBeUndefined();
  });
});
