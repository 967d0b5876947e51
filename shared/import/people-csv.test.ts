import { describe, expect, it } from 'vitest';
import {
  decodeImportBytes,
  parsePeopleCsv,
  readPeopleCsv,
  type PeopleCsvContext,
  type PeopleCsvResult,
} from './people-csv';
import { readDeviceCsv } from './devices';

const empty: PeopleCsvContext = { existingPeople: [], existingDepartments: [] };

/** Encode text as GBK, the way an older Chinese Excel saves a CSV. Built from the GBK decoder. */
function gbkBytes(text: string): Uint8Array {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

function people(result: PeopleCsvResult) {
  if (!result.ok || result.kind !== 'people')
    throw new Error(`expected a people file, got ${JSON.stringify(result)}`);
  return result;
}

const directory = [
  '工号,姓名,部门,电话,电脑,职务',
  'A001,张三,财务部,13800000001,PC-001,会计',
  'A002,李四,人力资源部,,PC-002,',
].join('\r\n');

/** Decoded text, or the test fails with where it broke. */
function decoded(bytes: Uint8Array) {
  const r = decodeImportBytes(bytes);
  if (!r.ok) throw new Error(`broken at line ${r.line}`);
  return r;
}

describe('decodeImportBytes', () => {
  it('reads UTF-8 with a BOM and drops the BOM so the first header still matches', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(directory)]);
    const { text, encoding } = decoded(bytes);
    expect(encoding).toBe('utf-8');
    expect(text.startsWith('工号')).toBe(true);
    const result = people(parsePeopleCsv(text, empty));
    expect(result.rows.map((r) => r.person.name)).toEqual(['张三', '李四']);
  });

  it('reads a GBK file from Excel as Chinese text', () => {
    const { text, encoding } = decoded(gbkBytes(directory));
    expect(encoding).toBe('gbk');
    const result = people(parsePeopleCsv(text, empty));
    expect(result.rows[0]?.person).toMatchObject({ employeeNo: 'A001', name: '张三', title: '会计' });
    expect(result.rows[0]?.department).toBe('财务部');
  });
});

describe('a file with broken characters, at every import', () => {
  // A GBK file from Excel cut inside the last name's second character (a copy that stopped):
  // read leniently, 王五 became 王\ufffd.
  const whole = gbkBytes(`${directory}\r\nA003,王五`);
  const cut = whole.subarray(0, whole.length - 1);

  it('refuses a GBK file cut inside a character, with its line, for people and for devices', () => {
    expect(decodeImportBytes(cut)).toEqual({ ok: false, encoding: 'gbk', line: 4 });
    expect(readPeopleCsv(cut, empty)).toEqual({ ok: false, error: { code: 'encoding', line: 4 } });
    const devices = gbkBytes('资产编号,类型,使用人\r\nPC-001,电脑,张三\r\nPC-002,电脑,王五');
    expect(readDeviceCsv(devices.subarray(0, devices.length - 1))).toEqual({
      ok: false,
      error: { code: 'encoding', line: 3 },
    });
    // The same files whole are read.
    expect(readPeopleCsv(whole, empty)).toMatchObject({ ok: true, encoding: 'gbk' });
    expect(readDeviceCsv(devices)).toMatchObject({ ok: true, encoding: 'gbk' });
  });

  it('refuses a UTF-8 file cut inside a character, and one that already holds U+FFFD', () => {
    const utf8 = new TextEncoder().encode(`${directory}\r\nA003,王五,财务部`);
    expect(decodeImportBytes(utf8.subarray(0, utf8.length - 1))).toEqual({
      ok: false,
      encoding: 'utf-8',
      line: 4,
    });
    const replaced = new TextEncoder().encode(directory.replace('李四', '李\ufffd'));
    expect(readPeopleCsv(replaced, empty)).toEqual({ ok: false, error: { code: 'encoding', line: 3 } });
  });
});

describe('parsePeopleCsv', () => {
  it('maps English headers in any order and lists the departments it will create', () => {
    const csv = 'Name,Department,Employee No,Phone,Computer,Title\n王五,IT,E9,010-1234,PC-9,Engineer\n';
    const result = people(parsePeopleCsv(csv, empty));
    expect(result.rows[0]?.person).toEqual({
      employeeNo: 'E9',
      name: '王五',
      title: 'Engineer',
      phone: '010-1234',
      computerTag: 'PC-9',
      note: '',
    });
    expect(result.departments).toEqual([
      { name: 'IT', company: '', note: '', existingId: null, headEmployeeNo: null },
    ]);
    expect(result.counts).toEqual({ rows: 1, ok: 1, error: 0, newDepartments: 1 });
  });

  it('accepts 计算机 as the computer column', () => {
    const result = people(parsePeopleCsv('工号,姓名,计算机\nA1,甲,PC-7', empty));
    expect(result.rows[0]?.person.computerTag).toBe('PC-7');
  });

  it('refuses a file without an employee no. column, naming the missing column', () => {
    const result = parsePeopleCsv('姓名,部门\n张三,财务部', empty);
    expect(result).toEqual({
      ok: false,
      error: { code: 'missing-columns', columns: ['employeeNo'], headers: ['姓名', '部门'] },
    });
  });

  it('refuses a file whose headers it does not recognise at all', () => {
    const result = parsePeopleCsv('a,b,c\n1,2,3', empty);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatchObject({ code: 'missing-columns', columns: ['employeeNo', 'name'] });
  });

  it('reports an empty file, and a file with only a header, as empty', () => {
    expect(parsePeopleCsv('\n\n', empty)).toEqual({ ok: false, error: { code: 'empty' } });
    expect(parsePeopleCsv('工号,姓名\n,\n', empty)).toEqual({ ok: false, error: { code: 'empty' } });
  });

  it('skips empty lines but keeps the real line numbers for errors', () => {
    const csv = '工号,姓名\n\nA1,甲\n , \n,乙\n';
    const result = people(parsePeopleCsv(csv, empty));
    expect(result.rows.map((r) => r.line)).toEqual([3, 5]);
    expect(result.rows[1]?.errors).toEqual([{ field: 'employeeNo', code: 'required' }]);
  });

  it('marks a repeated employee no. in the file on the later row, pointing at the first', () => {
    const csv = '工号,姓名\nA1,甲\na1 ,乙\nＡ1,丙';
    const result = people(parsePeopleCsv(csv, empty));
    expect(result.rows[0]?.errors).toEqual([]);
    expect(result.rows[1]?.errors).toEqual([
      { field: 'employeeNo', code: 'duplicate-in-file', firstLine: 2 },
    ]);
    expect(result.rows[2]?.errors).toEqual([
      { field: 'employeeNo', code: 'duplicate-in-file', firstLine: 2 },
    ]);
    expect(result.counts).toMatchObject({ ok: 1, error: 2 });
  });

  it('marks an employee no. already in the ledger', () => {
    const context: PeopleCsvContext = {
      existingPeople: [{ id: 'p1', employeeNo: 'A001', name: '张三' }],
      existingDepartments: [],
    };
    const result = people(parsePeopleCsv(directory, context));
    expect(result.rows[0]?.errors).toEqual([{ field: 'employeeNo', code: 'duplicate-existing' }]);
    expect(result.rows[1]?.errors).toEqual([]);
  });

  it('checks fields with the person schema: bad phone, over-long name', () => {
    const csv = `工号,姓名,电话\nA1,${'长'.repeat(31)},abc`;
    const result = people(parsePeopleCsv(csv, empty));
    expect(result.rows[0]?.errors).toEqual(
      expect.arrayContaining([
        { field: 'name', code: 'too-long', max: 30 },
        { field: 'phone', code: 'format' },
      ]),
    );
  });

  it('matches existing departments by name and only creates the new ones', () => {
    const context: PeopleCsvContext = {
      existingPeople: [],
      existingDepartments: [{ id: 'd1', name: '财务部', headPersonId: null }],
    };
    const result = people(parsePeopleCsv(directory, context));
    expect(result.departments.map((d) => [d.name, d.existingId])).toEqual([
      ['财务部', 'd1'],
      ['人力资源部', null],
    ]);
    expect(result.counts.newDepartments).toBe(1);
  });

  it('takes a head flag (是) or a head named by name, resolved after all rows are read', () => {
    const csv = ['工号,姓名,部门,部门负责人', 'A1,甲,财务部,乙', 'A2,乙,财务部,', 'B1,丙,行政部,是'].join(
      '\n',
    );
    const result = people(parsePeopleCsv(csv, empty));
    expect(result.departments.map((d) => [d.name, d.headEmployeeNo])).toEqual([
      ['财务部', 'A2'],
      ['行政部', 'B1'],
    ]);
  });

  it('keeps the head an existing department already has, and says so', () => {
    const context: PeopleCsvContext = {
      existingPeople: [{ id: 'p9', employeeNo: 'Z9', name: '老板' }],
      existingDepartments: [{ id: 'd1', name: '财务部', headPersonId: 'p9' }],
    };
    const result = people(parsePeopleCsv('工号,姓名,部门,负责人\nA1,甲,财务部,是', context));
    expect(result.departments[0]?.headEmployeeNo).toBeNull();
    expect(result.rows[0]?.warnings).toEqual([{ code: 'head-exists', department: '财务部' }]);
  });

  it('reads a departments file: name, company and head', () => {
    const context: PeopleCsvContext = {
      existingPeople: [{ id: 'p1', employeeNo: 'A001', name: '张三' }],
      existingDepartments: [{ id: 'd1', name: '行政部', headPersonId: null }],
    };
    const csv = '部门,公司,部门负责人\n财务部,集团总部,A001\n行政部,集团总部,\n财务部,子公司,';
    const result = parsePeopleCsv(csv, context);
    if (!result.ok || result.kind !== 'departments') throw new Error('expected a departments file');
    expect(result.departments).toEqual([
      { name: '财务部', company: '集团总部', note: '', existingId: null, headEmployeeNo: 'A001' },
    ]);
    expect(result.rows[1]?.errors).toEqual([{ field: 'department', code: 'duplicate-existing' }]);
    expect(result.rows[2]?.errors).toEqual([
      { field: 'department', code: 'duplicate-in-file', firstLine: 2 },
    ]);
  });

  it('handles quoted cells with commas and line breaks', () => {
    const csv = '工号,姓名,备注\nA1,甲,"一楼, 靠窗\n第二行"\nA2,乙,';
    const result = people(parsePeopleCsv(csv, empty));
    expect(result.rows.map((r) => r.person.note)).toEqual(['一楼, 靠窗\n第二行', '']);
  });
});
