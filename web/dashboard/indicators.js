// The cross-domain indicators that Region carries (schema/supergraph.graphql), as the map offers them. Each is a
// StatisticsValue { value suppressed suppression asOf }, already under disclosure control: the dashboard adds nothing
// up and never turns a withheld value into a number.
import { formats } from './format.js';
import { t } from '../shared/i18n.js';

export const INDICATORS = [
  { field: 'residents', get label() { return t('dash.indicator.residents'); }, format: formats.integer, domain: 'population' },
  { field: 'enterprisesPerThousandResidents', get label() { return t('dash.indicator.enterprisesPerThousandResidents'); }, format: formats.decimal, domain: 'enterprise' },
  { field: 'floorAreaPerResident', get label() { return t('dash.indicator.floorAreaPerResident'); }, format: formats.decimal, domain: 'housing' },
  { field: 'enrolmentRate', get label() { return t('dash.indicator.enrolmentRate'); }, format: formats.percent, domain: 'education' },
  { field: 'vaccinationCoverage', get label() { return t('dash.indicator.vaccinationCoverage'); }, format: formats.percent, domain: 'health' },
  { field: 'insuranceCoverage', get label() { return t('dash.indicator.insuranceCoverage'); }, format: formats.percent, domain: 'health' },
  { field: 'taxGradeAShare', get label() { return t('dash.indicator.taxGradeAShare'); }, format: formats.percent, domain: 'credit' },
  { field: 'overdueLoanShare', get label() { return t('dash.indicator.overdueLoanShare'); }, format: formats.percent, domain: 'credit' },
];

export const indicator = (field) => INDICATORS.find((i) => i.field === field) ?? INDICATORS[0];

/** The selection set asking every indicator of a region. */
export const INDICATOR_FIELDS = INDICATORS.map((i) => `${i.field} { value suppressed suppression asOf }`).join(' ');
