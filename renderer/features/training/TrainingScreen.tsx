// 培训 — the year's trainings: the office-software plan against two a year (held and still
// planned), departments' requests with their status, each training with its roster and attendance,
// a department's request planned from its row (the form opens filled in from the request), a
// planned training changed from its row (day, place, roster), its
// sign-in sheet (签到表) printed from the row and marked held from the signed sheet, and the
// newcomers in the directory still waiting for their software guidance.
// Test ids: training-screen, training-progress, add-training, trainings-table, training-row
// (data-topic, data-status), training-plan, training-edit, training-print, training-held, training-cancel, training-attended,
// training-sheet-view (each scanned sheet; data-name), newcomers (data-count), newcomer (data-name).
import {
  CalendarOutlined,
  CheckOutlined,
  CloseOutlined,
  EditOutlined,
  PlusOutlined,
  PrinterOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Training } from '../../../shared/schemas';
import {
  NEWCOMER_DAYS,
  newcomersWithoutGuidance,
  officePlanProgress,
} from '../../../shared/training/attendance';
import { addDays } from '../../../shared/time/china';
import { useLedger } from '../../app/ledger';
import { RowAction } from '../../components/RowAction';
import { describeError } from '../../i18n/errors';
import { useChinaToday } from '../culture/data';
import { useDirectory } from '../../directory/directory';
import { AttendanceDialog } from './AttendanceDialog';
import { printSigninSheet, setTrainingStatus, useTrainingLedger } from './data';
import { ScanLinks } from '../../components/ScanLinks';
import { TrainingForm } from './TrainingForm';
import { EmptyState } from '../../components/EmptyState';

export function TrainingScreen() {
  const { t } = useTranslation();
  const { db } = useLedger();
  const { message, modal } = App.useApp();
  const ledger = useTrainingLedger(db);
  const directory = useDirectory();
  const [adding, setAdding] = useState(false);
  const [planning, setPlanning] = useState<Training | null>(null);
  const [editing, setEditing] = useState<Training | null>(null);
  const [marking, setMarking] = useState<Training | null>(null);
  const { repo } = useLedger();
  const today = useChinaToday();
  const year = Number(today.slice(0, 4));
  const progress = useMemo(() => ledger && officePlanProgress(ledger.trainings, year), [ledger, year]);
  const rosterSize = useMemo(() => {
    const counts = new Map<string, { roster: number; signed: number }>();
    for (const a of ledger?.attendees ?? []) {
      const c = counts.get(a.trainingId) ?? { roster: 0, signed: 0 };
      counts.set(a.trainingId, { roster: c.roster + 1, signed: c.signed + (a.signed ? 1 : 0) });
    }
    return counts;
  }, [ledger]);
  const newcomers = useMemo(
    () =>
      ledger && directory
        ? newcomersWithoutGuidance(
            directory.people,
            ledger.trainings,
            ledger.attendees,
            addDays(today, -NEWCOMER_DAYS),
          )
        : [],
    [ledger, directory, today],
  );
  // The training being changed with the people on its roster now (fixed while the form is open).
  const editingRoster = useMemo(
    () =>
      editing && ledger
        ? {
            training: editing,
            personIds: ledger.attendees.filter((a) => a.trainingId === editing.id).map((a) => a.personId),
          }
        : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read once when the form opens
    [editing],
  );
  const cancel = (training: Training) =>
    modal.confirm({
      title: t('training.cancelConfirm', { topic: training.topic }),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await setTrainingStatus(repo, training.id, 'cancelled');
        } catch (err) {
          void message.error(describeError(err, t));
        }
      },
    });

  const print = async (training: Training) => {
    try {
      const printed = await printSigninSheet(
        db,
        training,
        async (chars) =>
          await modal.confirm({
            title: t('training.missingTitle'),
            content: t('training.missingBody', { chars: chars.join('、') }),
          }),
      );
      if (printed?.ok && printed.saved)
        void message.success(t('training.printed', { file: printed.fileName ?? '' }));
    } catch (err) {
      void message.error(describeError(err, t));
    }
  };

  const columns: TableColumnsType<Training> = [
    { title: t('training.fields.date'), dataIndex: 'date', width: 120 },
    { title: t('training.fields.topic'), dataIndex: 'topic', ellipsis: true },
    {
      title: t('training.fields.kind'),
      key: 'kind',
      width: 150,
      render: (_, tr) => t(`training.kinds.${tr.kind}`),
    },
    { title: t('training.fields.location'), dataIndex: 'location', width: 160, ellipsis: true },
    {
      title: t('training.fields.status'),
      key: 'status',
      width: 100,
      render: (_, tr) => {
        const status = tr.status ?? 'planned';
        const color = { held: 'green', planned: 'blue', requested: 'orange', cancelled: 'default' }[status];
        return <Tag color={color}>{t(`training.statuses.${status}`)}</Tag>;
      },
    },
    {
      title: t('training.fields.roster'),
      key: 'roster',
      width: 170,
      render: (_, tr) => {
        const c = rosterSize.get(tr.id) ?? { roster: 0, signed: 0 };
        return (tr.status ?? 'planned') === 'held' ? (
          <>
            <span data-testid="training-attended">{t('training.attended', c)}</span>
            <ScanLinks shas={tr.signedSheetShas ?? []} testId="training-sheet-view" />
          </>
        ) : (
          c.roster
        );
      },
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, tr) => (
        <Space size={0}>
          {tr.status === 'requested' && (
            <RowAction
              icon={<CalendarOutlined />}
              label={t('training.plan.action')}
              testId="training-plan"
              onClick={() => setPlanning(tr)}
            />
          )}
          {(tr.status === 'planned' || tr.status === 'requested' || tr.status === undefined) && (
            <RowAction
              icon={<EditOutlined />}
              label={t('training.edit.action')}
              testId="training-edit"
              onClick={() => setEditing(tr)}
            />
          )}
          <RowAction
            icon={<PrinterOutlined />}
            label={t('training.print')}
            testId="training-print"
            onClick={() => void print(tr)}
          />
          {tr.status !== 'cancelled' && (
            <RowAction
              icon={<CheckOutlined />}
              label={t('training.markHeld')}
              testId="training-held"
              onClick={() => setMarking(tr)}
            />
          )}
          {tr.status !== 'held' && tr.status !== 'cancelled' && (
            <RowAction
              icon={<CloseOutlined />}
              label={t('training.cancel')}
              testId="training-cancel"
              danger
              onClick={() => cancel(tr)}
            />
          )}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="training-screen">
      <Typography.Title level={3}>{t('training.title')}</Typography.Title>
      {ledger === undefined || directory === undefined ? (
        <Spin />
      ) : (
        <>
          {progress && (
            <Alert
              style={{ marginBottom: 12 }}
              data-testid="training-progress"
              type={progress.met ? 'success' : 'info'}
              showIcon
              title={t('training.planProgress', {
                year,
                held: progress.held,
                planned: progress.planned,
                needed: progress.needed,
              })}
            />
          )}
          {newcomers.length > 0 && (
            <Card
              size="small"
              style={{ marginBottom: 12 }}
              data-testid="newcomers"
              data-count={newcomers.length}
              title={t('training.newcomers', { count: newcomers.length })}
            >
              <Space wrap>
                {newcomers.map((p) => (
                  <Tag key={p.id} data-testid="newcomer" data-name={p.name}>
                    {p.name}
                    {p.departmentId ? ` · ${directory.departmentById.get(p.departmentId)?.name ?? ''}` : ''}
                  </Tag>
                ))}
              </Space>
            </Card>
          )}
          <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'flex-end' }}>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="add-training"
              onClick={() => setAdding(true)}
            >
              {t('training.add')}
            </Button>
          </Space>
          <Table<Training>
            data-testid="trainings-table"
            size="middle"
            rowKey="id"
            columns={columns}
            dataSource={ledger.trainings}
            pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: <EmptyState message={t('emptyState.training')} /> }}
            onRow={(tr) =>
              ({
                'data-testid': 'training-row',
                'data-topic': tr.topic,
                'data-status': tr.status ?? 'planned',
              }) as HTMLAttributes<HTMLElement>
            }
          />
          <AttendanceDialog
            training={marking}
            roster={marking ? ledger.attendees.filter((a) => a.trainingId === marking.id) : []}
            directory={directory}
            today={today}
            onClose={() => setMarking(null)}
          />
          <TrainingForm
            open={adding || planning !== null || editing !== null}
            today={today}
            directory={directory}
            request={planning}
            editing={editingRoster}
            onClose={() => {
              setAdding(false);
              setPlanning(null);
              setEditing(null);
            }}
          />
        </>
      )}
    </div>
  );
}
