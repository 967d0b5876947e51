// The device list as an XLSX workbook for the annual inventory (年度盘点): one row per live device
// with Chinese headers, the responsible person resolved by the rule of the seed (a printer's is
// the user of the computer it hangs on) and the reason beside it. Admin passwords and
// configuration notes are left out unless the caller asks for them explicitly
// ({ includeSecrets: true }), and then they go in a last column headed as secret.
//
// Saving: the workbook is offered as a download (downloadXlsx: a Blob and an <a download>), which
// works the same in the Electron window and in browser mode; the PDF channel (netdesk.savePdf)
// is for PDFs only.
//
//   const bytes = await exportDevicesXlsx(db, { includeSecrets: false });
//   downloadXlsx(bytes, devicesExportFileName(new Date()));
import type { Workbook } from 'exceljs';
import { ATTACHABLE_TYPES, responsiblePerson } from '../../../shared/devices/responsible';
import type { Device } from '../../../shared/schemas';
import type { NetdeskDb } from '../../db/schema';
import { chinaDay } from '../../../shared/time/china';

export interface DeviceExportOptions {
  /** Put admin passwords and configuration notes in the file. Off unless the user asks. */
  includeSecrets: boolean;
  /** Leave out retired devices. */
  withoutRetired?: boolean;
}

const TYPE_WORDS: Record<Device['type'], string> = {
  computer: '电脑',
  printer: '打印机',
  peripheral: '外围设备',
  server: '服务器',
  switch: '交换机',
  router: '路由器',
  firewall: '防火墙',
  'cctv-camera': '摄像机',
  'cctv-recorder': '录像机',
  'video-conference': '视频会议',
  other: '其他',
};
const STATUS_WORDS: Record<Device['status'], string> = {
  'in-use': '在用',
  spare: '备用',
  'in-repair': '维修中',
  retired: '报废',
};
const REASON_WORDS = { user: '使用人', attached: '所接电脑的使用人', none: '' } as const;

/**
 * Column headers. They are names the device import reads back (资产编号, 类型, 所接电脑…), so an
 * exported list can be edited in Excel and imported into another ledger.
 */
const COLUMNS: { header: string; width: number }[] = [
  { header: '资产编号', width: 14 },
  { header: '类型', width: 10 },
  { header: '名称', width: 20 },
  { header: '品牌', width: 10 },
  { header: '型号', width: 20 },
  { header: '序列号', width: 16 },
  { header: '位置', width: 18 },
  { header: '部门', width: 12 },
  { header: '责任人', width: 10 },
  { header: '工号', width: 10 },
  { header: '责任依据', width: 16 },
  { header: '所接电脑', width: 12 },
  { header: '状态', width: 8 },
  { header: '购买日期', width: 12 },
  { header: '供应商', width: 18 },
  { header: '价格', width: 10 },
  { header: '保修到期', width: 12 },
  { header: 'IP', width: 15 },
  { header: 'MAC', width: 18 },
  { header: '通道数', width: 8 },
  { header: '保存天数', width: 8 },
  { header: '备注', width: 30 },
];
const SECRET_COLUMN = { header: '密码与配置（机密）', width: 30 };

/** A YYYY-MM-DD day as an Excel date (midnight UTC, which exceljs writes as that day). */
const excelDate = (day: string | null) => (day ? new Date(`${day}T00:00:00Z`) : null);

/** The inventory workbook's bytes. */
export async function exportDevicesXlsx(db: NetdeskDb, options: DeviceExportOptions): Promise<Uint8Array> {
  const [devices, people, departments] = await Promise.all([
    db.devices.filter((d) => !d.deletedAt).toArray(),
    db.people.filter((p) => !p.deletedAt).toArray(),
    db.departments.filter((d) => !d.deletedAt).toArray(),
  ]);
  const byId = new Map(devices.map((d) => [d.id, d]));
  const personById = new Map(people.map((p) => [p.id, p]));
  const departmentName = new Map(departments.map((d) => [d.id, d.name]));
  const listed = devices
    .filter((d) => !(options.withoutRetired && d.status === 'retired'))
    .sort((a, b) => a.assetTag.localeCompare(b.assetTag, 'en', { numeric: true }));

  const { default: ExcelJS } = await import('exceljs');
  const workbook: Workbook = new ExcelJS.Workbook();
  workbook.creator = 'NetDesk 网管工作台';
  const sheet = workbook.addWorksheet('设备台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = options.includeSecrets ? [...COLUMNS, SECRET_COLUMN] : COLUMNS;
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

  for (const d of listed) {
    const responsible = responsiblePerson(d, (id) => byId.get(id));
    const person = responsible.personId ? personById.get(responsible.personId) : undefined;
    // 所接电脑 is a printer's or peripheral's computer; other links (a camera on its recorder) are
    // not what the column means, and the import would refuse them.
    const host =
      d.attachedToDeviceId && ATTACHABLE_TYPES.has(d.type) ? byId.get(d.attachedToDeviceId) : undefined;
    const row = [
      d.assetTag,
      TYPE_WORDS[d.type],
      d.name,
      d.brand,
      d.model,
      d.serialNo,
      d.location,
      d.departmentId ? (departmentName.get(d.departmentId) ?? '') : '',
      person?.name ?? '',
      person?.employeeNo ?? '',
      responsible.reason === 'attached' && responsible.viaDevice
        ? `${REASON_WORDS.attached}（${responsible.viaDevice.assetTag}）`
        : REASON_WORDS[responsible.reason],
      host?.assetTag ?? '',
      STATUS_WORDS[d.status],
      excelDate(d.purchaseDate),
      d.vendor,
      d.price,
      excelDate(d.warrantyEnd),
      d.ip,
      d.mac,
      d.channelCount,
      d.retentionDays,
      d.note,
    ];
    if (options.includeSecrets) row.push(d.secret);
    sheet.addRow(row);
  }
  for (const key of [14, 17]) sheet.getColumn(key).numFmt = 'yyyy-mm-dd';
  sheet.getColumn(16).numFmt = '#,##0.00';

  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

/** 设备台账-2026-11-27.xlsx */
export function devicesExportFileName(now: Date): string {
  return `设备台账-${chinaDay(now)}.xlsx`;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Offer bytes as a file download from the page (Electron window and browser mode alike). */
export function downloadXlsx(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
