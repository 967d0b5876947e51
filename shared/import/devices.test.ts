import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemoLedger } from '../demo';
import {
  parseCount,
  parseDeviceRows,
  parseDeviceSheet,
  parseDeviceStatus,
  parseDeviceType,
  parsePrice,
  readDeviceCsv,
  readDeviceSheet,
  sniffSpreadsheet,
  type DeviceImportContext,
  type DeviceImportResult,
  type SheetRow,
} from './devices';

/** GBK bytes as an older Chinese Excel writes them, made by the system's iconv. */
function gbk(text: string): Uint8Array {
  return new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: text }));
}
const utf8 = (text: string) => new TextEncoder().encode(text);

const context: DeviceImportContext = {
  departments: [
    { id: 'd-cw', name: '财务部' },
    { id: 'd-wl', name: '网络中心' },
  ],
  people: [
    { id: 'p-zhang', employeeNo: 'A001', name: '张三', departmentId: 'd-cw' },
    { id: 'p-li', employeeNo: 'A002', name: '李四', departmentId: 'd-wl' },
    { id: 'p-wang1', employeeNo: 'A003', name: '王芳', departmentId: 'd-cw' },
    { id: 'p-wang2', employeeNo: 'A004', name: '王芳', departmentId: 'd-wl' },
  ],
  devices: [
    { id: 'dev-pc9', type: 'computer', assetTag: 'PC-009', userPersonId: 'p-li', attachedToDeviceId: null },
    { id: 'dev-pr9', type: 'printer', assetTag: 'PR-009', userPersonId: null, attachedToDeviceId: 'dev-pc9' },
  ],
};

function preview(result: DeviceImportResult) {
  if (!result.ok) throw new Error(`expected a preview, got ${JSON.stringify(result.error)}`);
  return result;
}
const csv = (lines: string[]) => {
  const read = readDeviceCsv(utf8(lines.join('\r\n')));
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  return read.rows;
};
const rowAt = (result: DeviceImportResult, line: number) =>
  preview(result).rows.find((r) => r.line === line)!;
const codes = (result: DeviceImportResult, line: number) => rowAt(result, line).errors.map((e) => e.code);

describe('reading the file', () => {
  const ledger = '资产编号,类型,使用人,备注\r\nPC-001,电脑,张三,财务室靠窗\r\n';

  it('reads GBK bytes from Excel as Chinese', () => {
    const read = readDeviceCsv(gbk(ledger));
    expect(read).toMatchObject({ ok: true, encoding: 'gbk' });
    const result = preview(parseDeviceRows(read.ok ? read.rows : [], context));
    expect(result.rows[0]?.device).toMatchObject({
      assetTag: 'PC-001',
      type: 'computer',
      userPersonId: 'p-zhang',
    });
    expect(result.rows[0]?.device?.note).toBe('财务室靠窗');
  });

  it('reads UTF-8 with a BOM, and UTF-16 "Unicode text" with tabs', () => {
    const bom = readDeviceCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(ledger)]));
    expect(bom).toMatchObject({ ok: true, encoding: 'utf-8' });
    expect(bom.ok && bom.rows[0]?.[0]).toBe('资产编号');

    const tabbed = ledger.replace(/,/g, '\t');
    const le = new Uint8Array(2 + tabbed.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < tabbed.length; i++)
      new DataView(le.buffer).setUint16(2 + i * 2, tabbed.charCodeAt(i), true);
    const read = readDeviceCsv(le);
    expect(read).toMatchObject({ ok: true, encoding: 'utf-16' });
    expect(read.ok && read.rows[1]).toEqual(['PC-001', '电脑', '张三', '财务室靠窗']);
  });

  it('refuses a file in another encoding instead of importing mojibake', () => {
    // Bytes of another code page: not UTF-8, and 0xFF is no GBK character (a decoder gives U+F8F5).
    const big5 = new Uint8Array([0xb8, 0xea, 0xb2, 0xa3, 0x2c, 0x41, 0x0d, 0x0a, 0x80, 0xff, 0x2c, 0x42]);
    expect(readDeviceCsv(big5)).toEqual({ ok: false, error: { code: 'encoding', line: 2 } });
  });

  it('knows an XLSX or an old XLS by its first bytes, whatever the file is called', () => {
    expect(sniffSpreadsheet(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe('xlsx');
    expect(sniffSpreadsheet(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('xls');
    expect(readDeviceCsv(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toEqual({
      ok: false,
      error: { code: 'xls-unsupported' },
    });
    expect(sniffSpreadsheet(utf8(ledger))).toBe('csv');
  });

  it('finds the header under a title line and skips blank rows', () => {
    const rows: SheetRow[] = [
      ['2026年电子设备台账', null, null],
      [],
      ['编号', '设备类型', '品牌'],
      ['PC-001', '笔记本', '联想'],
      ['', null, ''],
      ['PC-002', '台式机', '戴尔'],
    ];
    const read = readDeviceSheet(rows);
    expect(read.ok && read.sheet.headerIndex).toBe(2);
    const result = preview(parseDeviceRows(rows, context));
    expect(result.rows.map((r) => [r.line, r.device?.assetTag, r.device?.brand])).toEqual([
      [4, 'PC-001', '联想'],
      [6, 'PC-002', '戴尔'],
    ]);
  });

  it('says which required columns are missing and what the file has', () => {
    expect(parseDeviceRows(csv(['名称,品牌', '打印机,惠普']), context)).toEqual({
      ok: false,
      error: { code: 'missing-columns', columns: ['assetTag', 'type'], headers: ['名称', '品牌'] },
    });
    expect(parseDeviceRows(csv(['资产编号,类型']), context)).toEqual({ ok: false, error: { code: 'empty' } });
  });
});

describe('header mapping', () => {
  it('maps Chinese and English header names in any order', () => {
    const zh = readDeviceSheet(
      csv([
        '标签,类型,品牌,型号,序列号,位置,部门,责任人,所接电脑,状态,购买日期,供应商,价格,保修到期,IP地址,MAC地址,通道数,保存天数,备注',
        'x',
      ]),
    );
    expect(zh.ok && Object.keys(zh.sheet.mapping).length).toBe(19);
    const en = readDeviceSheet(
      csv(['Type,Asset Tag,Serial No.,Attached To,Purchase Date,Warranty End', 'x']),
    );
    expect(en.ok && en.sheet.mapping).toEqual({
      type: 0,
      assetTag: 1,
      serialNo: 2,
      attachedTo: 3,
      purchaseDate: 4,
      warrantyEnd: 5,
    });
  });

  it('lets the user map a column the guess missed, and refuses one column read as two fields', () => {
    const read = readDeviceSheet(csv(['设备,种别,领用部门', 'PC-1,电脑,财务部']));
    if (!read.ok) throw new Error('unreadable');
    expect(parseDeviceSheet(read.sheet, context, read.sheet.mapping)).toMatchObject({
      ok: false,
      error: { code: 'missing-columns' },
    });
    const result = preview(parseDeviceSheet(read.sheet, context, { assetTag: 0, type: 1, department: 2 }));
    expect(result.rows[0]?.device).toMatchObject({
      assetTag: 'PC-1',
      type: 'computer',
      departmentId: 'd-cw',
    });
    expect(parseDeviceSheet(read.sheet, context, { assetTag: 0, type: 0 })).toEqual({
      ok: false,
      error: { code: 'duplicate-mapping', columns: ['assetTag', 'type'] },
    });
  });
});

describe('words, dates and numbers in cells', () => {
  it.each([
    ['电脑', 'computer'],
    ['台式机', 'computer'],
    ['笔记本', 'computer'],
    ['Laptop', 'computer'],
    ['打印机', 'printer'],
    ['服务器', 'server'],
    ['交换机', 'switch'],
    ['路由器', 'router'],
    ['防火墙', 'firewall'],
    ['摄像头', 'cctv-camera'],
    ['摄像机', 'cctv-camera'],
    ['录像机', 'cctv-recorder'],
    ['ＮＶＲ', 'cctv-recorder'],
    ['DVR', 'cctv-recorder'],
    ['视频会议', 'video-conference'],
    ['其他', 'other'],
    ['video-conference', 'video-conference'],
    ['扫描仪', 'peripheral'],
  ])('type %s is %s', (word, type) => {
    expect(parseDeviceType(word)).toBe(type);
  });

  it('reads status words and leaves an unknown one unknown', () => {
    expect(['在用', '闲置', '维修中', '报废', 'In use', 'retired'].map(parseDeviceStatus)).toEqual([
      'in-use',
      'spare',
      'in-repair',
      'retired',
      'in-use',
      'retired',
    ]);
    expect(parseDeviceStatus('借出')).toBeNull();
    expect(parseDeviceType('一体机')).toBeNull(); // a PC or a printer: asked, not guessed
  });

  it('reads prices with ¥, ￥, 元 and thousands commas; counts with units', () => {
    expect(['¥4,299.00', '￥ 1,599', '5600元', 4299.5, 'RMB 800'].map(parsePrice)).toEqual([
      4299, 1599, 5600, 4299.5, 800,
    ]);
    expect(parsePrice('约4000')).toBeNull();
    expect(['16路', '30天', 8, ' 12 '].map(parseCount)).toEqual([16, 30, 8, 12]);
    expect(parseCount('十六')).toBeNull();
  });

  it('reads Chinese dates, Excel serials (text or number) and exceljs Dates', () => {
    const rows: SheetRow[] = [
      ['资产编号', '类型', '购买日期', '保修到期'],
      ['PC-1', '电脑', '2026年3月5日', 45721],
      ['PC-2', '电脑', '45721', new Date(Date.UTC(2029, 2, 5))],
      ['PC-3', '电脑', '2026/2/30', '明年'],
    ];
    const result = preview(parseDeviceRows(rows, context));
    expect(rowAt(result, 2).device).toMatchObject({ purchaseDate: '2026-03-05', warrantyEnd: '2025-03-05' });
    expect(rowAt(result, 3).device).toMatchObject({ purchaseDate: '2025-03-05', warrantyEnd: '2029-03-05' });
    expect(rowAt(result, 4).errors).toEqual([
      { field: 'purchaseDate', code: 'date-format', value: '2026/2/30' },
      { field: 'warrantyEnd', code: 'date-format', value: '明年' },
    ]);
    expect(rowAt(result, 3).cells.purchaseDate).toBe('2025-03-05');
  });

  it('reports an unknown type, status, price or count in that row only', () => {
    const result = preview(
      parseDeviceRows(
        csv([
          '资产编号,类型,状态,价格,通道数',
          'X-1,投影幕,在用,,',
          'X-2,电脑,借出,,',
          'X-3,电脑,,约4000,',
          'X-4,NVR,,,十六',
          'X-5,电脑,,,',
        ]),
        context,
      ),
    );
    expect(rowAt(result, 2).errors).toEqual([{ field: 'type', code: 'unknown-type', value: '投影幕' }]);
    expect(codes(result, 3)).toEqual(['unknown-status']);
    expect(codes(result, 4)).toEqual(['price-format']);
    expect(codes(result, 5)).toEqual(['number-format']);
    expect(rowAt(result, 6).device).toMatchObject({ assetTag: 'X-5', status: 'in-use', price: null });
    expect(result.counts).toEqual({ rows: 5, ok: 1, error: 4, warning: 0 });
  });

  it('checks lengths as the ledger will, and writes MACs one way', () => {
    const long = 'A'.repeat(41);
    const result = preview(
      parseDeviceRows(csv(['资产编号,类型,MAC', `${long},电脑,`, 'PC-1,电脑,3c-52-82-aa-01-ff']), context),
    );
    expect(rowAt(result, 2).errors).toEqual([{ field: 'assetTag', code: 'too-long', max: 40 }]);
    expect(rowAt(result, 3).device?.mac).toBe('3C:52:82:AA:01:FF');
  });
});

describe('the directory and the ledger', () => {
  it('finds people by employee no., by a unique name, or by "name（no）"; departments by name', () => {
    const result = preview(
      parseDeviceRows(
        csv([
          '资产编号,类型,部门,使用人',
          'PC-1,电脑,财务部,A001',
          'PC-2,电脑,网络中心,李四',
          'PC-3,电脑,,王芳（A004）',
          'PC-4,电脑,ｆ,',
        ]),
        context,
      ),
    );
    expect(rowAt(result, 2).device).toMatchObject({ userPersonId: 'p-zhang', departmentId: 'd-cw' });
    expect(rowAt(result, 3).device).toMatchObject({ userPersonId: 'p-li', departmentId: 'd-wl' });
    // No department written: the user's own is taken, and the preview says so.
    expect(rowAt(result, 4).device).toMatchObject({ userPersonId: 'p-wang2', departmentId: 'd-wl' });
    expect(rowAt(result, 4).warnings).toEqual([{ code: 'department-from-user', value: '网络中心' }]);
  });

  it('imports a row whose person or department is unknown, warns, and keeps the names in the note', () => {
    const result = preview(
      parseDeviceRows(
        csv(['资产编号,类型,部门,使用人,备注', 'PC-1,电脑,采购部,赵六,旧机', 'PC-2,电脑,,王芳,']),
        context,
      ),
    );
    const row = rowAt(result, 2);
    expect(row.errors).toEqual([]);
    expect(row.warnings.map((w) => w.code)).toEqual(['user-unknown', 'department-unknown']);
    expect(row.device).toMatchObject({ userPersonId: null, departmentId: null });
    expect(row.device?.note).toBe('旧机 （导入时未在通讯录中找到：使用人：赵六，部门：采购部）');
    // Two people are called 王芳: not guessed.
    expect(rowAt(result, 3).warnings).toEqual([{ code: 'user-ambiguous', value: '王芳' }]);
    expect(result.counts).toMatchObject({ ok: 2, warning: 2 });
  });

  it('finds duplicate tags within the file and against the ledger, whatever their width or case', () => {
    const result = preview(
      parseDeviceRows(
        csv(['资产编号,类型', 'PC-1,电脑', 'pc-1,电脑', 'ＰＣ－００９,电脑', 'PC-2,电脑']),
        context,
      ),
    );
    expect(rowAt(result, 3).errors).toEqual([
      { field: 'assetTag', code: 'duplicate-in-file', value: 'pc-1', firstLine: 2 },
    ]);
    expect(rowAt(result, 4).errors).toEqual([
      { field: 'assetTag', code: 'duplicate-existing', value: 'PC-009' },
    ]);
    expect(result.counts).toMatchObject({ ok: 2, error: 2 });
  });
});

describe('attached to a computer', () => {
  it('resolves the computer by tag in the file (even further down) or in the ledger', () => {
    const result = preview(
      parseDeviceRows(
        csv([
          '资产编号,类型,所接电脑',
          'PR-1,打印机,PC-1',
          'PC-1,电脑,',
          'PR-2,打印机,pc-009',
          'SC-1,扫描仪,PC-1',
        ]),
        context,
      ),
    );
    expect(rowAt(result, 2).attachedTo).toEqual({ kind: 'file', tag: 'PC-1', line: 3 });
    expect(rowAt(result, 4).attachedTo).toEqual({ kind: 'ledger', id: 'dev-pc9', tag: 'PC-009' });
    expect(rowAt(result, 5).attachedTo).toMatchObject({ kind: 'file', line: 3 });
    expect(result.counts.error).toBe(0);
  });

  it('refuses a peripheral attached to itself, to a printer, to nothing known; and a PC attached to anything', () => {
    const result = preview(
      parseDeviceRows(
        csv([
          '资产编号,类型,所接电脑',
          'PR-1,打印机,PR-1',
          'PR-2,打印机,PR-009',
          'PR-3,打印机,PC-404',
          'PC-1,电脑,PC-009',
          'PR-4,打印机,PR-2',
        ]),
        context,
      ),
    );
    expect(rowAt(result, 2).errors).toEqual([
      { field: 'attachedTo', code: 'attached-to-itself', value: 'PR-1' },
    ]);
    expect(codes(result, 3)).toEqual(['host-not-a-computer']);
    expect(rowAt(result, 4).errors).toEqual([
      { field: 'attachedTo', code: 'attached-not-found', value: 'PC-404' },
    ]);
    expect(codes(result, 5)).toEqual(['only-peripherals-attach']);
    expect(codes(result, 6)).toEqual(['host-not-a-computer']);
    expect(result.counts.ok).toBe(0);
  });

  it('skips a printer whose computer is a row that cannot be imported, and says which line', () => {
    const result = preview(
      parseDeviceRows(
        csv(['资产编号,类型,购买日期,所接电脑', 'PC-1,电脑,2026年13月1日,', 'PR-1,打印机,,PC-1']),
        context,
      ),
    );
    expect(codes(result, 2)).toEqual(['date-format']);
    expect(rowAt(result, 3).errors).toEqual([
      { field: 'attachedTo', code: 'attached-host-skipped', value: 'PC-1', firstLine: 2 },
    ]);
    expect(rowAt(result, 3).device).toBeNull();
  });
});

describe('the supervisor’s GBK ledger of 50 devices (test/fixtures/devices-50-gbk.csv)', () => {
  it('previews all 50 against the demo directory, printers on their computers', () => {
    const demo = buildDemoLedger({ now: new Date('2026-11-27T06:00:00Z') });
    const demoContext: DeviceImportContext = {
      departments: demo.tables.departments!,
      people: demo.tables.people!,
      devices: demo.tables.devices!,
    };
    const bytes = readFileSync(resolve(import.meta.dirname, '../../test/fixtures/devices-50-gbk.csv'));
    const read = readDeviceCsv(new Uint8Array(bytes));
    expect(read).toMatchObject({ ok: true, encoding: 'gbk' });
    const result = preview(parseDeviceRows(read.ok ? read.rows : [], demoContext));
    expect(result.counts).toEqual({ rows: 50, ok: 50, error: 0, warning: 0 });
    const types = new Set(result.rows.map((r) => r.device!.type));
    expect([...types].sort()).toEqual(
      ['computer', 'printer', 'cctv-camera', 'cctv-recorder', 'switch', 'video-conference', 'other'].sort(),
    );
    const pr1 = result.rows.find((r) => r.device?.assetTag === 'ZC-PR-001')!;
    expect(pr1.attachedTo).toMatchObject({ kind: 'file', tag: 'ZC-PC-003' });
    const pc1 = result.rows.find((r) => r.device?.assetTag === 'ZC-PC-001')!.device!;
    expect(pc1).toMatchObject({ price: 4299, warrantyEnd: '2029-03-05', purchaseDate: '2025-06-01' });
    expect(pc1.userPersonId).toBe(demo.tables.people!.find((p) => p.employeeNo === 'HT1001')!.id);
    const nvr = result.rows.find((r) => r.device?.assetTag === 'ZC-NVR-01')!.device!;
    expect(nvr).toMatchObject({ channelCount: 16, retentionDays: 30 });
  });
});
