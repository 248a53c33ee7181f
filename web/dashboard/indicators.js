// The cross-domain indicators that Region carries (schema/supergraph.graphql), as the map offers them. Each is a
// StatisticsValue { value suppressed suppression asOf }, already under disclosure control: the dashboard adds nothing
// up and never turns a withheld value into a number.
import { formats } from './format.js';

export const INDICATORS = [
  { field: 'residents', label: 'Residents (hukou, living)', format: formats.integer, domain: 'population' },
  { field: 'enterprisesPerThousandResidents', label: 'Active enterprises per 1,000 residents', format: formats.decimal, domain: 'enterprise' },
  { field: 'floorAreaPerResident', label: 'Residential floor area per resident (m²)', format: formats.decimal, domain: 'housing' },
  { field: 'enrolmentRate', label: 'Enrolment rate (students per child aged 6-17)', format: formats.percent, domain: 'education' },
  { field: 'vaccinationCoverage', label: 'Vaccination coverage (health records)', format: formats.percent, domain: 'health' },
  { field: 'insuranceCoverage', label: 'Basic medical insurance coverage', format: formats.percent, domain: 'health' },
  { field: 'taxGradeAShare', label: 'Share of enterprises with tax grade A', format: formats.percent, domain: 'credit' },
  { field: 'overdueLoanShare', label: 'Share of persons with an overdue loan', format: formats.percent, domain: 'credit' },
];

export const indicator = (field) => INDICATORS.find((i) => i.field === field) ?? INDICATORS[0];

/** The selection set asking every indicator of a region. */
export const INDICATOR_FIELDS = INDICATORS.map((i) => `${i.field} { value suppressed suppression asOf }`).join(' ');
