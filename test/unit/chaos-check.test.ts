import { checkWrites, writesHold } from '../../bench/chaos-check';

const ack = (entries: [string, string[]][]) => new Map(entries.map(([k, ids]) => [k, new Set(ids)]));

describe(checkWrites.name, () => {
  it('holds when every acknowledged write is stored once and answered by its key', () => {
    const check = checkWrites({ acknowledged: ack([['k1', ['P1']], ['k2', ['P2']]]), stored: ['P1', 'P2', 'P3'], keys: new Map([['k1', 'P1'], ['k2', 'P2'], ['k3', 'P3']]) });
    expect(check).toMatchObject({ acknowledged: 2, stored: 3, lost: [], duplicated: [], orphans: [] });
    expect(writesHold(check)).toBe(true);
  });

  it('names a lost write, a key acknowledged twice with different records, a record stored twice and an orphan', () => {
    const check = checkWrites({
      acknowledged: ack([['k1', ['P1']], ['k2', ['P2', 'P9']], ['k4', ['P4']]]),
      stored: ['P2', 'P9', 'P4', 'P4', 'P5'],
      keys: new Map([['k2', 'P2'], ['k4', 'P4']]),
    });
    expect(check.lost).toEqual(['k1: P1']);
    expect(check.duplicated).toEqual(['k2: acknowledged as P2 and P9', 'P4: stored 2 times']);
    expect(check.orphans).toEqual(['P9', 'P5']);
    expect(writesHold(check)).toBe(false);
  });
});
