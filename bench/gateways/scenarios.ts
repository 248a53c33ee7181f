/**
 * The gateway benchmark's scenarios: what is sent, as whom. Every target gets the same body and the same token.
 * Fields are ones the caller may read (no FORBIDDEN error), so that every target's answer is plain data and can be
 * compared byte for byte after normalisation (answers.ts).
 */
import type { TokenClaims } from '../../auth';

// The dashboard's indicators for the province and its cities and counties (bench/statistics.ts times it too).
const VALUE = '{ value suppressed suppression }';
const INDICATORS = `code name residents ${VALUE} enterprisesPerThousandResidents ${VALUE} floorAreaPerResident ${VALUE} enrolmentRate ${VALUE}
  vaccinationCoverage ${VALUE} taxGradeAShare ${VALUE} overdueLoanShare ${VALUE} insuranceCoverage ${VALUE}`;
export const DASHBOARD_QUERY = `query Dashboard { region(code: "460000") { ${INDICATORS} children { ${INDICATORS} } } }`;

export interface Scenario {
  name: string;
  title: string;
  query: string;
  variables?: Record<string, unknown>;
  claims: TokenClaims;
}

/** A public-security officer of the whole province: owns population; the other domains share these fields. */
export const OFFICER: TokenClaims = { sub: 'bench-officer', dept: 'public-security', roles: ['officer'], region: '460000' };
/**
 * A housing department officer of the whole province: owns housing (which properties a person owns, and their
 * owners, are conditional data of housing); the other domains share the fields the page and deep scenarios read.
 */
export const HOUSING_OFFICER: TokenClaims = { sub: 'bench-housing-officer', dept: 'housing', roles: ['officer'], region: '460000' };
/** The statistics bureau's provincial dashboard (aggregate permission on every domain). */
export const DASHBOARD: TokenClaims = { sub: 'bench-dashboard', dept: 'statistics', roles: ['dashboard'], region: '460000' };

export const SCENARIO_NAMES = ['person', 'page', 'dashboard', 'deep'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** `personId`: a person of the seeded world (the bench reads one from the database). */
export function scenarios(personId: string): Record<ScenarioName, Scenario> {
  return {
    person: {
      name: 'person',
      title: 'a person by ID, fields from four domains',
      query: `query BenchPerson($id: ID!) { person(id: $id) { id name gender birthDate residence { region { code name } } highestDegree { level year } credit { rating score } } }`,
      variables: { id: personId },
      claims: OFFICER,
    },
    page: {
      name: 'page',
      title: 'a page of 100 persons, fields from all seven domains',
      query: `query BenchPage($filter: PersonFilter) { persons(first: 100, filter: $filter) { edges { node {
        id name birthDate residence { region { name } } enterprises { uscc name } highestDegree { level }
        healthRecord { insurance { scheme active } } properties { id floorArea usage } credit { rating } } } } }`,
      variables: { filter: { regionCode: '460100' } },
      claims: HOUSING_OFFICER,
    },
    dashboard: {
      name: 'dashboard',
      title: "the dashboard's indicators for the province (province and its 19 cities and counties, 8 indicators, 6 domains)",
      query: DASHBOARD_QUERY,
      claims: DASHBOARD,
    },
    deep: {
      name: 'deep',
      title: 'deep nesting: persons, households, members, their properties and owners',
      query: `query BenchDeep($filter: PersonFilter) { persons(first: 10, filter: $filter) { edges { node { id name household { id members {
        relationship person { id name properties { id floorArea owners { share person { id name household { id regionCode } } } } } } } } } } }`,
      variables: { filter: { regionCode: '460100' } },
      claims: HOUSING_OFFICER,
    },
  };
}
