/**
 * The education department's entries in the resource catalogue. Owner: education.
 * - Schools are open data: what a school is and where it stands is published for every parent to read.
 * - Enrolments say which child is at which school every day: personal information, and for minors sensitive
 *   personal information under the PIPL (art. 28), so CONDITIONAL (shared with another department only through a
 *   grant on request, for a stated purpose) and SENSITIVE. An enrolment's ID and version carry nothing by
 *   themselves but are shared only with the record.
 * - Highest degrees and school staff are personal but part of the shared basic information of a person
 *   (UNCONDITIONAL, PERSONAL): any government department may read them for its duties, the public not.
 */
import { defineCatalogue, field, mergeCatalogues, defineEvents } from '../../auth';
import { connectionCatalogue } from '../kit/catalogue';

const open = field('UNCONDITIONAL', { open: true });
const enrolmentRecord = field('CONDITIONAL', { sensitivity: 'SENSITIVE' });
const personal = field('UNCONDITIONAL', { sensitivity: 'PERSONAL' });

export const catalogue = mergeCatalogues(
  defineCatalogue('education', {
    School: {
      columns: { regionCode: ['cityCode'], location: ['lon', 'lat'] },
      internal: ['version'],
      description: 'A school (kindergarten to university) with its 10-digit school code.',
      regionField: 'regionCode',
      fields: {
        code: open,
        name: open,
        level: open,
        type: open,
        regionCode: open,
        region: open,
        location: open,
        enrolments: field('CONDITIONAL', { sensitivity: 'SENSITIVE', description: "The link to the school's enrolments (of minors, mostly)." }),
        staff: field('UNCONDITIONAL', { sensitivity: 'PERSONAL', description: "The link to the school's teachers and staff." }),
      },
    },
    StaffMember: {
      internal: ['id', 'personId', 'schoolCode', 'version'],
      description: 'A teacher or member of staff of a school.',
      regionField: 'regionCode',
      fields: { person: personal, role: personal, since: personal, regionCode: personal },
    },
    Enrolment: {
      internal: ['personId', 'activeSchoolCode', 'naturalKey'],
      description: "A person's enrolment at a school.",
      regionField: 'regionCode',
      fields: {
        id: field('CONDITIONAL', { description: 'Opaque enrolment ID; reveals nothing by itself.' }),
        version: field('CONDITIONAL'),
        person: enrolmentRecord,
        school: enrolmentRecord,
        schoolCode: enrolmentRecord,
        regionCode: enrolmentRecord,
        grade: enrolmentRecord,
        startYear: enrolmentRecord,
        endYear: enrolmentRecord,
        status: enrolmentRecord,
      },
    },
    Degree: {
      internal: ['personId', 'version'],
      // No regionField: a degree belongs to a person, not to a place, and being UNCONDITIONAL it needs no grants.
      description: "A person's highest completed level of education.",
      fields: { level: personal, year: personal },
    },
    Person: {
      owner: 'public-security',
      extension: true,
      fields: {
        id: field('UNCONDITIONAL', { owner: 'public-security' }),
        enrolments: field('CONDITIONAL', { owner: 'education', sensitivity: 'SENSITIVE', description: "The link to the person's enrolments." }),
        highestDegree: field('UNCONDITIONAL', { owner: 'education', sensitivity: 'PERSONAL' }),
      },
    },
    Region: {
      owner: 'natural-resources',
      extension: true,
      fields: {
        code: open,
        schools: field('UNCONDITIONAL', { open: true, owner: 'education', description: 'The link to the schools in a region (open data).' }),
        enrolledStudents: field('UNCONDITIONAL', { owner: 'education', description: 'Statistics after disclosure control (aggregate permission applies).' }),
        schoolAgeChildren: field('UNCONDITIONAL', { owner: 'public-security', description: 'Statistics after disclosure control (aggregate permission applies).' }),
        enrolmentRate: field('UNCONDITIONAL', { owner: 'education', description: 'Statistics after disclosure control (aggregate permission applies).' }),
      },
    },
  }),
  connectionCatalogue('education', 'School'),
  connectionCatalogue('education', 'Enrolment'),
);


/** The domain events its changes record (kit/outbox.ts): what each changes and carries, judged like the record. */
export const events = defineEvents({
  StudentEnrolled: { type: 'Enrolment', description: 'A student enrolled at a school (enrolStudent, or a delivered file).', fields: ['id', 'person', 'school', 'schoolCode', 'regionCode', 'grade', 'startYear', 'status'] },
  StudentGraduated: { type: 'Enrolment', description: 'An enrolment ended by graduation (graduateStudent).', fields: ['endYear', 'status'] },
});
