// Check templates: the checklist of each kind of routine check, kept as the ledger-wide setting
// `checkTemplates` so every PC of the ledger checks the same items. A template item is either
// checked once (the machine room's doors and windows) or once per device the check covers (each
// server's disk, each camera's recording). When a check is done its items are copied into the
// record with their wording of the day (see snapshotItems), so editing a template later never
// rewrites what an old record says was checked.
import { z } from 'zod';
import { CHECK_KINDS } from '../schemas/records';

export type CheckKind = (typeof CHECK_KINDS)[number];

export const checkTemplateItemSchema = z.object({
  label: z.string().trim().min(1).max(120),
  /** Asked once for every device the check covers (servers, cameras, recorders). */
  perDevice: z.boolean().default(false),
});

export const checkTemplateSchema = z.object({
  kind: z.enum(CHECK_KINDS),
  items: z.array(checkTemplateItemSchema).min(1).max(60),
});

export const checkTemplatesSchema = z.array(checkTemplateSchema).max(CHECK_KINDS.length * 4);

export type CheckTemplateItem = z.infer<typeof checkTemplateItemSchema>;
export type CheckTemplate = z.infer<typeof checkTemplateSchema>;

const item = (label: string, perDevice = false): CheckTemplateItem => ({ label, perDevice });

/** The checklists a new ledger starts with, in the supervisor's words. */
export const DEFAULT_CHECK_TEMPLATES: CheckTemplate[] = [
  {
    kind: 'server-maintenance',
    items: [
      item('磁盘空间', true),
      item('系统日志', true),
      item('系统更新', true),
      item('备份任务', true),
      item('温度与风扇', true),
    ],
  },
  {
    kind: 'cctv',
    items: [item('在线', true), item('正常录像', true), item('录像保存天数', true)],
  },
  {
    kind: 'website-security',
    items: [item('漏洞补丁'), item('木马扫描'), item('后台账号'), item('发现的问题')],
  },
  {
    kind: 'website-backup',
    items: [item('备份位置'), item('备份大小'), item('已试恢复')],
  },
  {
    kind: 'machine-room',
    items: [
      item('设备运行'),
      item('电话线路'),
      item('网络线路'),
      item('无易燃物'),
      item('整洁'),
      item('门窗关闭'),
    ],
  },
];

/** The template of a kind: the ledger's own if it has one, else the default. */
export function templateOf(templates: readonly CheckTemplate[], kind: CheckKind): CheckTemplate {
  return templates.find((t) => t.kind === kind) ?? DEFAULT_CHECK_TEMPLATES.find((t) => t.kind === kind)!;
}

/** The devices a per-device item is asked for, with the text shown beside each. */
export interface CoveredDevice {
  id: string;
  label: string;
}

/** One line of the checklist to fill: a template item, for one device when it is per device. */
export interface ChecklistLine {
  label: string;
  deviceId: string | null;
}

/**
 * The lines of a check about to be done: the template's general items once, then its per-device
 * items for each device in the order given. The label carries the device so the record reads on
 * its own ("SRV-01 磁盘空间") even after the device is renamed or retired.
 */
export function snapshotItems(template: CheckTemplate, devices: readonly CoveredDevice[]): ChecklistLine[] {
  const lines: ChecklistLine[] = [];
  for (const it of template.items) if (!it.perDevice) lines.push({ label: it.label, deviceId: null });
  for (const device of devices)
    for (const it of template.items)
      if (it.perDevice)
        lines.push({ label: `${device.label} ${it.label}`.slice(0, 120), deviceId: device.id });
  return lines;
}
