/** The event catalogue: every declared event changes a catalogued type and carries only catalogued fields. */
import { defineEvents, eventProblems } from '../../auth';
import { PLATFORM_CATALOGUE, PLATFORM_EVENTS } from '../../subgraphs/platform-catalogue';

it('declares every event over the catalogue', () => {
  expect(eventProblems(PLATFORM_EVENTS, PLATFORM_CATALOGUE)).toEqual([]);
  expect(Object.keys(PLATFORM_EVENTS)).toEqual(expect.arrayContaining(['PersonBorn', 'PersonDied', 'PersonMoved', 'EnterpriseRegistered', 'EnterpriseStatusChanged', 'PropertyTransferred', 'VaccinationRecorded', 'EncounterRecorded', 'StudentEnrolled', 'CreditEventRecorded']));
  expect(PLATFORM_EVENTS.PersonDied).toMatchObject({ domain: 'population', type: 'Person' });
});

it('names an event over an unknown type or field, or with a bad name, as a problem', () => {
  const bad = defineEvents({
    PersonVanished: { type: 'Person', fields: ['status', 'secretNote'], description: 'x' },
    GhostSeen: { type: 'Ghost', fields: [], description: 'x' },
    lowercase: { type: 'Person', fields: [], description: 'x' },
  });
  expect(eventProblems(bad, PLATFORM_CATALOGUE).map((p) => p.message)).toEqual([
    'Event PersonVanished carries Person.secretNote, which is not catalogued.',
    'Event GhostSeen changes Ghost, which is not catalogued.',
    'Event "lowercase" is not a name in PascalCase.',
  ]);
});
