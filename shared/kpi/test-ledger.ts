// Hand-built ledgers for the KPI engine's tests: small builders that fill what the engine reads and
// take times as China wall-clock ('2026-11-30 23:30'), the way the supervisor reads them.
// Imported by tests only.
import type {
  KpiCard,
  KpiCardEvent,
  KpiCheck,
  KpiDevice,
  KpiIncident,
  KpiLedger,
  KpiQuote,
  KpiQuoteShowing,
  KpiTraining,
  KpiWebsiteUpdate,
} from './types';

/** China wall-clock time 'YYYY-MM-DD HH:mm[:ss[.sss]]' as an ISO instant. */
export function cst(local: string): string {
  return new Date(`${local.replace(' ', 'T')}+08:00`).toISOString();
}

export const HOUR = 3600 * 1000;

/** An instant `hours` after an ISO time. */
export function plus(at: string, hours: number): string {
  return new Date(Date.parse(at) + hours * HOUR).toISOString();
}

const CREATED = '2020-01-01T00:00:00.000Z';

export class LedgerBuilder implements KpiLedger {
  cards: KpiCard[] = [];
  cardEvents: KpiCardEvent[] = [];
  incidents: KpiIncident[] = [];
  checks: KpiCheck[] = [];
  devices: KpiDevice[] = [];
  websiteUpdates: KpiWebsiteUpdate[] = [];
  quotes: KpiQuote[] = [];
  quoteSchedule: KpiQuoteShowing[] = [];
  trainings: KpiTraining[] = [];
  private seq = 0;

  private id(prefix: string): string {
    this.seq += 1;
    return `${prefix}-${String(this.seq).padStart(4, '0')}`;
  }

  /** A card received at `receivedAt` with its events (type, ISO time). */
  card(receivedAt: string, events: [KpiCardEvent['type'], string][] = [], cardNo?: string): KpiCard {
    const id = this.id('card');
    const card = { id, cardNo: cardNo ?? `WX-T-${id}`, receivedAt, createdAt: receivedAt };
    this.cards.push(card);
    this.cardEvents.push({
      id: this.id('ev'),
      cardId: id,
      type: 'received',
      at: receivedAt,
      createdAt: receivedAt,
    });
    for (const [type, at] of events)
      this.cardEvents.push({ id: this.id('ev'), cardId: id, type, at, createdAt: at });
    return card;
  }

  incident(startAt: string, endAt: string | null, more: Partial<KpiIncident> = {}): KpiIncident {
    const r: KpiIncident = {
      id: this.id('inc'),
      createdAt: startAt,
      startAt,
      endAt,
      cause: 'equipment',
      excluded: false,
      exclusionReason: '',
      ...more,
    };
    this.incidents.push(r);
    return r;
  }

  check(kind: string, at: string, more: Partial<KpiCheck> = {}): KpiCheck {
    const r: KpiCheck = {
      id: this.id('chk'),
      createdAt: at,
      kind,
      at,
      deviceIds: [],
      site: '',
      result: 'ok',
      providerContactedAt: null,
      ...more,
    };
    this.checks.push(r);
    return r;
  }

  server(assetTag: string, more: Partial<KpiDevice> = {}): KpiDevice {
    const r: KpiDevice = {
      id: this.id('dev'),
      createdAt: CREATED,
      assetTag,
      type: 'server',
      status: 'in-use',
      purchaseDate: null,
      retiredAt: null,
      ...more,
    };
    this.devices.push(r);
    return r;
  }

  update(publishedAt: string, site = '集团官网'): KpiWebsiteUpdate {
    const r = { id: this.id('web'), createdAt: publishedAt, site, publishedAt, title: `新闻 ${this.seq}` };
    this.websiteUpdates.push(r);
    return r;
  }

  /** Show `text` on `date`: the quote record is reused when the exact text is already there. */
  quote(date: string, text: string, shown = true): KpiQuoteShowing {
    let q = this.quotes.find((x) => x.text === text);
    if (!q) {
      q = { id: this.id('quote'), createdAt: CREATED, text };
      this.quotes.push(q);
    }
    const r = { id: this.id('show'), createdAt: CREATED, date, quoteId: q.id, shown };
    this.quoteSchedule.push(r);
    return r;
  }

  training(date: string, kind = 'office-software', status?: string): KpiTraining {
    const r = {
      id: this.id('train'),
      createdAt: CREATED,
      date,
      kind,
      topic: `培训 ${date}`,
      ...(status ? { status } : {}),
    };
    this.trainings.push(r);
    return r;
  }
}
