/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment ChildForFollowUp on Person {\n  id\n  name\n  gender\n  birthDate\n  idNumber\n  household {\n    address\n    head {\n      name\n      phone\n    }\n  }\n  enrolments {\n    status\n    school {\n      name\n    }\n  }\n  healthRecord {\n    id\n    version\n    allergies\n    vaccinations {\n      vaccine\n      dose\n      date\n    }\n  }\n}\n\nquery ChildrenInRegion($regionCode: ID!, $bornFrom: Date!, $first: Int!, $after: String) {\n  persons(\n    first: $first\n    after: $after\n    filter: {regionCode: $regionCode, bornFrom: $bornFrom, status: LIVING}\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...ChildForFollowUp\n      }\n    }\n  }\n}\n\nquery Child($id: ID!) {\n  person(id: $id) {\n    ...ChildForFollowUp\n  }\n}\n\nquery FieldAccess {\n  person: myAccess(type: \"Person\") {\n    type\n    fields {\n      field\n      decision\n    }\n  }\n  household: myAccess(type: \"Household\") {\n    type\n    fields {\n      field\n      decision\n    }\n  }\n}\n\nquery HealthRecordVersion($id: ID!) {\n  healthRecord(id: $id) {\n    id\n    version\n    allergies\n  }\n}\n\nmutation RecordVaccination($input: RecordVaccinationInput!, $idempotencyKey: String) {\n  recordVaccination(input: $input, idempotencyKey: $idempotencyKey) {\n    id\n    vaccine\n    vaccineName\n    dose\n    date\n    facility {\n      code\n      name\n    }\n  }\n}\n\nmutation UpdateAllergies($recordId: ID!, $expectedVersion: Int!, $allergies: [String!]!, $idempotencyKey: String) {\n  updateAllergies(\n    recordId: $recordId\n    expectedVersion: $expectedVersion\n    allergies: $allergies\n    idempotencyKey: $idempotencyKey\n  ) {\n    id\n    version\n    allergies\n  }\n}": typeof types.ChildForFollowUpFragmentDoc,
};
const documents: Documents = {
    "fragment ChildForFollowUp on Person {\n  id\n  name\n  gender\n  birthDate\n  idNumber\n  household {\n    address\n    head {\n      name\n      phone\n    }\n  }\n  enrolments {\n    status\n    school {\n      name\n    }\n  }\n  healthRecord {\n    id\n    version\n    allergies\n    vaccinations {\n      vaccine\n      dose\n      date\n    }\n  }\n}\n\nquery ChildrenInRegion($regionCode: ID!, $bornFrom: Date!, $first: Int!, $after: String) {\n  persons(\n    first: $first\n    after: $after\n    filter: {regionCode: $regionCode, bornFrom: $bornFrom, status: LIVING}\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...ChildForFollowUp\n      }\n    }\n  }\n}\n\nquery Child($id: ID!) {\n  person(id: $id) {\n    ...ChildForFollowUp\n  }\n}\n\nquery FieldAccess {\n  person: myAccess(type: \"Person\") {\n    type\n    fields {\n      field\n      decision\n    }\n  }\n  household: myAccess(type: \"Household\") {\n    type\n    fields {\n      field\n      decision\n    }\n  }\n}\n\nquery HealthRecordVersion($id: ID!) {\n  healthRecord(id: $id) {\n    id\n    version\n    allergies\n  }\n}\n\nmutation RecordVaccination($input: RecordVaccinationInput!, $idempotencyKey: String) {\n  recordVaccination(input: $input, idempotencyKey: $idempotencyKey) {\n    id\n    vaccine\n    vaccineName\n    dose\n    date\n    facility {\n      code\n      name\n    }\n  }\n}\n\nmutation UpdateAllergies($recordId: ID!, $expectedVersion: Int!, $allergies: [String!]!, $idempotencyKey: String) {\n  updateAllergies(\n    recordId: $recordId\n    expectedVersion: $expectedVersion\n    allergies: $allergies\n    idempotencyKey: $idempotencyKey\n  ) {\n    id\n    version\n    allergies\n  }\n}": types.ChildForFollowUpFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ChildForFollowUp on Person {\n  id\n  name\n  gender\n  birthDate\n  idNumber\n  household {\n    address\n    head {\n      name\n      phone\n    }\n  }\n  enrolments {\n    status\n    school {\n      name\n    }\n  }\n  healthRecord {\n    id\n    version\n    allergies\n    vaccinations {\n      vaccine\n      dose\n      date\n    }\n  }\n}\n\nquery ChildrenInRegion($regionCode: ID!, $bornFrom: Date!, $first: Int!, $after: String) {\n  persons(\n    first: $first\n    after: $after\n    filter: {regionCode: $regionCode, bornFrom: $bornFrom, status: LIVING}\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...ChildForFollowUp\n      }\n    }\n  }\n}\n\nquery Child($id: ID!) {\n  person(id: $id) {\n    ...ChildForFollowUp\n  }\n}\n\nquery FieldAccess {\n  person: myAccess(type: \"Person\") {\n    type\n    fields {\n      field\n      decision\n    }\n  }\n  household: myAccess(type: \"Household\") {\n    type\n    fields {\n      field\n      decision\n    }\n  }\n}\n\nquery HealthRecordVersion($id: ID!) {\n  healthRecord(id: $id) {\n    id\n    version\n    allergies\n  }\n}\n\nmutation RecordVaccination($input: RecordVaccinationInput!, $idempotencyKey: String) {\n  recordVaccination(input: $input, idempotencyKey: $idempotencyKey) {\n    id\n    vaccine\n    vaccineName\n    dose\n    date\n    facility {\n      code\n      name\n    }\n  }\n}\n\nmutation UpdateAllergies($recordId: ID!, $expectedVersion: Int!, $allergies: [String!]!, $idempotencyKey: String) {\n  updateAllergies(\n    recordId: $recordId\n    expectedVersion: $expectedVersion\n    allergies: $allergies\n    idempotencyKey: $idempotencyKey\n  ) {\n    id\n    version\n    allergies\n  }\n}"): (typeof documents)["fragment ChildForFollowUp on Person {\n  id\n  name\n  gender\n  birthDate\n  idNumber\n  household {\n    address\n    head {\n      name\n      phone\n    }\n  }\n  enrolments {\n    status\n    school {\n      name\n    }\n  }\n  healthRecord {\n    id\n    version\n    allergies\n    vaccinations {\n      vaccine\n      dose\n      date\n    }\n  }\n}\n\nquery ChildrenInRegion($regionCode: ID!, $bornFrom: Date!, $first: Int!, $after: String) {\n  persons(\n    first: $first\n    after: $after\n    filter: {regionCode: $regionCode, bornFrom: $bornFrom, status: LIVING}\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...ChildForFollowUp\n      }\n    }\n  }\n}\n\nquery Child($id: ID!) {\n  person(id: $id) {\n    ...ChildForFollowUp\n  }\n}\n\nquery FieldAccess {\n  person: myAccess(type: \"Person\") {\n    type\n    fields {\n      field\n      decision\n    }\n  }\n  household: myAccess(type: \"Household\") {\n    type\n    fields {\n      field\n      decision\n    }\n  }\n}\n\nquery HealthRecordVersion($id: ID!) {\n  healthRecord(id: $id) {\n    id\n    version\n    allergies\n  }\n}\n\nmutation RecordVaccination($input: RecordVaccinationInput!, $idempotencyKey: String) {\n  recordVaccination(input: $input, idempotencyKey: $idempotencyKey) {\n    id\n    vaccine\n    vaccineName\n    dose\n    date\n    facility {\n      code\n      name\n    }\n  }\n}\n\nmutation UpdateAllergies($recordId: ID!, $expectedVersion: Int!, $allergies: [String!]!, $idempotencyKey: String) {\n  updateAllergies(\n    recordId: $recordId\n    expectedVersion: $expectedVersion\n    allergies: $allergies\n    idempotencyKey: $idempotencyKey\n  ) {\n    id\n    version\n    allergies\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;