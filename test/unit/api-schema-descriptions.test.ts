import type { GraphQLEnumType, GraphQLInputObjectType, GraphQLObjectType } from 'graphql';
import { apiSchema, schemaElements, undescribedElements } from '../../scripts/schema-descriptions';

/**
 * Every element of the client schema (schema/api.graphql) carries a description: client developers read the schema
 * in their IDE and code generators, and nothing else tells them what a field holds, in which unit or format, and
 * who owns it. Descriptions are written in schema/<domain>.graphql and schema/statistics.graphql.
 */
describe('schema/api.graphql descriptions', () => {
  it('describes every type, field, argument, input field and enum value', () => {
    const missing = undescribedElements(apiSchema());
    // On failure the message lists each undescribed coordinate: describe it in its SDL, then `npm run compose`.
    expect(missing).toEqual([]);
  });

  it('ends each catalogued field with its owner, sharing type, sensitivity and mask, which alone do not count as a description', () => {
    const person = apiSchema().getType('Person') as GraphQLObjectType;
    expect(person.getFields().idNumber!.description).toMatch(/\n\nCatalogue: Owner: Public Security Department · CONDITIONAL · sensitivity SENSITIVE · mask idNumber \(docs\/catalogue\.md\)\.$/);
    // An extension field is owned by the department serving it, not by the type's owner.
    expect(person.getFields().healthRecord!.description).toMatch(/Catalogue: Owner: Health Commission · /);
    const schema = apiSchema();
    (schema.getType('Person') as GraphQLObjectType).getFields().name!.description = 'Catalogue: Owner: X · UNCONDITIONAL · sensitivity NONE (docs/catalogue.md).';
    expect(undescribedElements(schema)).toEqual(['Person.name']);
  });

  it('counts every kind of element (about 1,260 of them)', () => {
    const coordinates = schemaElements(apiSchema()).map((e) => e.coordinate);
    expect(coordinates.length).toBeGreaterThan(1200);
    expect(coordinates).toEqual(expect.arrayContaining(['Person', 'Person.idNumber', 'Query.person(id:)', 'PersonFilter.regionCode', 'Gender.MALE']));
    expect(coordinates.some((c) => c.startsWith('__') || c === 'String' || c === 'Int')).toBe(false);
  });

  it('lists an element whose description is missing or blank, of every kind', () => {
    const schema = apiSchema();
    const person = schema.getType('Person') as GraphQLObjectType;
    const filter = schema.getType('PersonFilter') as GraphQLInputObjectType;
    const gender = schema.getType('Gender') as GraphQLEnumType;
    // Type, field, argument, input field, enum value: drop one description of each kind, blank another.
    filter.description = undefined;
    person.getFields().idNumber!.description = null;
    schema.getQueryType()!.getFields().person!.args[0]!.description = undefined;
    filter.getFields().namePrefix!.description = '  ';
    gender.getValue('FEMALE')!.description = '';
    expect(undescribedElements(schema)).toEqual(['Gender.FEMALE', 'Person.idNumber', 'PersonFilter', 'PersonFilter.namePrefix', 'Query.person(id:)']);
  });
});
