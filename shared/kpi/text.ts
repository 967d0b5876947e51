// The KPI report in words: indicator names, targets, figures, results and exceptions in Chinese
// (the report the HR director reads) or English. Shared by the CLI table and the monthly PDF so
// both say the same thing; the dashboard's words live in the renderer's i18n files.
import { chinaTime } from '../time/china';
import type { DataProblem, KpiException, KpiId, KpiIndicator, KpiNullReason } from './types';

export type KpiLang = 'zh' | 'en';

export const KPI_NAMES: Record<KpiId, Record<KpiLang, string>> = {
  K1: { zh: '重大网络事故', en: 'Major network incidents' },
  K2: { zh: '停电断网 24 小时内恢复', en: 'Power-cut outages restored within 24 h' },
  K3: { zh: '维修卡 24 小时内处理', en: 'Repair cards handled within 24 h' },
  K4: { zh: '服务器每周保养', en: 'Weekly server maintenance' },
  K5: { zh: '监控每周检查与报修', en: 'Weekly CCTV check and provider contact' },
  K6: { zh: '每日一言', en: 'Daily quote' },
  K7: { zh: '网站内容更新', en: 'Website content updates' },
  K8: { zh: '网站安全检查与备份', en: 'Website security check and backup' },
  K9: { zh: '办公软件培训', en: 'Office-software trainings' },
};

const TARGETS: Record<KpiId, Record<KpiLang, string>> = {
  K1: {
    zh: '全年 ≤ 10 次（断网超过 24 小时，运营商原因除外）',
    en: '≤ 10 a year (outage > 24 h, carrier excluded)',
  },
  K2: { zh: '100% 在 24 小时内恢复', en: '100 % restored within 24 h' },
  K3: { zh: '100% 在 24 小时内修复或提出建议', en: '100 % repaired or answered within 24 h' },
  K4: { zh: '每台服务器每周有保养记录', en: 'every server, every week' },
  K5: { zh: '每周检查；故障 24 小时内联系服务商', en: 'every week; faults reported within 24 h' },
  K6: { zh: '每个工作日更新，不重复', en: 'every working day, no repeats' },
  K7: { zh: '每周至少 2 篇', en: '≥ 2 every week' },
  K8: { zh: '每周安全检查与备份各一次', en: 'a security check and a backup every week' },
  K9: { zh: '每年至少 2 次', en: '≥ 2 a year' },
};

export function targetText(id: KpiId, lang: KpiLang): string {
  return TARGETS[id][lang];
}

/** The figure as the supervisor reads it, from the indicator's `actual`. */
export function actualText(ind: KpiIndicator, lang: KpiLang): string {
  const zh = lang === 'zh';
  switch (ind.id) {
    case 'K1': {
      const a = ind.actual as KpiIndicator<'K1'>['actual'];
      return zh ? `本月 ${a.month} 次，全年累计 ${a.ytd} 次` : `${a.month} this month, ${a.ytd} year to date`;
    }
    case 'K2': {
      const a = ind.actual as KpiIndicator<'K2'>['actual'];
      return zh ? `${a.met}/${a.of} 按时恢复` : `${a.met}/${a.of} restored in time`;
    }
    case 'K3': {
      const a = ind.actual as KpiIndicator<'K3'>['actual'];
      const of = a.met + a.late;
      return zh
        ? `${a.met}/${of} 按时（超时 ${a.late}，处理中 ${a.inProgress}，拒修待批 ${a.refusedPending}）`
        : `${a.met}/${of} in time (${a.late} late, ${a.inProgress} in progress, ${a.refusedPending} refused pending)`;
    }
    case 'K4': {
      const a = ind.actual as KpiIndicator<'K4'>['actual'];
      return zh ? `${a.covered}/${a.of} 台·周有保养记录` : `${a.covered}/${a.of} server-weeks maintained`;
    }
    case 'K5': {
      const a = ind.actual as KpiIndicator<'K5'>['actual'];
      return zh
        ? `检查 ${a.weeksChecked}/${a.weeks} 周；故障 ${a.faults} 次，按时报修 ${a.contactsOnTime}`
        : `${a.weeksChecked}/${a.weeks} weeks checked; faults ${a.faults}, reported in time ${a.contactsOnTime}`;
    }
    case 'K6': {
      const a = ind.actual as KpiIndicator<'K6'>['actual'];
      return zh
        ? `${a.covered}/${a.of} 个工作日已更新，重复 ${a.repeats} 次`
        : `${a.covered}/${a.of} working days, ${a.repeats} repeats`;
    }
    case 'K7':
    case 'K8': {
      const a = ind.actual as KpiIndicator<'K7'>['actual'];
      return zh ? `${a.weeksMet}/${a.weeks} 周达标` : `${a.weeksMet}/${a.weeks} weeks met`;
    }
    case 'K9': {
      const a = ind.actual as KpiIndicator<'K9'>['actual'];
      return zh ? `全年累计 ${a.ytd} 次` : `${a.ytd} year to date`;
    }
  }
}

export function passText(pass: boolean | null, lang: KpiLang): string {
  if (pass === null) return lang === 'zh' ? '暂无结论' : 'not judged';
  if (lang === 'zh') return pass ? '达标' : '未达标';
  return pass ? 'met' : 'missed';
}

const REASONS: Record<KpiNullReason, Record<KpiLang, string>> = {
  'no-records-in-month': { zh: '本月台账无任何记录', en: 'nothing was recorded in this month' },
  'no-power-cut': { zh: '本月无停电断网', en: 'no power-cut outage this month' },
  'no-decided-cards': { zh: '本月维修卡均未到期或待批', en: 'no card of the month is due yet' },
  'no-servers': { zh: '台账中没有服务器', en: 'the ledger has no server' },
  'no-finished-weeks': { zh: '本月尚无已结束的周', en: 'no week of the month has ended yet' },
  'no-working-days': { zh: '本月至今无工作日', en: 'no working day so far this month' },
  'trainings-in-progress': { zh: '年内尚未结束，继续进行中', en: 'the year is not over: in progress' },
};

export function reasonText(reason: KpiNullReason, lang: KpiLang): string {
  return REASONS[reason][lang];
}

/** A duration as '1 小时 5 分' / '1 h 5 min'; seconds only when under a minute. */
export function durationText(ms: number, lang: KpiLang): string {
  const abs = Math.abs(ms);
  if (abs < 60000) {
    const s = Math.round(abs / 1000);
    return lang === 'zh' ? `${s} 秒` : `${s} s`;
  }
  const totalMin = Math.round(abs / 60000);
  const d = Math.floor(totalMin / 1440);
  const h = Math.floor((totalMin % 1440) / 60);
  const m = totalMin % 60;
  const parts =
    lang === 'zh'
      ? [d && `${d} 天`, h && `${h} 小时`, m && `${m} 分`]
      : [d && `${d} d`, h && `${h} h`, m && `${m} min`];
  return parts.filter(Boolean).join(' ');
}

const hoursText = (hours: number, lang: KpiLang) => durationText(hours * 3600 * 1000, lang);
const t = (at: string) => chinaTime(at);

function problemText(p: DataProblem, lang: KpiLang): string {
  const zh = lang === 'zh';
  switch (p.kind) {
    case 'done-before-received':
      return zh
        ? `数据问题：维修卡 ${p.cardNo} 的完成时间 ${t(p.doneAt)} 早于接卡时间 ${t(p.receivedAt)}，未计入`
        : `data problem: card ${p.cardNo} was done at ${t(p.doneAt)}, before its receipt at ${t(p.receivedAt)}; not counted`;
    case 'event-before-received':
      return zh
        ? `数据问题：维修卡 ${p.cardNo} 的“${p.event}”记录 ${t(p.at)} 早于接卡时间 ${t(p.receivedAt)}，未计入`
        : `data problem: card ${p.cardNo} has '${p.event}' at ${t(p.at)}, before its receipt at ${t(p.receivedAt)}; not counted`;
    case 'incident-ends-before-start':
      return zh
        ? `数据问题：网络事故结束时间 ${t(p.endAt)} 早于开始时间 ${t(p.startAt)}，未计入`
        : `data problem: an incident ends at ${t(p.endAt)}, before it starts at ${t(p.startAt)}; not counted`;
    case 'maintenance-without-server':
      return zh
        ? `数据问题：${t(p.at)} 的服务器保养记录未注明服务器，未计入`
        : `data problem: the server maintenance record of ${t(p.at)} names no server; not counted`;
    case 'quote-not-found':
      return zh
        ? `数据问题：${p.date} 的每日一言排期指向不存在的语句，该日未计为已更新`
        : `data problem: the quote shown on ${p.date} is not in the ledger; the day is not counted as covered`;
  }
}

const weekText = (w: { isoWeek: string; monday: string; sunday: string }, lang: KpiLang) =>
  lang === 'zh'
    ? `第 ${w.isoWeek.slice(6)} 周（${w.monday} 至 ${w.sunday}）`
    : `week ${w.isoWeek} (${w.monday} – ${w.sunday})`;

/** One line per exception, in the report's language. */
export function exceptionText(e: KpiException, lang: KpiLang): string {
  const zh = lang === 'zh';
  switch (e.kind) {
    case 'data-problem':
      return problemText(e.problem, lang);
    case 'major-incident':
      return zh
        ? `重大网络事故：${t(e.startAt)} 起断网 ${hoursText(e.hours, lang)}${e.ongoing ? '（仍未恢复）' : ''}${e.inMonth ? '' : '（本年此前月份）'}`
        : `major incident: down from ${t(e.startAt)} for ${hoursText(e.hours, lang)}${e.ongoing ? ' (still down)' : ''}${e.inMonth ? '' : ' (earlier this year)'}`;
    case 'excluded-incident': {
      const reason =
        e.reason === 'carrier'
          ? zh
            ? '运营商原因'
            : 'carrier'
          : e.reason || (zh ? '未填写原因' : 'no reason given');
      return zh
        ? `不计入：${t(e.startAt)} 起断网 ${hoursText(e.hours, lang)}，原因：${reason}`
        : `excluded: down from ${t(e.startAt)} for ${hoursText(e.hours, lang)}, because: ${reason}`;
    }
    case 'power-cut-late':
      return zh
        ? `停电断网 ${t(e.startAt)} 起 ${hoursText(e.hours, lang)}${e.ongoing ? '仍未恢复' : '后才恢复'}`
        : `power cut from ${t(e.startAt)}: ${e.ongoing ? 'still down after' : 'restored after'} ${hoursText(e.hours, lang)}`;
    case 'power-cut-open':
      return zh
        ? `停电断网处理中：${t(e.startAt)} 起，须在 ${t(e.dueAt)} 前恢复`
        : `power cut in progress: from ${t(e.startAt)}, due by ${t(e.dueAt)}`;
    case 'late-card':
      return zh
        ? `超时：维修卡 ${e.cardNo}，接卡 ${t(e.receivedAt)}，应于 ${t(e.dueAt)} 前，${e.doneAt ? `${t(e.doneAt)} 完成，超时` : '仍未完成，已超时'} ${durationText(e.lateMs, lang)}`
        : `late: card ${e.cardNo}, received ${t(e.receivedAt)}, due ${t(e.dueAt)}, ${e.doneAt ? `done ${t(e.doneAt)},` : 'still open,'} ${durationText(e.lateMs, lang)} late`;
    case 'card-in-progress':
      return zh
        ? `处理中：维修卡 ${e.cardNo}，${e.dueAt ? `应于 ${t(e.dueAt)} 前完成` : '等待配件，计时暂停'}`
        : `in progress: card ${e.cardNo}, ${e.dueAt ? `due ${t(e.dueAt)}` : 'waiting for parts, clock paused'}`;
    case 'card-refused-pending':
      return zh
        ? `拒修待批：维修卡 ${e.cardNo}（接卡 ${t(e.receivedAt)}），待总经理或董事长批准，不计入`
        : `refused, awaiting approval: card ${e.cardNo} (received ${t(e.receivedAt)}); left out`;
    case 'server-week-missing':
      return zh
        ? `${weekText(e.week, lang)}：服务器 ${e.assetTag} 无保养记录`
        : `${weekText(e.week, lang)}: no maintenance record for server ${e.assetTag}`;
    case 'cctv-week-missing':
      return zh ? `${weekText(e.week, lang)}：无监控检查记录` : `${weekText(e.week, lang)}: no CCTV check`;
    case 'cctv-contact-late':
      return zh
        ? `监控故障（${t(e.at)} 检查发现）${e.contactedAt ? `${t(e.contactedAt)} 才联系服务商` : '未联系服务商'}，超时 ${durationText(e.lateMs, lang)}`
        : `CCTV fault found ${t(e.at)}: ${e.contactedAt ? `provider contacted ${t(e.contactedAt)}` : 'provider not contacted'}, ${durationText(e.lateMs, lang)} late`;
    case 'cctv-contact-pending':
      return zh
        ? `监控故障（${t(e.at)} 发现）须在 ${t(e.dueAt)} 前联系服务商`
        : `CCTV fault found ${t(e.at)}: provider to be contacted by ${t(e.dueAt)}`;
    case 'quote-day-missing':
      return zh ? `${e.date}：工作日未更新每日一言` : `${e.date}: working day without a quote`;
    case 'quote-repeated':
      return zh
        ? `${e.date}：“${e.text}”与 ${e.firstShownOn} 重复`
        : `${e.date}: "${e.text}" repeats the quote of ${e.firstShownOn}`;
    case 'calendar-unknown':
      return zh
        ? `说明：尚无 ${e.year} 年法定节假日安排，工作日按周一至周五计算`
        : `note: the official holidays of ${e.year} are not known yet; working days are Monday–Friday`;
    case 'website-week-short':
      return zh
        ? `${weekText(e.week, lang)}：网站更新 ${e.updates} 篇，少于 2 篇`
        : `${weekText(e.week, lang)}: website updates ${e.updates}, fewer than 2`;
    case 'website-week-unchecked': {
      const missing = [
        !e.security && (zh ? '安全检查' : 'security check'),
        !e.backup && (zh ? '备份' : 'backup'),
      ]
        .filter(Boolean)
        .join(zh ? '和' : ' and ');
      return zh
        ? `${weekText(e.week, lang)}：缺少网站${missing}`
        : `${weekText(e.week, lang)}: no website ${missing}`;
    }
    case 'trainings-short':
      return zh
        ? `办公软件培训全年累计 ${e.held} 次，少于 ${e.needed} 次`
        : `office-software trainings this year: ${e.held}, fewer than ${e.needed}`;
  }
}
