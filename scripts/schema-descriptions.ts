/**
 * Every element of a client schema without a description: types, fields, arguments, input fields and enum values
 * (built-in scalars and introspection types excepted). Used by the unit test that keeps schema/api.graphql
 * documented, and handy to count the gaps: `npx tsx scripts/schema-descriptions.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isIntrospectionType, isObjectType, isSpecifiedScalarType, type GraphQLSchema } from 'graphql';

/** schema/api.graphql, as `npm run compose` writes it (scripts/compose.ts API_SCHEMA_FILE). */
export const API_SCHEMA_FILE = path.join(__dirname, '..', 'schema', 'api.graphql');

/** The catalogue facts compose appends to a field (scripts/compose.ts catalogueFacts) describe its sharing, not the field. */
export const CATALOGUE_FACTS = /(^|\n\n)Catalogue: [^\n]*$/;
const described = (description: string | null | undefined) => !!description?.replace(CATALOGUE_FACTS, '').trim();

/** Every schema coordinate (Type, Type.field, Type.field(arg:), Enum.VALUE) of an element, described or not. */
export function schemaElements(schema: GraphQLSchema): { coordinate: string; description: string | null | undefined }[] {
  const out: { coordinate: string; description: string | null | undefined }[] = [];
  for (const type of Object.values(schema.getTypeMap()).sort((a, b) => a.name.localeCompare(b.name))) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    out.push({ coordinate: type.name, description: type.description });
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        out.push({ coordinate: `${type.name}.${field.name}`, description: field.description });
        for (const arg of field.args) out.push({ coordinate: `${type.name}.${field.name}(${arg.name}:)`, description: arg.description });
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) out.push({ coordinate: `${type.name}.${field.name}`, description: field.description });
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) out.push({ coordinate: `${type.name}.${value.name}`, description: value.description });
    }
  }
  return out;
}

/** The coordinates of the elements without a non-empty description. */
export function undescribedElements(schema: GraphQLSchema): string[] {
  return schemaElements(schema)
    .filter((e) => !described(e.description))
    .map((e) => e.coordinate);
}

/** The client schema as committed. */
export function apiSchema(file = API_SCHEMA_FILE): GraphQLSchema {
  return buildSchema(fs.readFileSync(file, 'utf8'));
}

if (require.main === module) {
  const schema = apiSchema();
  const missing = undescribedElements(schema);
  process.stdout.write(`${missing.join('\n')}\n${missing.length} of ${schemaElements(schema).length} elements of schema/api.graphql have no description.\n`);
}
