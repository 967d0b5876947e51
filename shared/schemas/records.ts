// One zod schema per record type of the ledger. The same schema validates a form,
// a repository write, an IPC message, an import row, a backup file and a sync journal entry.
// Field names follow the supervisor's words. Cross-record rules (unique asset tag, card number,
// employee number) are checked by the repository, not by an index, so that sync never fails on them.
import { z } from 'zod';
import {
  dateOnlySchema,
  idSchema,
  isoTimeSchema,
  optionalText,
  refSchema,
  requiredText,
  text,
} from './common';

// ── People and departments ──────────────────────────────────────────────────────────────
export const departmentSchema = z.object({
  name: requiredText(40),
  /** The company of the group the department belongs to (集团 or a subsidiary). */
  company: optionalText(60),
  /** Head of department (部门负责人): a person id. */
  headPersonId: refSchema,
  note: optionalText(500),
});

export const personSchema = z.object({
  employeeNo: requiredText(20),
  name: requiredText(30),
  departmentId: refSchema,
  title: optionalText(40),
  phone: text(30)
    .regex(/^[0-9+\-() ]*$/, 'phone may hold digits, spaces, + - ( ) only')
    .default(''),
  /** Asset tag of the person's computer as written in the directory. */
  computerTag: optionalText(40),
  active: z.boolean().default(true),
  note: optionalText(500),
});

// ── Devices (asset cards) ───────────────────────────────────────────────────────────────
export const DEVICE_TYPES = [
  'computer',
  'printer',
  'peripheral',
  'server',
  'switch',
  'router',
  'firewall',
  'cctv-camera',
  'cctv-recorder',
  'video-conference',
  'other',
] as const;
export const DEVICE_STATUSES = ['in-use', 'spare', 'in-repair', 'retired'] as const;

export const deviceSchema = z.object({
  assetTag: requiredText(40),
  type: z.enum(DEVICE_TYPES),
  name: optionalText(60),
  brand: optionalText(40),
  model: optionalText(60),
  serialNo: optionalText(60),
  location: optionalText(80),
  departmentId: refSchema,
  /** The computer's user; for a peripheral the responsible person derives from attachedToDeviceId. */
  userPersonId: refSchema,
  /** The computer a printer or other peripheral is attached to. */
  attachedToDeviceId: refSchema,
  status: z.enum(DEVICE_STATUSES).default('in-use'),
  purchaseDate: dateOnlySchema.nullable().default(null),
  vendor: optionalText(80),
  price: z.number().nonnegative().max(1e9).nullable().default(null),
  warrantyEnd: dateOnlySchema.nullable().default(null),
  ip: optionalText(45),
  mac: optionalText(17),
  channelCount: z.number().int().min(0).max(1024).nullable().default(null),
  retentionDays: z.number().int().min(0).max(3650).nullable().default(null),
  /** Admin passwords and configuration notes: masked on screen, never printed or exported by default. */
  secret: optionalText(4000),
  note: optionalText(1000),
});

export const deviceHandoverSchema = z.object({
  deviceId: requiredText(64),
  fromPersonId: refSchema,
  toPersonId: refSchema,
  at: isoTimeSchema,
  by: optionalText(40),
  note: optionalText(500),
});

// ── Repair cards (维修申请卡) ───────────────────────────────────────────────────────────
export const FAULT_CATEGORIES = ['hardware', 'software', 'network', 'printer', 'account', 'other'] as const;
export const REPAIR_STATUSES = [
  'received',
  'in-repair',
  'waiting-parts',
  'repaired',
  'suggestion-given',
  'signed-off',
  'closed',
  'refused',
] as const;
export const REFUSAL_CAUSES = ['illegal-software', 'games', 'cheats', 'rough-use'] as const;

export const partUsedSchema = z.object({
  name: requiredText(60),
  quantity: z.number().int().min(1).max(1000),
  cost: z.number().nonnegative().max(1e7).default(0),
});

export const repairCardSchema = z.object({
  /** Printed number, unique across synced PCs by its per-PC letter: WX-2026-A-0001. */
  cardNo: requiredText(30),
  requesterId: refSchema,
  /** Copied from the directory at intake so search and the printed card need no join. */
  requesterName: requiredText(30),
  departmentId: refSchema,
  deviceId: refSchema,
  deviceTag: optionalText(40),
  faultCategory: z.enum(FAULT_CATEGORIES),
  description: requiredText(2000),
  receivedAt: isoTimeSchema,
  /** When the department head signed the paper card; null while the signature is pending. */
  deptHeadSignedAt: isoTimeSchema.nullable().default(null),
  status: z.enum(REPAIR_STATUSES).default('received'),
  /** Due time of the 24-hour clock, kept current on each event so lists can sort and filter by it. */
  slaDueAt: isoTimeSchema.nullable().default(null),
  diagnosis: optionalText(2000),
  workDone: optionalText(2000),
  result: optionalText(1000),
  minutesSpent: z.number().int().min(0).max(100000).nullable().default(null),
  suggestion: optionalText(2000),
  parts: z.array(partUsedSchema).max(50).default([]),
  refusalCause: z.enum(REFUSAL_CAUSES).nullable().default(null),
  refusalReason: optionalText(1000),
  /** Scanned signed cards: SHA-256 of attachments. */
  attachmentShas: z
    .array(z.string().regex(/^[0-9a-f]{64}$/))
    .max(50)
    .default([]),
  /**
   * The routine check whose problem item this card was opened from (the check links back).
   * Optional rather than defaulted, so cards written before it need no rewrite.
   */
  fromCheckId: idSchema.nullable().optional(),
});

export const REPAIR_EVENT_TYPES = [
  'received',
  'head-signed',
  'started',
  'part-ordered',
  'part-arrived',
  'repaired',
  'suggestion-given',
  'signed-off',
  'closed',
  'refused',
  'approved',
  'approval-denied',
  'vendor-contact',
  'note',
] as const;

export const repairEventSchema = z.object({
  cardId: requiredText(64),
  type: z.enum(REPAIR_EVENT_TYPES),
  at: isoTimeSchema,
  /** Who did it: the person using the PC (from settings). */
  by: optionalText(40),
  note: optionalText(2000),
  /** Approval: general manager (总经理) or chairman (董事长). */
  approverRole: z.enum(['general-manager', 'chairman']).nullable().default(null),
  approverName: optionalText(40),
  /** Vendor contact log for large faults. */
  vendor: optionalText(80),
  partName: optionalText(60),
});

// ── Routine checks ─────────────────────────────────────────────────────────────────────
export const CHECK_KINDS = [
  'server-maintenance',
  'cctv',
  'website-security',
  'website-backup',
  'machine-room',
] as const;
export const MACHINE_ROOM_SLOTS = ['08:00', '11:00', '14:00', '16:30'] as const;

/** One item of a done check: the wording of the day, OK or a problem with its note. */
export const checkItemResultSchema = z
  .object({
    label: requiredText(120),
    /** The device the item was about (a server's disk, a camera), when it was about one. */
    deviceId: refSchema,
    result: z.enum(['ok', 'problem']),
    note: optionalText(500),
    /** The repair card opened from this problem item, if any. */
    repairCardId: refSchema,
  })
  .refine((item) => item.result === 'ok' || item.note.length > 0, {
    message: 'a problem item needs a note',
    path: ['note'],
  });

/** How the CCTV service provider was reached. */
export const PROVIDER_CONTACT_MEANS = ['phone', 'wechat', 'email', 'on-site', 'other'] as const;

/** One contact with the CCTV service provider about a fault found by a check. */
export const providerContactSchema = z.object({
  at: isoTimeSchema,
  provider: requiredText(80),
  means: z.enum(PROVIDER_CONTACT_MEANS),
  /** What was agreed: who comes when, what is replaced. */
  agreed: optionalText(500),
  by: optionalText(40),
});

export const routineCheckSchema = z.object({
  kind: z.enum(CHECK_KINDS),
  at: isoTimeSchema,
  by: optionalText(40),
  /** Servers maintained, cameras/recorders checked. */
  deviceIds: z.array(z.string().min(1).max(64)).max(500).default([]),
  /** Website checked or backed up. */
  site: optionalText(120),
  slot: z.enum(MACHINE_ROOM_SLOTS).nullable().default(null),
  result: z.enum(['ok', 'problem']).default('ok'),
  findings: optionalText(2000),
  actions: optionalText(2000),
  /** CCTV fault: when the service provider was contacted (due within 24 h of the check). */
  providerContactedAt: isoTimeSchema.nullable().default(null),
  /**
   * The contact log of a CCTV fault; providerContactedAt is kept as its earliest time. Optional
   * rather than defaulted, so checks written before it need no rewrite.
   */
  providerContacts: z.array(providerContactSchema).max(20).optional(),
  /**
   * The checklist as it was done: each item's wording is copied from the template of the day, so
   * an old record keeps the items it was done with when the template changes later.
   */
  items: z.array(checkItemResultSchema).max(2000).default([]),
  /**
   * The day the check was due, when it was done for an earlier day or week than the one it was
   * done in (a round made up later, last week's server check done on Monday): it then counts for
   * that day or week, late. Null: it counts for the day it was done.
   */
  forDay: dateOnlySchema.nullable().default(null),
  /** The template the items came from (its id in the ledger setting checkTemplates). */
  templateId: optionalText(64),
});

// ── Network ────────────────────────────────────────────────────────────────────────────
export const INCIDENT_CAUSES = ['power-cut', 'carrier', 'equipment', 'configuration', 'other'] as const;

export const networkIncidentSchema = z.object({
  startAt: isoTimeSchema,
  endAt: isoTimeSchema.nullable().default(null),
  cause: z.enum(INCIDENT_CAUSES),
  /** Outside the supervisor's control (carrier and the like): excluded from K1, with a reason. */
  excluded: z.boolean().default(false),
  exclusionReason: optionalText(500),
  scope: optionalText(200),
  description: optionalText(2000),
  by: optionalText(40),
  /** What was done to restore the network (who was called, what was replaced). */
  actions: optionalText(2000),
});

export const imPermissionSchema = z.object({
  personId: requiredText(64),
  deviceId: refSchema,
  software: requiredText(40),
  /** The written guarantee (保证申请书) and the department head's signature, on paper. */
  guaranteeSignedOn: dateOnlySchema.nullable().default(null),
  deptHeadSignedOn: dateOnlySchema.nullable().default(null),
  grantedAt: isoTimeSchema.nullable().default(null),
  revokedAt: isoTimeSchema.nullable().default(null),
  note: optionalText(500),
  /** Why the employee needs it for work, as written on the guarantee. */
  reason: optionalText(500),
  /** Why it was taken back (left the company, used for entertainment, computer handed over…). */
  revokeReason: optionalText(500),
  /** Scans of the signed guarantee: SHA-256 of attachments. */
  attachmentShas: z
    .array(z.string().regex(/^[0-9a-f]{64}$/))
    .max(20)
    .default([]),
});

// ── Purchases and replacements (工作申请单) ──────────────────────────────────────────────
export const EVALUATION_STATUSES = ['pending', 'approved', 'rejected', 'bought'] as const;

export const purchaseEvaluationSchema = z.object({
  departmentId: refSchema,
  requesterId: refSchema,
  requestedOn: dateOnlySchema,
  item: requiredText(120),
  reason: requiredText(2000),
  replacesDeviceId: refSchema,
  feasibility: optionalText(2000),
  necessity: optionalText(2000),
  recommendation: optionalText(2000),
  estimatedCost: z.number().nonnegative().max(1e9).nullable().default(null),
  status: z.enum(EVALUATION_STATUSES).default('pending'),
  decidedOn: dateOnlySchema.nullable().default(null),
  approverName: optionalText(40),
  boughtDeviceId: refSchema,
});

// ── Website and company culture ──────────────────────────────────────────────────────────
export const WEBSITE_UPDATE_CATEGORIES = [
  'policy',
  'activity',
  'meeting',
  'recruitment',
  'staff-article',
  'other',
] as const;

export const websiteUpdateSchema = z.object({
  site: requiredText(120),
  publishedAt: isoTimeSchema,
  title: requiredText(200),
  category: z.enum(WEBSITE_UPDATE_CATEGORIES),
  author: optionalText(40),
  url: text(500)
    .refine((u) => u === '' || /^https?:\/\//i.test(u), 'link must start with http:// or https://')
    .default(''),
});

/**
 * An invitation to a member of staff to write for the group's website: asked → accepted or
 * declined; accepted → published (with the update it became) or lapsed when nothing came.
 */
export const WEBSITE_INVITATION_STATUSES = ['asked', 'accepted', 'declined', 'published', 'lapsed'] as const;

export const websiteInvitationSchema = z.object({
  /** The person asked, from the directory. */
  personId: requiredText(64),
  askedAt: isoTimeSchema,
  status: z.enum(WEBSITE_INVITATION_STATUSES).default('asked'),
  /** What was asked for (the subject, a deadline) or how it went. */
  note: optionalText(500),
  /** The website update the contribution became (status published). */
  websiteUpdateId: refSchema,
});

export const quoteSchema = z.object({
  text: requiredText(200),
  /** Normalised text (width, punctuation, spaces folded) used to refuse repeats. */
  normalized: requiredText(200),
  source: optionalText(80),
  /** Themes the supervisor files quotes under (安全, 服务…), for finding them again. */
  tags: z.array(requiredText(20)).max(10).default([]),
  /** Taken out of the rotation: never scheduled again, still counted as shown if it was. */
  retired: z.boolean().default(false),
});

export const quoteScheduleSchema = z.object({
  /** The working day the quote is shown on the showroom display. */
  date: dateOnlySchema,
  quoteId: requiredText(64),
  shown: z.boolean().default(true),
});

// ── Training ───────────────────────────────────────────────────────────────────────────
export const TRAINING_KINDS = ['office-software', 'new-employee', 'department-request', 'other'] as const;
/** requested: a department asked for it; planned: on the plan; held: attendance marked. */
export const TRAINING_STATUSES = ['requested', 'planned', 'held', 'cancelled'] as const;

export const trainingSchema = z.object({
  date: dateOnlySchema,
  topic: requiredText(120),
  kind: z.enum(TRAINING_KINDS),
  trainer: optionalText(40),
  requestingDepartmentId: refSchema,
  location: optionalText(80),
  durationMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .nullable()
    .default(null),
  note: optionalText(1000),
  // Added with attendance and requests; the defaults let trainings stored before them still parse.
  status: z.enum(TRAINING_STATUSES).default('planned'),
  /** The day a department's request came in (requested trainings). */
  requestedOn: dateOnlySchema.nullable().default(null),
  /** The scanned signed sign-in sheet(s), stored as attachments. */
  signedSheetShas: z
    .array(z.string().regex(/^[0-9a-f]{64}$/))
    .max(20)
    .default([]),
  /** What the attendees said afterwards, and their average mark out of 5. */
  feedback: optionalText(2000),
  feedbackScore: z.number().min(1).max(5).nullable().default(null),
});

export const trainingAttendeeSchema = z.object({
  trainingId: requiredText(64),
  personId: requiredText(64),
  signed: z.boolean().default(false),
});

// ── Issued KPI reports: archived unchanged ───────────────────────────────────────────────
export const kpiReportSchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  issuedAt: isoTimeSchema,
  issuedBy: optionalText(40),
  /** The figures exactly as issued (frozen JSON), so reopening shows the same numbers. */
  figures: z.record(z.string(), z.unknown()),
  pdfSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable()
    .default(null),
  // Added with versioned re-issues; the defaults let reports stored before them still parse.
  /** 1 for the first issue of a month, then 2, 3… on each re-issue. */
  version: z.number().int().min(1).default(1),
  /** SHA-256 of the figures' canonical JSON, printed in the PDF's footer. */
  figuresSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable()
    .default(null),
  /** The supervisor's remark as printed. */
  remark: optionalText(4000),
  /** Against the previous version: the indicators that changed and the records behind them. */
  changes: z.array(z.record(z.string(), z.unknown())).max(20).default([]),
});

/** Ledger-wide settings that sync between PCs (company name, KPI options). */
export const ledgerSettingSchema = z.object({
  key: requiredText(64),
  value: z.unknown(),
});
