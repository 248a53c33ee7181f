/**
 * The mechanical check behind derivedFrom: every stored column is some field's data (or declared internal), and a
 * resolver that reads a stricter field's columns without declaring it as a source fails where it runs.
 */
import { defineEntity, p } from '@mikro-orm/core';
import { defineCatalogue, field } from '../../auth';
import { columnOwners, columnProblems, guardedSource } from '../../subgraphs/kit/column-guard';
import { SUBGRAPHS } from '../../subgraphs/registry';
import { catalogueOf } from '../../subgraphs/kit/server';

const Profile = defineEntity({
  name: 'Profile',
  properties: { id: p.string().primary(), rating: p.string(), loanCount: p.integer(), contracts: p.integer(), version: p.integer() },
});

const catalogue = (declare: boolean) =>
  defineCatalogue('credit', {
    Profile: {
      ...(declare ? { columns: { loans: ['loanCount'], contracts: ['contracts'] }, internal: ['version'] } : {}),
      fields: {
        id: field('UNCONDITIONAL', { open: true }),
        rating: 'UNCONDITIONAL',
        loans: field('CONDITIONAL', { sensitivity: 'SENSITIVE' }),
        contracts: 'CONDITIONAL',
        loanScore: field('UNCONDITIONAL', { derivedFrom: ['loans'] }),
        summary: 'UNCONDITIONAL',
      },
    },
  });

/** A row as MikroORM hands it over: its entity's name on the prototype. */
const row = () => Object.assign(Object.create({ __meta: { className: 'Profile' } }), { id: 'P1', rating: 'A', loanCount: 3, contracts: 5, version: 1 }) as Record<string, unknown>;

describe(columnProblems.name, () => {
  it('refuses a stored column that is no field\'s data until the catalogue says whose it is', () => {
    expect(columnProblems([Profile], catalogue(false), 'credit')).toEqual([
      expect.stringMatching(/^Profile\.loanCount is stored but is no catalogued field's data/),
      expect.stringMatching(/^Profile\.version is stored/),
    ]);
    expect(columnProblems([Profile], catalogue(true), 'credit')).toEqual([]);
  });

  it('returns no problem for any domain of the platform', () => {
    for (const [name, definition] of Object.entries(SUBGRAPHS)) expect([name, columnProblems(definition.entities, catalogueOf(definition as never), name)]).toEqual([name, []]);
  });
});

describe(guardedSource.name, () => {
  const owners = columnOwners([Profile], catalogue(true));

  it('throws when a resolver computes a widely shared field from a protected column it does not declare', () => {
    const { row: guarded } = guardedSource(row(), 'Profile', 'summary', catalogue(true), owners) as { row: Record<string, unknown> };
    expect(guarded.rating).toBe('A');
    expect(guarded.id).toBe('P1');
    expect(guarded.version).toBe(1);
    expect(() => guarded.loanCount).toThrow(/resolver of Profile\.summary read Profile\.loanCount, the data of Profile\.loans \(CONDITIONAL\)/);
  });

  it('lets a field read the columns it declares as its sources, and its own', () => {
    const { row: guarded } = guardedSource(row(), 'Profile', 'loanScore', catalogue(true), owners) as { row: Record<string, unknown> };
    expect(guarded.loanCount).toBe(3);
    expect(() => guarded.contracts).toThrow(/Profile\.contracts/);
    const own = guardedSource(row(), 'Profile', 'loans', catalogue(true), owners).row as Record<string, unknown>;
    expect(own.loanCount).toBe(3);
  });

  it('stops checking once the resolver has returned (the row it hands on is judged by the next field)', () => {
    const guarded = guardedSource(row(), 'Profile', 'summary', catalogue(true), owners);
    guarded.release();
    expect((guarded.row as Record<string, unknown>).loanCount).toBe(3);
  });
});
