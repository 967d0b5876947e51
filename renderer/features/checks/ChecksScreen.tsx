// 例行检查: what is due today and this week (the four machine-room rounds of a working day, the
// weekly server, CCTV and website checks), a year of weeks as a grid where gaps show at a glance,
// the newest checks, and the buttons that start each check. R starts the round due now.
// Test ids: checks-screen, checks-round-slot (each; data-slot, data-state), checks-weekly (each;
// data-kind, data-state), checks-due-count, checks-overdue-count, checks-do-<kind> (buttons),
// checks-grid (WeekGridCard.tsx), checks-recent, checks-week (data-week), check-row (data-id, data-kind,
// data-result), check-print (each row), checks-print-sheet (menu) with checks-print-sheet-<kind>,
// checks-print-roster (data-week); the form's ids are listed in CheckForm.tsx.
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Dropdown, Space, Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueState, MachineRoomSlot, RoundSlotState } from '../../../shared/checks/schedule';
import type { CheckKind } from '../../../shared/checks/templates';
import { CHECK_KINDS } from '../../../shared/schemas/records';
import type { Device, RoutineCheck } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { formatTime } from '../../i18n/dates';
import { CheckForm } from './CheckForm';
import { STATE_COLORS } from './state-colors';
import { cctvInService, linkedCardNumbers, recentChecks } from './data';
import { ProblemItems, ProviderContacts } from './CheckFollowUp';
import { useNow } from '../../components/use-now';
import { useChecksView, type ChecksView } from './use-checks';
import { EmptyState } from '../../components/EmptyState';
import { useUiStore } from '../../store/ui';
import { checksOfWeek } from './week-checks';
import { RowAction } from '../../components/RowAction';
import { describeError } from '../../i18n/errors';
import { CheckPrintNotFound, printCheckForm, type CheckPrint } from './print';
import { weekOf } from '../../../shared/time/china';
import { WeekGridCard } from './WeekGridCard';

/** Print one of the checks' forms, asking first when the font lacks characters; says how it went. */
function usePrintCheck(): (what: CheckPrint) => Promise<void> {
  const { t } = useTranslation();
  const { db } = useLedger();
  const { message, modal } = App.useApp();
  return async (what) => {
    try {
      const printed = await printCheckForm(
        db,
        what,
        async (chars) =>
          await modal.confirm({
            title: t('checks.print.missingTitle'),
            content: t('checks.print.missingBody', { chars: chars.join('、') }),
            okText: t('checks.print.printAnyway'),
          }),
      );
      if (printed?.ok && printed.saved)
        void message.success(t('checks.print.printed', { file: printed.fileName ?? '' }));
    } catch (err) {
      void message.error(
        err instanceof CheckPrintNotFound ? t('checks.print.notFound') : describeError(err, t),
      );
    }
  };
}

/** The round to offer now: the first not done whose time has come, else the next one. */
export function roundToDo(rounds: readonly RoundSlotState[]): MachineRoomSlot | undefined {
  const open = rounds.filter((r) => r.state === 'due' || r.state === 'overdue');
  return (open.find((r) => r.state === 'due') ?? open[0] ?? rounds.find((r) => r.state === 'upcoming'))?.slot;
}

export function ChecksScreen() {
  const { t } = useTranslation();
  const { db } = useLedger();
  const { message } = App.useApp();
  const view = useChecksView(db);
  // #/checks/week/<Monday>: that week's checks first (a KPI exception links here).
  const week = /^week\/(\d{4}-\d{2}-\d{2})$/.exec(useUiStore((s) => s.sub))?.[1];
  // The CCTV devices (thousands of cameras in a large group) are needed only when a CCTV check
  // starts: read once the schedule is on screen, so the grid does not wait behind them.
  const shown = view !== undefined;
  const cctv = useLiveQuery(() => (shown ? cctvInService(db) : undefined), [db, shown]);
  const [doing, setDoing] = useState<{ kind: CheckKind; slot?: MachineRoomSlot } | null>(null);
  const print = usePrintCheck();
  // The roster of the week on show: the week opened from a KPI exception, else this week.
  const rosterWeek = week ? weekOf(week).monday : view?.summary.week.monday;

  const start = (kind: CheckKind) =>
    setDoing({ kind, slot: kind === 'machine-room' && view ? roundToDo(view.summary.rounds) : undefined });

  // R starts the round due now, from anywhere on the screen but a text box or an open dialog.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'r' && e.key !== 'R') return;
      if (e.ctrlKey || e.metaKey || e.altKey || doing) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, [contenteditable="true"], .ant-modal')) return;
      e.preventDefault();
      start('machine-room');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // The devices a check covers, or undefined while they are still being read: the form picks
  // its devices once when it opens, so it opens only when they are known (a click on 监控 just
  // after the screen opened would otherwise start a CCTV check with no camera on it).
  const devicesFor = (kind: CheckKind): Device[] | undefined =>
    kind === 'server-maintenance' ? view?.servers : kind === 'cctv' ? cctv : [];
  const doingDevices = doing ? devicesFor(doing.kind) : undefined;

  return (
    <div data-testid="checks-screen">
      <Typography.Title level={3}>{t('checks.title')}</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        {CHECK_KINDS.map((kind) => (
          <Button
            key={kind}
            type={kind === 'machine-room' ? 'primary' : 'default'}
            data-testid={`checks-do-${kind}`}
            onClick={() => start(kind)}
          >
            {kind === 'machine-room' ? t('checks.doRound') : t(`checks.kinds.${kind}`)}
          </Button>
        ))}
        <Dropdown
          trigger={['click']}
          menu={{
            items: CHECK_KINDS.map((kind) => ({
              key: kind,
              label: <span data-testid={`checks-print-sheet-${kind}`}>{t(`checks.kinds.${kind}`)}</span>,
            })),
            onClick: ({ key }) => void print({ form: 'check-sheet', kind: key as CheckKind }),
          }}
        >
          <Button icon={<PrinterOutlined />} data-testid="checks-print-sheet">
            {t('checks.print.sheet')}
          </Button>
        </Dropdown>
        <Button
          icon={<PrinterOutlined />}
          data-testid="checks-print-roster"
          data-week={rosterWeek}
          disabled={!rosterWeek}
          onClick={() => rosterWeek && void print({ form: 'duty-roster', day: rosterWeek })}
        >
          {t('checks.print.roster', { monday: rosterWeek ?? '' })}
        </Button>
      </Space>
      {week && <RecentCard week={week} />}
      {view && <TodayCard view={view} />}
      {view && <WeekGridCard grid={view.grid} />}
      {view && <RecentCard />}
      {doing && doingDevices && (
        <CheckForm
          kind={doing.kind}
          slot={doing.slot}
          devices={doingDevices}
          onClose={() => setDoing(null)}
          onSaved={(kind) => {
            setDoing(null);
            void message.success(t('checks.form.saved', { kind: t(`checks.kinds.${kind}`) }));
          }}
        />
      )}
    </div>
  );
}

function StateTag({ state, lateMs }: { state: DueState; lateMs: number }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[state]}>
      {t(`checks.states.${state}`)}
      {state === 'late' ? ` · ${t('checks.lateBy', { hours: Math.ceil(lateMs / 3600_000) })}` : ''}
    </Tag>
  );
}

function TodayCard({ view }: { view: ChecksView }) {
  const { t } = useTranslation();
  const { summary, servers } = view;
  const tagOf = new Map(servers.map((s) => [s.id, s.assetTag]));
  return (
    <Card
      title={t('checks.today', { day: summary.day })}
      style={{ marginBottom: 16 }}
      extra={
        <Space>
          <Tag color="blue" data-testid="checks-due-count">
            {t('checks.dueCount', { count: summary.dueCount })}
          </Tag>
          <Tag color={summary.overdueCount ? 'red' : 'default'} data-testid="checks-overdue-count">
            {t('checks.overdueCount', { count: summary.overdueCount })}
          </Tag>
        </Space>
      }
    >
      <Typography.Text strong>{t('checks.rounds')}</Typography.Text>
      {summary.workingDay ? (
        <Space wrap style={{ display: 'flex', margin: '8px 0 16px' }}>
          {summary.rounds.map((r) => (
            <span key={r.slot} data-testid="checks-round-slot" data-slot={r.slot} data-state={r.state}>
              <Typography.Text>{r.slot} </Typography.Text>
              <StateTag state={r.state} lateMs={r.lateMs} />
              {r.records > 1 && (
                <Typography.Text type="secondary">
                  {t('checks.records', { count: r.records })}
                </Typography.Text>
              )}
            </span>
          ))}
        </Space>
      ) : (
        <Alert type="info" showIcon title={t('checks.restDay')} style={{ margin: '8px 0 16px' }} />
      )}
      <Typography.Text strong>
        {t('checks.thisWeek', { monday: summary.week.monday, sunday: summary.week.sunday })}
      </Typography.Text>
      <Space wrap style={{ display: 'flex', marginTop: 8 }}>
        {summary.weekly.map((w) => (
          <span key={w.kind} data-testid="checks-weekly" data-kind={w.kind} data-state={w.state}>
            <Typography.Text>{t(`checks.kinds.${w.kind}`)} </Typography.Text>
            <StateTag state={w.state} lateMs={w.lateMs} />
            {w.missingServerIds.length > 0 && w.missingServerIds.length < servers.length && (
              <Typography.Text type="secondary">
                {t('checks.missingServers', {
                  tags: w.missingServerIds.map((id) => tagOf.get(id) ?? id).join('、'),
                })}
              </Typography.Text>
            )}
          </span>
        ))}
      </Space>
    </Card>
  );
}

function RecentCard({ week }: { week?: string }) {
  const { t } = useTranslation();
  const { db } = useLedger();
  const now = useNow();
  const print = usePrintCheck();
  const data = useLiveQuery(async () => {
    const checks = await (week ? checksOfWeek(db, week) : recentChecks(db));
    return { checks, cardNumbers: await linkedCardNumbers(db, checks) };
  }, [db, week]);
  const checks = data?.checks;
  return (
    <Card
      title={week ? t('kpi.checksOfWeek', { monday: week }) : t('checks.recent')}
      data-testid={week ? 'checks-week' : 'checks-recent'}
      data-week={week}
      style={week ? { marginBottom: 16 } : undefined}
    >
      <Table<RoutineCheck>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={checks ?? []}
        loading={checks === undefined}
        locale={{ emptyText: <EmptyState message={t('emptyState.checks')} /> }}
        onRow={(c) =>
          ({
            'data-testid': 'check-row',
            'data-id': c.id,
            'data-kind': c.kind,
            'data-result': c.result,
          }) as never
        }
        columns={[
          { key: 'at', title: t('checks.columns.at'), render: (_, c) => formatTime(c.at), width: 150 },
          {
            key: 'kind',
            title: t('checks.columns.kind'),
            render: (_, c) => `${t(`checks.kinds.${c.kind}`)}${c.slot ? ` ${c.slot}` : ''}`,
          },
          { key: 'by', title: t('checks.columns.by'), dataIndex: 'by', width: 100 },
          {
            key: 'result',
            title: t('checks.columns.result'),
            width: 90,
            render: (_, c) => (
              <Tag color={c.result === 'ok' ? 'green' : 'red'}>{t(`checks.result.${c.result}`)}</Tag>
            ),
          },
          {
            key: 'covered',
            title: t('checks.columns.covered'),
            render: (_, c) => (
              <Space direction="vertical" size={4}>
                <ProblemItems check={c} cardNumbers={data?.cardNumbers ?? new Map<string, string>()} />
                <ProviderContacts check={c} now={now} />
              </Space>
            ),
          },
          {
            key: 'print',
            title: '',
            width: 48,
            render: (_, c) => (
              <RowAction
                icon={<PrinterOutlined />}
                label={t('checks.print.check')}
                testId="check-print"
                onClick={() => void print({ form: 'check', checkId: c.id })}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
