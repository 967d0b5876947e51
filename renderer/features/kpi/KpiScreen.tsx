// The monthly KPI screen (月度考核): a month's K1–K9 as tiles (green met, red missed, grey not
// judged) with figure and target; a tile opens its exceptions, a card exception opens the card;
// the data problems; the remark; issuing the month's report (confirmed, with what changed since
// the last version) and the issued versions, each reopened exactly as issued.
// Below the tiles, the year so far from the KPI month cache, each indicator opening the latest month
// it missed. The month lives in the address: #/reports/2026-11 (none: the current month), and an
// open indicator after it: #/reports/2026-11/K3.
// Test ids: kpi-month (input), kpi-prev, kpi-next, kpi-month-error, kpi-as-of, kpi-tile-K1…K9
// (data-pass="true|false|null"), kpi-year, kpi-year-K1…K9 (data-pass), kpi-exceptions, kpi-exception, kpi-open-card|checks|quote|incident (the record behind it), kpi-data-problems,
// kpi-remark, kpi-issue, kpi-versions, kpi-version-<n>, kpi-reopen-<n>, kpi-changes-<n>.
import { Alert, App, Button, Card, Col, Input, List, Row, Space, Spin, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  diffKpiFigures,
  figureChangeText,
  recordChangeText,
  type KpiFigureChange,
  type KpiReportFigures,
} from '../../../shared/kpi/archive';
import {
  actualText,
  exceptionText,
  KPI_NAMES,
  passText,
  reasonText,
  targetText,
  type KpiLang,
} from '../../../shared/kpi/text';
import { monthsOfYearSoFar, yearSoFar } from '../../../shared/kpi/month-cache';
import type { KpiId, KpiIndicator } from '../../../shared/kpi/types';
import { addMonths, chinaTime } from '../../../shared/time/china';
import { useLedger } from '../../app/ledger';
import { getLedgerSetting } from '../../db/ledger-settings';
import { describeError } from '../../i18n/errors';
import { useSettingsStore } from '../../store/settings';
import { useUiStore } from '../../store/ui';
import { useNow } from '../../components/use-now';
import {
  checkKpiMonth,
  defaultKpiMonth,
  issueKpiReport,
  readIssuedReports,
  readKpiMonth,
  reopenKpiReport,
  type StoredKpiReport,
} from './kpi-data';
import { exceptionLink } from './exception-links';
import { cachedKpiMonth, kpiMonthSummaries } from './month-cache';
import { drawKpiPdf, openKpiPdf } from './print-kpi';
import { EmptyState } from '../../components/EmptyState';

const TILE_STYLE: Record<'true' | 'false' | 'null', { background: string; borderColor: string }> = {
  true: { background: '#f6ffed', borderColor: '#52c41a' },
  false: { background: '#fff2f0', borderColor: '#ff4d4f' },
  null: { background: '#fafafa', borderColor: '#d9d9d9' },
};

const LINK_TEXT = {
  card: 'kpi.openCard',
  checks: 'kpi.openChecks',
  quote: 'kpi.openQuote',
  website: 'kpi.openWebsiteWeek',
  incident: 'kpi.openIncident',
} as const;

const KPI_IDS: readonly KpiId[] = ['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8', 'K9'];

export function KpiScreen() {
  const sub = useUiStore((s) => s.sub);
  const now = useNow(60_000);
  // #/reports/2026-11 or #/reports/2026-11/K3 (the year so far opens a month at its indicator).
  const [part, idPart] = sub.split('/');
  const month = part ? decodeURIComponent(part) : defaultKpiMonth(now);
  const open = KPI_IDS.find((id) => id === idPart) ?? null;
  // Keyed by month: the typed text and the open indicator start afresh on each month.
  return <KpiMonthView key={`${month}/${open ?? ''}`} month={month} now={now} open={open} />;
}

function KpiMonthView({ month, now, open }: { month: string; now: Date; open: KpiId | null }) {
  const { t, i18n } = useTranslation();
  const lang: KpiLang = i18n.language === 'en' ? 'en' : 'zh';
  const { db } = useLedger();
  const navigate = useUiStore((s) => s.navigate);
  const [typed, setTyped] = useState(month);
  const [selected, setSelected] = useState<KpiId | null>(open);

  const refusal = checkKpiMonth(month, now);
  const minute = Math.floor(now.getTime() / 60_000);
  const data = useLiveQuery(
    () => (refusal ? undefined : readKpiMonth(db, month, new Date(minute * 60_000))),
    [db, month, minute, refusal],
  );
  const versions = useLiveQuery(() => (refusal ? [] : readIssuedReports(db, month)), [db, month, refusal]);

  const go = (m: string) => navigate('reports', encodeURIComponent(m));
  const indicator = selected ? data?.report.indicators.find((i) => i.id === selected) : undefined;

  return (
    <div>
      <Typography.Title level={3}>{t('kpi.title')}</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <span>{t('kpi.month')}</span>
        <Input
          data-testid="kpi-month"
          style={{ width: 120 }}
          value={typed}
          placeholder={t('kpi.monthPlaceholder')}
          onChange={(e) => setTyped(e.target.value)}
          onPressEnter={() => go(typed.trim())}
          onBlur={() => typed.trim() !== month && go(typed.trim())}
        />
        <Button
          data-testid="kpi-prev"
          onClick={() => go(refusal ? defaultKpiMonth(now) : addMonths(month, -1))}
        >
          {t('kpi.prevMonth')}
        </Button>
        <Button
          data-testid="kpi-next"
          disabled={!refusal && checkKpiMonth(addMonths(month, 1), now) !== null}
          onClick={() => go(refusal ? defaultKpiMonth(now) : addMonths(month, 1))}
        >
          {t('kpi.nextMonth')}
        </Button>
        <Button onClick={() => navigate('reports')}>{t('kpi.thisMonth')}</Button>
      </Space>

      {refusal ? (
        <Alert
          type="error"
          showIcon
          data-testid="kpi-month-error"
          message={refusal === 'future-month' ? t('kpi.futureMonth', { month }) : t('kpi.badMonth')}
        />
      ) : !data ? (
        <Spin tip={t('kpi.loading')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" data-testid="kpi-as-of">
            {t('kpi.asOf', { time: chinaTime(data.report.now), cards: data.charts.total })}
          </Typography.Paragraph>
          <Row gutter={[12, 12]}>
            {data.report.indicators.map((ind) => (
              <Col key={ind.id} xs={24} sm={12} lg={8}>
                <Tile
                  ind={ind}
                  lang={lang}
                  active={ind.id === selected}
                  onOpen={() => setSelected(ind.id === selected ? null : ind.id)}
                />
              </Col>
            ))}
          </Row>
          <YearSoFar month={month} now={new Date(minute * 60_000)} lang={lang} />
          <Card
            style={{ marginTop: 16 }}
            data-testid="kpi-exceptions"
            title={indicator ? t('kpi.exceptionsOf', { id: indicator.id }) : undefined}
          >
            {!indicator ? (
              <Typography.Text type="secondary">{t('kpi.pickTile')}</Typography.Text>
            ) : indicator.exceptions.length === 0 ? (
              <Typography.Text type="secondary">{t('kpi.noExceptions')}</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={indicator.exceptions}
                renderItem={(e) => {
                  const link = exceptionLink(e);
                  return (
                    <List.Item
                      data-testid="kpi-exception"
                      actions={
                        link
                          ? [
                              <Button
                                key="open"
                                type="link"
                                data-testid={`kpi-open-${link.target}`}
                                onClick={() => navigate(link.route, link.sub)}
                              >
                                {t(LINK_TEXT[link.target])}
                              </Button>,
                            ]
                          : []
                      }
                    >
                      {exceptionText(e, lang)}
                    </List.Item>
                  );
                }}
              />
            )}
          </Card>
          <Card style={{ marginTop: 16 }} title={t('kpi.dataProblems')} data-testid="kpi-data-problems">
            {data.report.dataProblems.length === 0 ? (
              <Typography.Text type="secondary">{t('kpi.noDataProblems')}</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={data.report.dataProblems}
                renderItem={(p) => (
                  <List.Item>{exceptionText({ kind: 'data-problem', problem: p }, lang)}</List.Item>
                )}
              />
            )}
          </Card>
          <IssuePanel month={month} versions={versions ?? []} lang={lang} />
        </>
      )}
    </div>
  );
}

/**
 * The year so far: per indicator, how many months of the year up to this one met, missed or had
 * nothing to judge (K1 and K9 run year to date: their latest month is the year's standing). Read
 * from the KPI month cache; months not kept are computed from their own windows and kept. A tile
 * opens the latest month it missed at that indicator's exceptions.
 */
function YearSoFar({ month, now, lang }: { month: string; now: Date; lang: KpiLang }) {
  const { t } = useTranslation();
  const { db } = useLedger();
  const navigate = useUiStore((s) => s.navigate);
  const months = monthsOfYearSoFar(month);
  const key = months.join(',');
  const at = now.getTime();
  const kept = useLiveQuery(
    () => Promise.all(months.map((m) => cachedKpiMonth(db, m, new Date(at)))),
    [db, key, at],
  );
  const missing = !kept || kept.some((k) => !k);
  useEffect(() => {
    if (kept && kept.some((k) => !k)) void kpiMonthSummaries(db, key.split(','), new Date(at));
  }, [db, key, at, kept]);

  return (
    <Card size="small" style={{ marginTop: 16 }} title={t('kpi.yearSoFar', { year: month.slice(0, 4) })}>
      {missing ? (
        <Spin size="small" />
      ) : (
        <Space wrap data-testid="kpi-year">
          {yearSoFar(kept.filter((k) => k !== undefined)).map((y) => {
            const ytd = y.id === 'K1' || y.id === 'K9';
            const pass = ytd ? (y.latest?.pass ?? null) : y.missed > 0 ? false : y.met > 0 ? true : null;
            const state = String(pass) as 'true' | 'false' | 'null';
            const target = y.missedMonths.at(-1);
            return (
              <Button
                key={y.id}
                data-testid={`kpi-year-${y.id}`}
                data-pass={state}
                style={TILE_STYLE[state]}
                disabled={!target}
                title={target ? t('kpi.yearOpenMissed', { month: target }) : undefined}
                onClick={() => target && navigate('reports', `${encodeURIComponent(target)}/${y.id}`)}
              >
                {y.id}{' '}
                {ytd
                  ? passText(pass, lang)
                  : t('kpi.yearMonths', { met: y.met, missed: y.missed, open: y.open })}
              </Button>
            );
          })}
        </Space>
      )}
    </Card>
  );
}

function Tile({
  ind,
  lang,
  active,
  onOpen,
}: {
  ind: KpiIndicator;
  lang: KpiLang;
  active: boolean;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const key = String(ind.pass) as 'true' | 'false' | 'null';
  return (
    <Card
      hoverable
      size="small"
      role="button"
      tabIndex={0}
      aria-pressed={active}
      data-testid={`kpi-tile-${ind.id}`}
      data-pass={key}
      onClick={onOpen}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen();
        }
      }}
      style={{ ...TILE_STYLE[key], borderWidth: active ? 2 : 1 }}
      title={`${ind.id} ${KPI_NAMES[ind.id][lang]}`}
      extra={passText(ind.pass, lang)}
    >
      <div style={{ fontSize: 16 }}>{actualText(ind, lang)}</div>
      <Typography.Text type="secondary">
        {t('kpi.target')}：{targetText(ind.id, lang)}
      </Typography.Text>
      {ind.reason && (
        <div>
          <Typography.Text type="secondary">{reasonText(ind.reason, lang)}</Typography.Text>
        </div>
      )}
    </Card>
  );
}

function ChangeList({ changes, lang }: { changes: KpiFigureChange[]; lang: KpiLang }) {
  return (
    <ul style={{ margin: 0, paddingLeft: 20 }}>
      {changes.map((c) => (
        <li key={c.id}>
          {figureChangeText(c, lang)}
          <ul>
            {c.records.map((r, i) => (
              <li key={i}>{recordChangeText(r, lang)}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function IssuePanel({
  month,
  versions,
  lang,
}: {
  month: string;
  versions: StoredKpiReport[];
  lang: KpiLang;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { db, repo } = useLedger();
  const operatorName = useSettingsStore((s) => s.settings.operatorName);
  const [remark, setRemark] = useState('');
  const [busy, setBusy] = useState(false);
  const latest = versions[0] ?? null;
  const next = (latest?.version ?? 0) + 1;

  const companyName = () => getLedgerSetting(db, 'companyName');

  async function confirmIssue() {
    let changes: KpiFigureChange[] = [];
    if (latest) {
      const live = await readKpiMonth(db, month, new Date());
      changes = diffKpiFigures(latest.figures as unknown as KpiReportFigures, live);
    }
    modal.confirm({
      title: t('kpi.issueTitle', { month }),
      okText: t('kpi.issueOk'),
      width: 640,
      content: (
        <div data-testid="kpi-issue-confirm">
          <p>{t('kpi.issueBody')}</p>
          {latest && (
            <>
              <p>
                {changes.length
                  ? t('kpi.reissueBody', { version: latest.version })
                  : t('kpi.reissueNoChange', { version: latest.version })}
              </p>
              <ChangeList changes={changes} lang={lang} />
            </>
          )}
        </div>
      ),
      onOk: async () => {
        setBusy(true);
        try {
          const record = await issueKpiReport(
            { db, repo },
            { month, now: new Date(), remark, preparedBy: operatorName, company: await companyName() },
            drawKpiPdf,
          );
          void message.success(t('kpi.issued', { version: record.version }));
        } catch (err) {
          void message.error(t('kpi.issueFailed', { detail: describeError(err, t) }));
        } finally {
          setBusy(false);
        }
      },
    });
  }

  async function reopen(record: StoredKpiReport) {
    try {
      const result = await reopenKpiReport(db, record, drawKpiPdf);
      if (!result.ok) {
        const reason =
          result.reason === 'figures-changed' ? t('kpi.reopenFiguresChanged') : t('kpi.reopenPdfMissing');
        void message.error(t('kpi.reopenFailed', { version: record.version, reason }));
        return;
      }
      await openKpiPdf(result.bytes, record);
    } catch (err) {
      void message.error(t('kpi.reopenFailed', { version: record.version, reason: describeError(err, t) }));
    }
  }

  return (
    <>
      <Card style={{ marginTop: 16 }} title={t('kpi.remark')}>
        <Input.TextArea
          data-testid="kpi-remark"
          rows={3}
          maxLength={4000}
          value={remark}
          placeholder={t('kpi.remarkPlaceholder')}
          onChange={(e) => setRemark(e.target.value)}
        />
        <Button
          type="primary"
          style={{ marginTop: 12 }}
          data-testid="kpi-issue"
          loading={busy}
          onClick={() => void confirmIssue()}
        >
          {latest ? t('kpi.reissue', { version: next }) : t('kpi.issue')}
        </Button>
      </Card>
      <Card style={{ marginTop: 16 }} title={t('kpi.versions')} data-testid="kpi-versions">
        {versions.length === 0 ? (
          <EmptyState message={t('emptyState.kpiArchive')} />
        ) : (
          <List
            dataSource={versions}
            renderItem={(r) => (
              <List.Item
                data-testid={`kpi-version-${r.version}`}
                actions={[
                  <Button key="open" data-testid={`kpi-reopen-${r.version}`} onClick={() => void reopen(r)}>
                    {t('kpi.reopen')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={`${t('kpi.version', { version: r.version })} · ${t('kpi.issuedAt', { time: chinaTime(r.issuedAt) })}`}
                  description={
                    <div data-testid={`kpi-changes-${r.version}`}>
                      <Typography.Text
                        type="secondary"
                        copyable={r.figuresSha256 ? { text: r.figuresSha256 } : false}
                      >
                        {t('kpi.figuresSha')}: {r.figuresSha256 ?? '—'}
                      </Typography.Text>
                      {r.version > 1 && (
                        <div>
                          <Typography.Text strong>{t('kpi.changes')}：</Typography.Text>
                          {r.changes.length === 0 ? (
                            t('kpi.noChanges')
                          ) : (
                            <ChangeList changes={r.changes as unknown as KpiFigureChange[]} lang={lang} />
                          )}
                        </div>
                      )}
                    </div>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}
