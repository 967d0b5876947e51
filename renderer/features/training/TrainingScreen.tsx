// 培训 — the year's trainings: the office-software progress against two a year, each training with
// its roster size, and its sign-in sheet (签到表) printed from the row.
// Test ids: training-screen, training-progress, add-training, trainings-table, training-row
// (data-topic), training-print.
import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Training } from '../../../shared/schemas';
import { officeTrainingProgress } from '../../../shared/training/roster';
import { useLedger } from '../../app/ledger';
import { RowAction } from '../../components/RowAction';
import { describeError } from '../../i18n/errors';
import { useChinaToday } from '../culture/data';
import { useDirectory } from '../../directory/directory';
import { printSigninSheet, useTrainingLedger } from './data';
import { TrainingForm } from './TrainingForm';
import { EmptyState } from '../../components/EmptyState';

export function TrainingScreen() {
  const { t } = useTranslation();
  const { db } = useLedger();
  const { message, modal } = App.useApp();
  const ledger = useTrainingLedger(db);
  const directory = useDirectory();
  const [adding, setAdding] = useState(false);
  const today = useChinaToday();
  const year = Number(today.slice(0, 4));
  const progress = useMemo(() => ledger && officeTrainingProgress(ledger.trainings, year), [ledger, year]);
  const rosterSize = useMemo(() => {
    const counts = new Map<string, number>();
    for (const a of ledger?.attendees ?? []) counts.set(a.trainingId, (counts.get(a.trainingId) ?? 0) + 1);
    return counts;
  }, [ledger]);

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
      title: t('training.fields.roster'),
      key: 'roster',
      width: 90,
      render: (_, tr) => rosterSize.get(tr.id) ?? 0,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_, tr) => (
        <RowAction
          icon={<PrinterOutlined />}
          label={t('training.print')}
          testId="training-print"
          onClick={() => void print(tr)}
        />
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
              title={t('training.progress', { year, held: progress.held, needed: progress.needed })}
            />
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
              ({ 'data-testid': 'training-row', 'data-topic': tr.topic }) as HTMLAttributes<HTMLElement>
            }
          />
          <TrainingForm open={adding} today={today} directory={directory} onClose={() => setAdding(false)} />
        </>
      )}
    </div>
  );
}
