// The dashboard's KPI card: this month's K1–K9 and the year so far at a glance, each green (met),
// red (missed) or grey (nothing to judge yet) with its figure; one click opens the KPI screen at that
// indicator's exceptions. It reads the KPI month cache only (kept summaries, patched by every repair
// card's write), so it follows a new card at once; a month not kept is computed in the background
// by the KPI screen's own code, loaded on demand so the dashboard's first frame does not carry it.
// Test ids: dashboard-kpi, dashboard-kpi-K1…K9 (data-pass="true|false|null"), dashboard-kpi-year-K1…K9.
import { Button, Card, Space, Spin, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  isSummaryCurrent,
  monthsOfYearSoFar,
  yearSoFar,
  type KpiMonthSummary,
  type KpiTileFigure,
} from '../../../shared/kpi/month-cache';
import { actualText, KPI_NAMES, passText, type KpiLang } from '../../../shared/kpi/text';
import type { KpiIndicator } from '../../../shared/kpi/types';
import { chinaMonth } from '../../../shared/time/china';
import { useLedger } from '../../app/ledger';
import { useNow } from '../../components/use-now';
import { useUiStore } from '../../store/ui';
import { keyOf } from './month-cache-hook';

const COLOR: Record<'true' | 'false' | 'null', { background: string; borderColor: string }> = {
  true: { background: '#f6ffed', borderColor: '#52c41a' },
  false: { background: '#fff2f0', borderColor: '#ff4d4f' },
  null: { background: '#fafafa', borderColor: '#d9d9d9' },
};

const figureText = (tile: KpiTileFigure, lang: KpiLang) =>
  actualText({ id: tile.id, actual: tile.actual } as unknown as KpiIndicator, lang);

export function KpiDashboardCard() {
  const { t, i18n } = useTranslation();
  const lang: KpiLang = i18n.language === 'en' ? 'en' : 'zh';
  const { db } = useLedger();
  const navigate = useUiStore((s) => s.navigate);
  const now = useNow(60_000);
  const at = Math.floor(now.getTime() / 60_000) * 60_000;
  const month = chinaMonth(new Date(at));
  const months = monthsOfYearSoFar(month);
  const key = months.join(',');
  const kept = useLiveQuery(async () => {
    const rows = await db.localMeta.bulkGet(months.map(keyOf));
    return rows.map((r) => {
      const s = r?.value as KpiMonthSummary | undefined;
      return s && isSummaryCurrent(s, new Date(at)) ? s : undefined;
    });
  }, [db, key, at]);
  useEffect(() => {
    if (!kept || kept.every(Boolean)) return;
    // A ledger closed meanwhile (switched, or the window closing) ends it; the next open asks again.
    import('./month-cache')
      .then((m) => m.kpiMonthSummaries(db, key.split(','), new Date(at)))
      .catch(() => undefined);
  }, [db, key, at, kept]);

  const current = kept?.at(-1);
  const open = (m: string, id: string) => navigate('reports', `${encodeURIComponent(m)}/${id}`);
  return (
    <Card
      title={t('kpi.dashboardTitle', { month })}
      style={{ marginBottom: 16 }}
      data-testid="dashboard-kpi"
      extra={
        <Button size="small" onClick={() => navigate('reports')}>
          {t('nav.reports')}
        </Button>
      }
    >
      {!kept || !current ? (
        <Spin size="small" />
      ) : (
        <>
          <Space wrap>
            {current.indicators.map((tile) => {
              const state = String(tile.pass) as 'true' | 'false' | 'null';
              return (
                <Button
                  key={tile.id}
                  data-testid={`dashboard-kpi-${tile.id}`}
                  data-pass={state}
                  style={{ ...COLOR[state], height: 'auto', textAlign: 'left', whiteSpace: 'normal' }}
                  title={`${tile.id} ${KPI_NAMES[tile.id][lang]}`}
                  onClick={() => open(month, tile.id)}
                >
                  <div>
                    <strong>{tile.id}</strong> {passText(tile.pass, lang)}
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {figureText(tile, lang)}
                  </Typography.Text>
                </Button>
              );
            })}
          </Space>
          {kept.every(Boolean) && (
            <div style={{ marginTop: 12 }}>
              <Typography.Text type="secondary">
                {t('kpi.yearSoFar', { year: month.slice(0, 4) })}
              </Typography.Text>
              <Space wrap style={{ marginTop: 4, display: 'flex' }}>
                {yearSoFar(kept.filter((k) => k !== undefined)).map((y) => {
                  const ytd = y.id === 'K1' || y.id === 'K9';
                  const pass = ytd
                    ? (y.latest?.pass ?? null)
                    : y.missed > 0
                      ? false
                      : y.met > 0
                        ? true
                        : null;
                  const state = String(pass) as 'true' | 'false' | 'null';
                  return (
                    <Button
                      key={y.id}
                      size="small"
                      data-testid={`dashboard-kpi-year-${y.id}`}
                      data-pass={state}
                      style={COLOR[state]}
                      onClick={() => open(y.missedMonths.at(-1) ?? month, y.id)}
                    >
                      {y.id}{' '}
                      {ytd
                        ? passText(pass, lang)
                        : t('kpi.yearMonths', { met: y.met, missed: y.missed, open: y.open })}
                    </Button>
                  );
                })}
              </Space>
            </div>
          )}
        </>
      )}
    </Card>
  );
}
