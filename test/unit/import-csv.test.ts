/**
 * Reading import files: RFC 4180 quoting (commas, doubled quotes, line breaks inside quotes), BOM, CRLF, GBK/GB18030,
 * line numbers of records that span lines, wrong field counts, an unbalanced quote at the end, NDJSON.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileRecords, type FileRecord, type ImportEncoding } from '../../subgraphs/kit/import';
import { gbk } from '../support/gbk';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdg-import-csv-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

let files = 0;
async function read(content: string | Buffer, options: { columns?: string[]; encoding?: ImportEncoding; ext?: string } = {}): Promise<FileRecord[]> {
  const file = path.join(dir, `f${++files}.${options.ext ?? 'csv'}`);
  fs.writeFileSync(file, content);
  const out: FileRecord[] = [];
  for await (const record of fileRecords(file, options.columns ?? ['id', 'name', 'address'], options.encoding)) out.push(record);
  return out;
}

describe('reading CSV import files', () => {
  it('keeps quoted commas, doubled quotes and a quoted address on two lines intact, numbering records by their first line', async () => {
    const records = await read(['id,name,address', '1,"王明, 小",plain', '2,"say ""hi""","海南省海口市', '滨海大道1号"', '', '3,x,y', ''].join('\n'));
    expect(records).toEqual([
      { line: 2, record: { id: '1', name: '王明, 小', address: 'plain' } },
      { line: 3, record: { id: '2', name: 'say "hi"', address: '海南省海口市\n滨海大道1号' } },
      { line: 6, record: { id: '3', name: 'x', address: 'y' } },
    ]);
  });

  it('reads a UTF-8 BOM and CRLF line ends (a line break inside quotes becomes LF)', async () => {
    const records = await read(`\uFEFF${['id,name,address', '1,"王明","海南省', '海口市"', '2,b,c'].join('\r\n')}\r\n`);
    expect(records).toEqual([
      { line: 2, record: { id: '1', name: '王明', address: '海南省\n海口市' } },
      { line: 4, record: { id: '2', name: 'b', address: 'c' } },
    ]);
  });

  it('rejects a record with the wrong number of fields with its own line number, also after a multi-line record', async () => {
    const records = await read(['id,name,address', '1,a,"two', 'lines"', '2,too,many,fields', '', '3,"x', 'y"', '4,b,c'].join('\n'));
    expect(records).toEqual([
      { line: 2, record: { id: '1', name: 'a', address: 'two\nlines' } },
      { line: 4, errors: [expect.stringMatching(/^The line has 4 fields but the header has 3 \(a field holding a comma or a line break must be in double quotes\)/)], raw: '2,too,many,fields' },
      { line: 6, errors: [expect.stringMatching(/^The record \(lines 6–7\) has 2 fields but the header has 3/)], raw: '3,"x\ny"' },
      { line: 8, record: { id: '4', name: 'b', address: 'c' } },
    ]);
  });

  it('rejects a record whose quote is never closed, at the line it starts, without losing the records before it', async () => {
    const records = await read(['id,name,address', '1,a,b', '', '2,"unclosed,c', 'more text', ''].join('\n'));
    expect(records).toEqual([
      { line: 2, record: { id: '1', name: 'a', address: 'b' } },
      { line: 4, errors: [expect.stringMatching(/record starting on line 4 is never closed: the record runs to the end of the file/)], raw: null },
    ]);
  });

  it('refuses a header that lacks a column', async () => {
    await expect(read('id,name\n1,a\n')).rejects.toThrow(/the header lacks the column\(s\) address/);
  });

  it('reads a GBK file with encoding gbk or gb18030, and refuses it as UTF-8 naming the line, the byte offset and --encoding', async () => {
    const content = gbk('id,name,address\r\n1,王明,"海南省\r\n海口市"\r\n2,b,c\r\n');
    for (const encoding of ['gbk', 'gb18030'] as const) {
      expect(await read(content, { encoding })).toEqual([
        { line: 2, record: { id: '1', name: '王明', address: '海南省\n海口市' } },
        { line: 4, record: { id: '2', name: 'b', address: 'c' } },
      ]);
    }
    // Line 2 starts at byte 17 ("id,name,address\r\n"); 王 follows "1,".
    await expect(read(content)).rejects.toThrow(/line 2, byte offset 19: the bytes 0xCD 0xF5 .* are not valid UTF-8\. The file reads as GBK\/GB18030.*--encoding gb18030/);
  });

  it('places a bad byte exactly in a large file, across read chunks', async () => {
    const lines = ['id,name,address', ...Array.from({ length: 20000 }, (_, i) => `${i},王明,海南省海口市`)];
    const good = Buffer.from(`${lines.join('\n')}\n`);
    const bad = Buffer.concat([good, Buffer.from('x,'), Buffer.from([0xff]), Buffer.from(',y\n')]);
    await expect(read(bad)).rejects.toThrow(new RegExp(`line 20002, byte offset ${good.length + 2}: the bytes 0xFF .*--encoding utf8\\|gbk\\|gb18030`));
    expect(await read(good)).toHaveLength(20000);
  });

  it('reads NDJSON, with a BOM and CRLF, reporting a line that is not an object', async () => {
    const records = await read(`\uFEFF{"id":1,"name":"王明","address":"a\\nb"}\r\n\r\n[1]\r\n{"id":2,"name":null,"address":"c"}`, { ext: 'ndjson' });
    expect(records).toEqual([
      { line: 1, record: { id: '1', name: '王明', address: 'a\nb' } },
      { line: 3, errors: ['The line is not a JSON object.'], raw: '[1]' },
      { line: 4, record: { id: '2', name: '', address: 'c' } },
    ]);
  });
});
