import fs from 'node:fs';
import { catalogueDoc, SUPERGRAPH_FILE } from '../../scripts/compose';
import { CATALOGUE_DOC_FILE } from '../../scripts/catalogue-doc';
import { PLATFORM_CATALOGUE } from '../../subgraphs/platform-catalogue';

/** The field rows of each type section (`### Type`, then a table whose rows start with | `field` |) of the document. */
function documentedFields(markdown: string): Map<string, Map<string, string[]>> {
  const out = new Map<string, Map<string, string[]>>();
  let type: Map<string, string[]> | undefined;
  for (const line of markdown.split('\n')) {
    const heading = /^### (\w+)$/.exec(line);
    if (heading) out.set(heading[1]!, (type = new Map()));
    else if (/^## /.test(line)) type = undefined;
    const row = /^\| `(\w+)` \| (.*) \|$/.exec(line);
    if (row && type) type.set(row[1]!, row[2]!.split(' | '));
  }
  return out;
}

describe('docs/catalogue.md', () => {
  const generated = catalogueDoc(fs.readFileSync(SUPERGRAPH_FILE, 'utf8'));
  const catalogued = Object.entries(PLATFORM_CATALOGUE).flatMap(([type, t]) => Object.keys(t.fields).map((field) => `${type}.${field}`)).sort();

  it.each([
    ['as generated', () => generated],
    ['as committed', () => fs.readFileSync(CATALOGUE_DOC_FILE, 'utf8')],
  ])('lists every catalogued field of every type, and nothing else (%s)', (_, read) => {
    const documented = [...documentedFields(read())].flatMap(([type, fields]) => [...fields.keys()].map((field) => `${type}.${field}`)).sort();
    expect(documented).toEqual(catalogued);
  });

  it("gives each field its owner, sharing type, openness, sensitivity and mask from the catalogue, and a description", () => {
    const documented = documentedFields(generated);
    for (const [type, t] of Object.entries(PLATFORM_CATALOGUE)) {
      for (const [field, e] of Object.entries(t.fields)) {
        const [owner, sharing, open, sensitivity, mask, , description] = documented.get(type)!.get(field)!;
        expect({ at: `${type}.${field}`, owner, sharing, open, sensitivity, mask }).toEqual({ at: `${type}.${field}`, owner: e.owner, sharing: e.sharing, open: e.open ? 'yes' : 'no', sensitivity: e.sensitivity, mask: e.mask });
        expect(description!.trim()).not.toBe('');
      }
    }
  });

  it('gives the minimum cell size of the fields statistics read: 10, or 20 for sensitive ones', () => {
    const health = documentedFields(generated).get('HealthRecord')!;
    expect(health.get('regionCode')![5]).toBe('10 (health.CITY, health.COUNTY, health.PROVINCE)');
    expect(health.get('vaccinations')![5]).toBe('20 (health.VACCINATED)');
    expect(health.get('bloodType')![5]).toBe('–');
    expect(documentedFields(generated).get('PropertyTransfer')!.get('price')![5]).toBe('20 (housingTransfers.PRICE)');
  });

  it('groups types by owning department, sorted, and explains the columns and how to get access', () => {
    const departments = [...generated.matchAll(/^## .*\(`([a-z-]+)`\)$/gm)].map((m) => m[1]);
    expect(departments).toEqual([...new Set(Object.values(PLATFORM_CATALOGUE).map((t) => t.owner))].sort());
    expect(generated).toMatch(/^## How to get access$/m);
    expect(generated).toContain('`requestGrant(');
    for (const word of ['UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED', 'PIPL', 'Min. cell']) expect(generated).toContain(word);
  });
});
