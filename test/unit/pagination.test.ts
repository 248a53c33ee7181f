import { decodeCursor, encodeCursor, pageSize } from '../../subgraphs/kit/pagination';

describe(encodeCursor.name, () => {
  it('returns a cursor that decodes to the same key', () => {
    expect(decodeCursor(encodeCursor('P0123456789'))).toBe('P0123456789');
  });
});

describe(decodeCursor.name, () => {
  it.each(['', 'abc', Buffer.from('x:P1').toString('base64url'), 'k:P1'])('refuses %j with BAD_USER_INPUT', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  });
});

describe(pageSize.name, () => {
  it('returns the default when no size is given and the size otherwise', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(0)).toBe(0);
    expect(pageSize(500)).toBe(500);
  });
  it('refuses a size above the maximum, naming the maximum', () => {
    expect(() => pageSize(501)).toThrow(/maximum of 500/);
    expect(() => pageSize(-1)).toThrow(/zero or a positive/);
  });
});
