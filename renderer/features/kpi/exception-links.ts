// Where a KPI exception opens: the record behind it on the screen that keeps it — the repair card,
// the week's routine checks, the day's quote in the showroom history, the week's website updates,
// the network log's incident. Returned as a route and its sub-path, the same addresses those
// screens read (#/checks/week/…, #/culture/history/…, #/culture/website/<monday>,
// #/network/incident/…, #/repairs/<id>).
import type { KpiException } from '../../../shared/kpi/types';
import { chinaDay, mondayOf } from '../../../shared/time/china';

export type KpiLinkTarget = 'card' | 'checks' | 'quote' | 'website' | 'incident';

export interface KpiExceptionLink {
  target: KpiLinkTarget;
  route: 'repairs' | 'checks' | 'culture' | 'network';
  sub: string;
}

const card = (id: string): KpiExceptionLink => ({
  target: 'card',
  route: 'repairs',
  sub: encodeURIComponent(id),
});
const week = (monday: string): KpiExceptionLink => ({
  target: 'checks',
  route: 'checks',
  sub: `week/${monday}`,
});
const weekAt = (at: string) => (Number.isNaN(Date.parse(at)) ? null : week(mondayOf(chinaDay(new Date(at)))));
const quoteDay = (day: string): KpiExceptionLink => ({
  target: 'quote',
  route: 'culture',
  sub: `history/${day}`,
});
const websiteWeek = (monday: string): KpiExceptionLink => ({
  target: 'website',
  route: 'culture',
  sub: `website/${monday}`,
});
const incident = (id: string): KpiExceptionLink => ({
  target: 'incident',
  route: 'network',
  sub: `incident/${encodeURIComponent(id)}`,
});

/** The record an exception is about, when NetDesk has a screen that opens it; null otherwise. */
export function exceptionLink(e: KpiException): KpiExceptionLink | null {
  switch (e.kind) {
    case 'late-card':
    case 'card-in-progress':
    case 'card-refused-pending':
      return card(e.cardId);
    case 'major-incident':
    case 'excluded-incident':
    case 'power-cut-late':
    case 'power-cut-open':
      return incident(e.incidentId);
    case 'server-week-missing':
    case 'cctv-week-missing':
    case 'website-week-unchecked':
      return week(e.week.monday);
    case 'cctv-contact-late':
    case 'cctv-contact-pending':
      return weekAt(e.at);
    case 'quote-day-missing':
    case 'quote-repeated':
      return quoteDay(e.date);
    case 'data-problem': {
      const p = e.problem;
      if (p.table === 'repairCards') return card(p.recordId);
      if (p.table === 'networkIncidents') return incident(p.recordId);
      if (p.table === 'routineChecks') return weekAt(p.at);
      if (p.table === 'quoteSchedule') return quoteDay(p.date);
      return null; // an event: its card is named in the text
    }
    case 'website-week-short':
      return websiteWeek(e.week.monday);
    // Trainings and the calendar have no record to open.
    case 'trainings-short':
    case 'calendar-unknown':
      return null;
  }
}
