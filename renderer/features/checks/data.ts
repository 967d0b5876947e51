// Reads and writes of the routine checks: the only module of the checks screen that touches
// `routineChecks`. A check is saved through the repository (validated by its zod schema, stamped,
// synced) after the rules of shared/checks/validate.ts have passed; when any fails, nothing is
// written and the caller gets the problems to word in the user's language.
import type { Device, RecordInput, RoutineCheck } from '../../../shared/schemas';
import { checkProblems, type CheckProblem } from '../../../shared/checks/validate';
import { type CheckKind } from '../../../shared/checks/templates';
import { WEEKLY_KINDS } from '../../../shared/checks/schedule';
import { isListed } from '../../../shared/sync/arrival';
import { addDays, chinaDay, dayStart, weekOf } from '../../../shared/time/china';
import { getLedgerSetting } from '../../db/ledger-settings';
import type { Repository } from '../../db/repository';
import type { NetdeskDb } from '../../db/schema';
import { CHECK_KINDS } from '../../../shared/schemas/records';
import {
  itemDeviceId,
  linkRefusal,
  repairPrefill,
  type LinkRefusal,
} from '../../../shared/checks/repair-link';
import type { RepairCard } from '../../../shared/schemas';
import { firstContactAt } from '../../../shared/checks/cctv';
import { FUTURE_TOLERANCE_MS } from '../../../shared/checks/validate';
import type { providerContactSchema } from '../../../shared/schemas/records';
import type { z } from 'zod';
import { commitScope } from '../../db/commit';

type ProviderContact = z.infer<typeof providerContactSchema>;
import { getRepairCard, logRepairCard, type RepairContext } from '../repair/data';

/** Thrown when a check may not be saved; nothing was written. */
export class CheckRefused extends Error {
  constructor(readonly problems: CheckProblem[]) {
    super(`check refused: ${problems.map((p) => p.code).join(', ')}`);
    this.name = 'CheckRefused';
  }
}

/** One item as the form hands it over (defaults filled by the schema). */
export type CheckItemResult = NonNullable<RecordInput<'routineChecks'>['items']>[number];

export interface CheckInput {
  kind: CheckKind;
  at: string;
  by: string;
  slot?: RoutineCheck['slot'];
  forDay?: string | null;
  deviceIds: string[];
  site?: string;
  items: CheckItemResult[];
  findings?: string;
  actions?: string;
}

/** Servers the weekly maintenance must cover: live, of type server, not retired; by asset tag. */
export async function serversInService(db: NetdeskDb): Promise<Device[]> {
  const servers = await db.devices.where('type').equals('server').toArray();
  return servers
    .filter((d) => isListed(d) && d.status !== 'retired')
    .sort((a, b) => a.assetTag.localeCompare(b.assetTag));
}

/** CCTV recorders and cameras in service, recorders first. */
export async function cctvInService(db: NetdeskDb): Promise<Device[]> {
  const devices = await db.devices.where('type').anyOf('cctv-recorder', 'cctv-camera').toArray();
  return devices
    .filter((d) => isListed(d) && d.status !== 'retired')
    .sort((a, b) => a.type.localeCompare(b.type) * -1 || a.assetTag.localeCompare(b.assetTag));
}

/**
 * Checks of every kind done from `fromDay` on (China time), read through the [kind+at] index.
 * A check made up later for an earlier day is dated when it was done, so the range starts a week
 * early to catch late ones.
 */
export async function checksFrom(
  db: NetdeskDb,
  fromDay: string,
  kinds: readonly CheckKind[] = CHECK_KINDS,
): Promise<RoutineCheck[]> {
  const from = dayStart(addDays(fromDay, -7)).toISOString();
  const parts = await Promise.all(
    kinds.map((kind) =>
      db.routineChecks.where('[kind+at]').between([kind, from], [kind, '\uffff'], true, true).toArray(),
    ),
  );
  return parts.flat().filter((c) => isListed(c));
}

/**
 * The checks the week grid and today's summary need: the weekly kinds for 52 weeks to the week
 * holding `day`, and the machine-room rounds of this week only. The grid has no row for rounds, and
 * a year of them (four a working day) would be four fifths of what the screen reads.
 */
export async function checksForGrid(db: NetdeskDb, day: string, weeks = 52): Promise<RoutineCheck[]> {
  const monday = weekOf(day).monday;
  const [weekly, rounds] = await Promise.all([
    checksFrom(db, addDays(monday, -7 * (weeks - 1)), WEEKLY_KINDS),
    checksFrom(db, monday, ['machine-room']),
  ]);
  return [...weekly, ...rounds];
}

/**
 * The newest checks of the last 60 days, for the list on the screen: the newest `limit` of each
 * kind read backwards by index, then the newest `limit` of those, so two months of rounds are not
 * read to show fifty rows.
 */
export async function recentChecks(db: NetdeskDb, limit = 50): Promise<RoutineCheck[]> {
  const since = dayStart(addDays(chinaDay(new Date()), -60)).toISOString();
  const parts = await Promise.all(
    CHECK_KINDS.map((kind) =>
      db.routineChecks
        .where('[kind+at]')
        .between([kind, since], [kind, '\uffff'], true, true)
        .reverse()
        .filter((c) => isListed(c))
        .limit(limit)
        .toArray(),
    ),
  );
  return parts
    .flat()
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, limit);
}

/** The company's rest days, for the working-day calendar. */
export function companyRestDays(db: NetdeskDb): Promise<string[]> {
  return getLedgerSetting(db, 'companyRestDays');
}

/**
 * Save a done check: refused whole (CheckRefused) when dated in the future, covering a retired
 * device, a round without its slot, a server or CCTV check covering nothing. The overall result is
 * "problem" when any item is.
 */
export async function saveCheck(
  db: NetdeskDb,
  repo: Repository,
  input: CheckInput,
  now: Date = new Date(),
): Promise<RoutineCheck> {
  const devices = new Map<string, Device>();
  for (const d of await db.devices.bulkGet(input.deviceIds)) if (d) devices.set(d.id, d);
  const problems = checkProblems(input, now, (id) => devices.get(id), chinaDay);
  if (problems.length > 0) throw new CheckRefused(problems);
  const problem = input.items.some((i) => i.result === 'problem');
  return repo.create('routineChecks', {
    kind: input.kind,
    at: input.at,
    by: input.by,
    slot: input.kind === 'machine-room' ? (input.slot ?? null) : null,
    forDay: input.forDay ?? null,
    deviceIds: input.deviceIds,
    site: input.site ?? '',
    items: input.items,
    result: problem ? 'problem' : 'ok',
    findings: input.findings ?? '',
    actions: input.actions ?? '',
  });
}

/** Link a problem item of a check to the repair card opened from it. */
export async function linkItemToCard(
  repo: Repository,
  check: RoutineCheck,
  itemIndex: number,
  cardId: string,
): Promise<RoutineCheck> {
  const items = (check.items ?? []).map((item, i) =>
    i === itemIndex ? { ...item, repairCardId: cardId } : item,
  );
  return repo.update('routineChecks', check.id, { items });
}

/** Thrown when no card may be opened from the item (not a problem, already linked, gone). */
export class CardFromItemRefused extends Error {
  constructor(readonly code: LinkRefusal) {
    super(`no repair card from this item: ${code}`);
    this.name = 'CardFromItemRefused';
  }
}

/**
 * Open a repair card for a problem item of a check, prefilled (device, fault text from the item
 * and its note), and link both ways: the card names the check, the item names the card. Both
 * writes are one transaction, so a card is never left unlinked.
 */
export async function openRepairCardFromItem(
  ctx: RepairContext,
  checkId: string,
  itemIndex: number,
): Promise<RepairCard> {
  const { db, repo } = ctx;
  return db.transaction('rw', db.tables, async () => {
    const check = await db.routineChecks.get(checkId);
    if (!check || !isListed(check)) throw new CardFromItemRefused('no-item');
    const refusal = linkRefusal(check, itemIndex);
    if (refusal) throw new CardFromItemRefused(refusal);
    const deviceId = itemDeviceId(check, itemIndex);
    const device = deviceId ? await db.devices.get(deviceId) : undefined;
    const prefill = repairPrefill(check, itemIndex, device && isListed(device) ? device : null, ctx.operator);
    const card = await logRepairCard(ctx, prefill);
    await linkItemToCard(repo, check, itemIndex, card.id);
    return card;
  });
}

/** The card numbers of the cards a check's items link to, by card id. */
export async function linkedCardNumbers(
  db: NetdeskDb,
  checks: readonly RoutineCheck[],
): Promise<Map<string, string>> {
  const ids = [
    ...new Set(
      checks.flatMap((c) => (c.items ?? []).flatMap((i) => (i.repairCardId ? [i.repairCardId] : []))),
    ),
  ];
  const numbers = new Map<string, string>();
  for (const id of ids) {
    const card = await getRepairCard(db, id);
    if (card) numbers.set(id, card.cardNo);
  }
  return numbers;
}

/** The check a repair card was opened from, for the card to name it. */
export async function checkOfCard(db: NetdeskDb, checkId: string): Promise<RoutineCheck | undefined> {
  const check = await db.routineChecks.get(checkId);
  return check && isListed(check) ? check : undefined;
}

/** Why a provider contact may not be logged on a check; the screen words it. */
export type ContactRefusal = 'not-cctv-fault' | 'future' | 'before-check' | 'provider-required';

export class ContactRefused extends Error {
  constructor(readonly code: ContactRefusal) {
    super(`provider contact refused: ${code}`);
    this.name = 'ContactRefused';
  }
}

export type ProviderContactInput = Omit<ProviderContact, 'agreed' | 'by'> & { agreed?: string; by?: string };

/**
 * Log a contact with the CCTV service provider on the check that found the fault. The contact log
 * grows; providerContactedAt (what the KPI reads) stays the earliest contact. Refused, nothing
 * written: not a CCTV check with a fault, a time in the future or before the check, no provider.
 */
export async function logProviderContact(
  db: NetdeskDb,
  repo: Repository,
  checkId: string,
  input: ProviderContactInput,
  now: Date = new Date(),
): Promise<RoutineCheck> {
  if (!input.provider.trim()) throw new ContactRefused('provider-required');
  const atMs = Date.parse(input.at);
  if (atMs > now.getTime() + FUTURE_TOLERANCE_MS) throw new ContactRefused('future');
  return db.transaction('rw', commitScope(db, ['routineChecks']), async () => {
    const check = await db.routineChecks.get(checkId);
    if (!check || !isListed(check) || check.kind !== 'cctv' || check.result !== 'problem')
      throw new ContactRefused('not-cctv-fault');
    if (atMs < Date.parse(check.at)) throw new ContactRefused('before-check');
    const contact: ProviderContact = {
      at: new Date(atMs).toISOString(),
      provider: input.provider.trim(),
      means: input.means,
      agreed: input.agreed?.trim() ?? '',
      by: input.by?.trim() ?? '',
    };
    const providerContacts = [...(check.providerContacts ?? []), contact].sort((a, b) =>
      a.at.localeCompare(b.at),
    );
    return repo.update('routineChecks', check.id, {
      providerContacts,
      providerContactedAt: firstContactAt({ ...check, providerContacts }),
    });
  });
}
