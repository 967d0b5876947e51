// The Asia/Shanghai wall clock as the platform's own time-zone data reads it, 'YYYY-MM-DD HH:mm':
// the independent oracle tests hold NetDesk's China time (shared/time/china.ts) against, and what
// an end-to-end test types into a China-time field whatever the zone of the machine running it.
export const shanghaiClock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
