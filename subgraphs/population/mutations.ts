/** Public security's records of births, deaths and moves: validated, authorized, idempotent, optimistically locked. */
import { randomInt } from 'node:crypto';
import type { FilterQuery } from '@mikro-orm/core';
import { badInput } from '../kit/errors';
import { isCalendarDate, todayInChina } from '../kit/scalars';
import { findVisible } from '../kit/scope';
import { notFound, runMutation, serializeOn, updateVersioned } from '../kit/writes';
import { cityCodeOf } from '../kit/region-codes';
import { idNumberCheckDigit } from '../kit/world/id-number';
import { ethnicityName } from '../kit/world/names';
import { OPAQUE_ID_DOMAIN, opaqueId } from '../kit/world/rng';
import type { MutationResolvers } from './__generated__/resolvers';
import { Household, Person, type PersonRow } from './entities';
import type { PopulationContext } from './loaders';

const NAME = /^[\u3400-\u9fff\u00b7]{2,20}$/;
const PERSON_FIELDS = ['id', 'idNumber', 'name', 'gender', 'birthDate', 'ethnicity', 'ethnicityCode', 'hukouRegionCode', 'address', 'addressRegionCode', 'maritalStatus', 'status', 'household', 'relationshipToHead', 'floating'];


function date(argument: string, value: string): string {
  if (!isCalendarDate(value)) throw badInput(argument, 'use a calendar date written YYYY-MM-DD.');
  if (value > todayInChina()) throw badInput(argument, `${value} is in the future.`);
  return value;
}

async function visibleHousehold(ctx: PopulationContext, argument: string, id: string) {
  const household = await findVisible(ctx.data, Household, { id });
  if (!household) throw badInput(argument, `there is no household "${id}" (or you may not see it).`);
  return household;
}

async function visiblePerson(ctx: PopulationContext, id: string): Promise<PersonRow> {
  const person = await findVisible(ctx.data, Person, { id });
  if (!person) throw notFound('Person', id);
  return person;
}

/** The next free sequence number of a birth date in a region, odd for men and even for women, as a police station assigns it. */
async function nextIdNumber(ctx: PopulationContext, em: PopulationContext['em'], regionCode: string, birthDate: string, gender: string): Promise<string> {
  const prefix = `${regionCode}${birthDate.replace(/-/g, '')}`;
  await serializeOn(em, `id-number:${prefix}`);
  const taken = await em.find(Person, { idNumber: { $like: `${prefix}%` } } as FilterQuery<PersonRow>, { fields: ['idNumber'], disableIdentityMap: true });
  const used = new Set(taken.map((p) => Number(p.idNumber.slice(14, 17))));
  for (let seq = gender === 'MALE' ? 1 : 2; seq < 1000; seq += 2) {
    if (!used.has(seq)) {
      const first17 = `${prefix}${String(seq).padStart(3, '0')}`;
      return first17 + idNumberCheckDigit(first17);
    }
  }
  throw badInput('input.birthDate', `every sequence number of ${birthDate} in region ${regionCode} is taken.`);
}

export const mutations: MutationResolvers = {
  registerBirth: (_, { input, idempotencyKey }, ctx) =>
    runMutation(ctx, { operation: 'registerBirth', event: 'PersonBorn', returns: 'Person', writes: [{ type: 'Person', action: 'create', fields: PERSON_FIELDS }] }, input, idempotencyKey, async (em) => {
      const name = input.name.trim();
      if (!NAME.test(name)) throw badInput('input.name', 'a name has 2 to 20 Chinese characters (a middle dot · is allowed).');
      const birthDate = date('input.birthDate', input.birthDate);
      const yearAgo = new Date(Date.now() - 366 * 86_400_000).toISOString().slice(0, 10);
      if (birthDate < yearAgo) throw badInput('input.birthDate', 'births older than a year go through late registration, not registerBirth.');
      const ethnicity = ethnicityName(input.ethnicityCode);
      if (!ethnicity) throw badInput('input.ethnicityCode', `"${input.ethnicityCode}" is not a GB 3304 ethnic group code.`);
      const household = await visibleHousehold(ctx, 'input.householdId', input.householdId);
      const person: PersonRow = {
        id: opaqueId('P', 1, randomInt(OPAQUE_ID_DOMAIN / 2, OPAQUE_ID_DOMAIN)),
        idNumber: await nextIdNumber(ctx, em, household.regionCode, birthDate, input.gender),
        name,
        gender: input.gender,
        birthDate,
        ethnicityCode: input.ethnicityCode,
        ethnicity,
        hukouRegionCode: household.regionCode,
        hukouCityCode: cityCodeOf(household.regionCode),
        phone: null,
        address: household.address,
        addressRegionCode: household.regionCode,
        maritalStatus: 'SINGLE',
        status: 'LIVING',
        statusDate: null,
        householdId: household.id,
        relationshipToHead: input.relationshipToHead ?? 'CHILD',
        floating: false,
        originRegionCode: null,
        version: 1,
      };
      await em.insert(Person, person);
      return person;
    }),

  registerDeath: (_, { personId, expectedVersion, date: day, idempotencyKey }, ctx) =>
    runMutation(ctx, { operation: 'registerDeath', event: 'PersonDied', returns: 'Person', writes: [{ type: 'Person', action: 'update', fields: ['status', 'statusDate'] }] }, { personId, expectedVersion, day }, idempotencyKey, async (em) => {
      const person = await visiblePerson(ctx, personId);
      const died = date('date', day);
      if (person.status !== 'LIVING') throw badInput('personId', `the person is already recorded as ${person.status}.`);
      if (died < person.birthDate) throw badInput('date', `${died} is before the birth date ${person.birthDate}.`);
      return updateVersioned(em, Person, { id: personId }, personId, expectedVersion, { status: 'DECEASED', statusDate: died });
    }),

  registerMove: (_, { personId, expectedVersion, householdId, relationshipToHead, idempotencyKey }, ctx) =>
    runMutation(
      ctx,
      { operation: 'registerMove', event: 'PersonMoved', returns: 'Person', writes: [{ type: 'Person', action: 'update', fields: ['household', 'relationshipToHead', 'address', 'addressRegionCode'] }] },
      { personId, expectedVersion, householdId, relationshipToHead },
      idempotencyKey,
      async (em) => {
        const person = await visiblePerson(ctx, personId);
        if (person.status !== 'LIVING') throw badInput('personId', `only a living person can move; this one is ${person.status}.`);
        if (person.householdId === householdId) throw badInput('householdId', 'the person already belongs to that household.');
        const household = await visibleHousehold(ctx, 'householdId', householdId);
        if (relationshipToHead === 'HEAD') throw badInput('relationshipToHead', 'a household keeps its head; move the person in as another relationship.');
        return updateVersioned(em, Person, { id: personId }, personId, expectedVersion, {
          householdId,
          relationshipToHead,
          address: household.address,
          addressRegionCode: household.regionCode,
        });
      },
    ),
};
