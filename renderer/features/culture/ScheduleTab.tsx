// The schedule ahead: fill a range of working days from the unused quotes (the calendar decides
// which days; holidays and company rest days get none), then move a planned quote a day earlier or
// later, or take it off. Today and the past are history and are not offered for change. When the
// range or the days already planned reach into a year whose official holidays NetDesk's calendar
// does not have yet, a warning says those days are planned as Monday–Friday working days.
// Test ids: schedule-from, schedule-to, schedule-fill, schedule-result (data-kind),
// schedule-unofficial (data-years), schedule-table,
// schedule-row (data-date, data-text), schedule-up, schedule-down, schedule-remove.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { yearsWithoutOfficialCalendar } from '../../../shared/calendar/workdays';
import { entriesByDay } from '../../../shared/culture/schedule';
import type { QuoteScheduleEntry } from '../../../shared/schemas';
import { addDays } from '../../../shared/time/china';
import { useLedger } from '../../app/ledger';
import { DayInput } from '../../components/DateInputs';
import { RowAction } from '../../components/RowAction';
import { describeError } from '../../i18n/errors';
import { fillSchedule, moveScheduled, unschedule, type CultureLedger } from './data';
import { EmptyState } from '../../components/EmptyState';

type Result = { kind: 'ok' | 'warning' | 'error'; text: string };

export function ScheduleTab({ ledger, today }: { ledger: CultureLedger; today: string }) {
  const { t } = useTranslation();
  const { db, repo } = useLedger();
  const { message, modal } = App.useApp();
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(addDays(today, 30));
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);

  const textOf = useMemo(() => new Map(ledger.quotes.map((q) => [q.id, q.text])), [ledger.quotes]);
  const ahead = useMemo(
    () =>
      [...entriesByDay(ledger.schedule).values()]
        .filter((e) => e.date >= today)
        .sort((a, b) => a.date.localeCompare(b.date)),
    [ledger.schedule, today],
  );

  // The range being filled and the days already planned ahead, checked against the calendar data.
  const unofficialYears = useMemo(() => {
    const last = ahead.at(-1)?.date;
    const years = new Set([
      ...yearsWithoutOfficialCalendar(from, to),
      ...(last ? yearsWithoutOfficialCalendar(today, last) : []),
    ]);
    return [...years].sort((a, b) => a - b);
  }, [from, to, ahead, today]);

  const fill = async () => {
    setBusy(true);
    try {
      const plan = await fillSchedule(db, repo, from, to);
      if (!plan.ok) setResult({ kind: 'error', text: t(`culture.schedule.${plan.reason}`) });
      else if (plan.uncovered.length > 0)
        setResult({
          kind: 'warning',
          text: `${t('culture.schedule.filled', { count: plan.assignments.length })} ${t('culture.schedule.uncovered', { count: plan.uncovered.length, first: plan.uncovered[0] })}`,
        });
      else if (plan.assignments.length === 0)
        setResult({ kind: 'ok', text: t('culture.schedule.filledNone') });
      else setResult({ kind: 'ok', text: t('culture.schedule.filled', { count: plan.assignments.length }) });
    } catch (err) {
      setResult({ kind: 'error', text: describeError(err, t) });
    } finally {
      setBusy(false);
    }
  };

  const move = (e: QuoteScheduleEntry, direction: -1 | 1) =>
    moveScheduled(db, repo, e.id, direction, today).catch(
      (err: unknown) => void message.error(describeError(err, t)),
    );

  const remove = (e: QuoteScheduleEntry) =>
    modal.confirm({
      title: t('culture.schedule.removeConfirm', { date: e.date }),
      okButtonProps: { danger: true },
      onOk: () => unschedule(repo, e.id).catch((err: unknown) => void message.error(describeError(err, t))),
    });

  const columns: TableColumnsType<QuoteScheduleEntry> = [
    {
      title: t('culture.schedule.date'),
      dataIndex: 'date',
      width: 150,
      render: (date: string) => (
        <Space>
          {date}
          {date === today && <Tag color="blue">{t('culture.schedule.today')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('culture.schedule.quote'),
      key: 'quote',
      ellipsis: true,
      render: (_, e) => textOf.get(e.quoteId) ?? '',
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_, e) =>
        e.date > today && (
          <Space size={0}>
            <RowAction
              icon={<ArrowUpOutlined />}
              label={t('culture.schedule.moveUp')}
              testId="schedule-up"
              onClick={() => void move(e, -1)}
            />
            <RowAction
              icon={<ArrowDownOutlined />}
              label={t('culture.schedule.moveDown')}
              testId="schedule-down"
              onClick={() => void move(e, 1)}
            />
            <RowAction
              icon={<DeleteOutlined />}
              label={t('culture.schedule.remove')}
              testId="schedule-remove"
              danger
              onClick={() => remove(e)}
            />
          </Space>
        ),
    },
  ];

  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text>{t('culture.schedule.from')}</Typography.Text>
        <DayInput value={from} onChange={setFrom} testId="schedule-from" width={150} />
        <Typography.Text>{t('culture.schedule.to')}</Typography.Text>
        <DayInput value={to} onChange={setTo} testId="schedule-to" width={150} />
        <Button
          type="primary"
          loading={busy}
          disabled={!from || !to}
          data-testid="schedule-fill"
          onClick={() => void fill()}
        >
          {t('culture.schedule.fill')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('culture.schedule.fillHint')}</Typography.Paragraph>
      {unofficialYears.length > 0 && (
        <Alert
          style={{ marginBottom: 12 }}
          data-testid="schedule-unofficial"
          data-years={unofficialYears.join(',')}
          type="warning"
          showIcon
          title={t('culture.calendarUnknown.title', { years: unofficialYears.join('、') })}
          description={t('culture.calendarUnknown.body')}
        />
      )}
      {result && (
        <Alert
          style={{ marginBottom: 12 }}
          data-testid="schedule-result"
          data-kind={result.kind}
          type={result.kind === 'ok' ? 'success' : result.kind}
          showIcon
          title={result.text}
        />
      )}
      <Table<QuoteScheduleEntry>
        data-testid="schedule-table"
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={ahead}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyState message={t('emptyState.schedule')} /> }}
        onRow={(e) =>
          ({
            'data-testid': 'schedule-row',
            'data-date': e.date,
            'data-text': textOf.get(e.quoteId) ?? '',
          }) as HTMLAttributes<HTMLElement>
        }
      />
    </div>
  );
}
