// Reads and writes of the network log: the only module of the network screen that touches
// `networkIncidents`. An incident is saved through the repository after the rules of
// shared/network/incidents.ts pass; when any fails, nothing is written.
import { incidentProblems, type IncidentProblem } from '../../../shared/network/incidents';
import type { NetworkIncident, RecordInput } from '../../../shared/schemas';
import { isListed } from '../../../shared/sync/arrival';
import type { Repository } from '../../db/repository';
import type { NetdeskDb } from '../../db/schema';

export class IncidentRefused extends Error {
  constructor(readonly problems: IncidentProblem[]) {
    super(`incident refused: ${problems.map((p) => p.code).join(', ')}`);
    this.name = 'IncidentRefused';
  }
}

export type IncidentInput = Required<
  Pick<RecordInput<'networkIncidents'>, 'startAt' | 'endAt' | 'cause' | 'excluded' | 'exclusionReason'>
> &
  Pick<RecordInput<'networkIncidents'>, 'scope' | 'description' | 'actions' | 'by'>;

/** Incidents newest first (a handful a year; read whole). */
export async function listIncidents(db: NetdeskDb): Promise<NetworkIncident[]> {
  const all = await db.networkIncidents.orderBy('startAt').reverse().toArray();
  return all.filter((i) => isListed(i));
}

/** Create (no id) or change an incident; refused whole when a rule fails. */
export async function saveIncident(
  repo: Repository,
  input: IncidentInput,
  id: string | null,
  now: Date = new Date(),
): Promise<NetworkIncident> {
  const problems = incidentProblems({ ...input, endAt: input.endAt ?? null }, now);
  if (problems.length > 0) throw new IncidentRefused(problems);
  const record = { ...input, exclusionReason: input.excluded ? input.exclusionReason : '' };
  return id ? repo.update('networkIncidents', id, record) : repo.create('networkIncidents', record);
}

/** Mark an ongoing incident restored at `endAt`. */
export async function endIncident(
  repo: Repository,
  incident: NetworkIncident,
  endAt: string,
  now: Date = new Date(),
): Promise<NetworkIncident> {
  return saveIncident(
    repo,
    {
      startAt: incident.startAt,
      endAt,
      cause: incident.cause,
      excluded: incident.excluded,
      exclusionReason: incident.exclusionReason,
    },
    incident.id,
    now,
  );
}
