/** GBK bytes for test files from older departmental systems, written out by hand: Node ships no GBK encoder. */
const GBK: Record<string, number[]> = { 海: [0xba, 0xa3], 南: [0xc4, 0xcf], 省: [0xca, 0xa1], 口: [0xbf, 0xda], 市: [0xca, 0xd0], 王: [0xcd, 0xf5], 明: [0xc3, 0xf7] };

/** `text` in GBK: ASCII as is, the characters above by their GBK bytes. */
export function gbk(text: string): Buffer {
  return Buffer.from(
    Array.from(text).flatMap((c) => {
      if (c.charCodeAt(0) < 0x80) return [c.charCodeAt(0)];
      const bytes = GBK[c];
      if (!bytes) throw new Error(`no GBK bytes for ${c} in test/support/gbk.ts`);
      return bytes;
    }),
  );
}
