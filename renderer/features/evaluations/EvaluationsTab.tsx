// 工作申请单 — work requests for purchases and replacements: the list (search, status filter),
// the form, and the status flow pending → approved / rejected → bought. "登记购入" opens the asset
// form prefilled from the request; saving it creates the device and marks the request bought.
// Each request prints as the paper form with its four signature blocks.
// Test ids: evaluations-search, evaluations-status-filter, add-evaluation, evaluations-count,
// evaluations-table, evaluation-row (each row; data-item, data-status), evaluation-edit,
// evaluation-approve, evaluation-reject, evaluation-reopen, evaluation-buy, evaluation-print,
// evaluation-delete, evaluation-status (the tag), evaluation-bought-link.
import {
  CheckOutlined,
  CloseOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
  PrinterOutlined,
  RollbackOutlined,
  SearchOutlined,
  ShoppingCartOutlined,
} from '@ant-design/icons';
import { App, Button, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { canMoveEvaluation, type EvaluationStatus } from '../../../shared/devices/evaluation-flow';
import { EVALUATION_STATUSES, type PurchaseEvaluation } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { useDeleteWithUndo } from '../../components/useDeleteWithUndo';
import { describeError } from '../../i18n/errors';
import { formatPrice } from '../devices/device-format';
import type { DeviceLedger } from '../devices/use-device-ledger';
import { DecisionForm, type Decision } from './DecisionForm';
import { EvaluationForm } from './EvaluationForm';
import { filterEvaluations, listedEvaluations } from './evaluation-list';
import { printEvaluation } from './print-evaluation';
import { columnsWidth } from '../../components/table-width';
import { EmptyState } from '../../components/EmptyState';

const STATUS_COLORS: Record<EvaluationStatus, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  bought: 'blue',
};

export function EvaluationsTab(props: {
  ledger: DeviceLedger;
  onOpenDevice: (id: string) => void;
  onBuy: (evaluation: PurchaseEvaluation) => void;
}) {
  const { t, i18n } = useTranslation();
  const { db, repo } = useLedger();
  const { message, modal } = App.useApp();
  const confirmDelete = useDeleteWithUndo();
  const { ledger } = props;
  const { personById, departmentById } = ledger.directory;

  const [searchText, setSearchText] = useState('');
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<EvaluationStatus | null>(null);
  const [editing, setEditing] = useState<{ evaluation: PurchaseEvaluation | null } | null>(null);
  const [decision, setDecision] = useState<Decision | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(searchText), 150);
    return () => clearTimeout(timer);
  }, [searchText]);

  // A few requests a month: read whole, newest first.
  const evaluations = useLiveQuery(
    async () => listedEvaluations(await db.purchaseEvaluations.orderBy('requestedOn').reverse().toArray()),
    [db],
  );

  const tagOf = (id: string | null) => (id ? (ledger.all.get(id)?.assetTag ?? '') : '');
  const shown = useMemo(
    () =>
      filterEvaluations(
        evaluations ?? [],
        { query, status },
        { personName: (id) => (id ? (personById.get(id)?.name ?? '') : ''), deviceTag: tagOf },
      ),
    // tagOf reads ledger.all, which changes with ledger.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [evaluations, query, status, personById, ledger],
  );

  const move = async (evaluation: PurchaseEvaluation, to: EvaluationStatus) => {
    if (to === 'approved' || to === 'rejected') {
      setDecision({ evaluation, status: to });
      return;
    }
    if (to === 'bought') {
      props.onBuy(evaluation);
      return;
    }
    try {
      await repo.update('purchaseEvaluations', evaluation.id, { status: to, decidedOn: null });
      void message.success(t('evaluations.statusChanged', { status: t(`evaluations.statuses.${to}`) }));
    } catch (err) {
      void message.error(describeError(err, t));
    }
  };

  const print = async (evaluation: PurchaseEvaluation) => {
    try {
      const printed = await printEvaluation(
        db,
        evaluation,
        async (chars) =>
          await modal.confirm({
            title: t('evaluations.missingTitle'),
            content: t('evaluations.missingBody', { chars: chars.join('、') }),
            okText: t('evaluations.printAnyway'),
            cancelText: t('common.cancel'),
          }),
      );
      if (printed?.ok && printed.saved)
        void message.success(t('evaluations.printed', { file: printed.fileName ?? '' }));
    } catch (err) {
      void message.error(t('evaluations.printFailed', { detail: describeError(err, t) }));
    }
  };

  const remove = (evaluation: PurchaseEvaluation) =>
    confirmDelete({
      title: t('evaluations.deleteTitle', { item: evaluation.item }),
      content: t('evaluations.deleteBody'),
      name: evaluation.item,
      remove: () => repo.remove('purchaseEvaluations', evaluation.id),
      restore: () => repo.restore('purchaseEvaluations', evaluation.id),
    });

  const action = (
    e: PurchaseEvaluation,
    to: EvaluationStatus,
    key: 'approve' | 'reject' | 'reopen' | 'buy',
    icon: React.ReactNode,
  ) =>
    canMoveEvaluation(e.status, to) && (
      <Button size="small" icon={icon} data-testid={`evaluation-${key}`} onClick={() => void move(e, to)}>
        {t(`evaluations.actions.${key}`)}
      </Button>
    );

  const columns: TableColumnsType<PurchaseEvaluation> = [
    { title: t('evaluations.fields.requestedOn'), dataIndex: 'requestedOn', width: 110, fixed: 'left' },
    { title: t('evaluations.fields.item'), dataIndex: 'item', width: 200, fixed: 'left', ellipsis: true },
    {
      title: t('evaluations.fields.status'),
      key: 'status',
      width: 150,
      render: (_, e) => (
        <Space size={4}>
          <Tag color={STATUS_COLORS[e.status]} data-testid="evaluation-status">
            {t(`evaluations.statuses.${e.status}`)}
          </Tag>
          {e.boughtDeviceId && (
            <Typography.Link
              data-testid="evaluation-bought-link"
              onClick={() => props.onOpenDevice(e.boughtDeviceId!)}
            >
              {tagOf(e.boughtDeviceId)}
            </Typography.Link>
          )}
        </Space>
      ),
    },
    {
      title: t('evaluations.fields.requesterId'),
      key: 'requester',
      width: 100,
      ellipsis: true,
      render: (_, e) => (e.requesterId ? (personById.get(e.requesterId)?.name ?? '') : ''),
    },
    {
      title: t('evaluations.fields.departmentId'),
      key: 'department',
      width: 120,
      ellipsis: true,
      render: (_, e) => (e.departmentId ? (departmentById.get(e.departmentId)?.name ?? '') : ''),
    },
    {
      title: t('evaluations.fields.replacesDeviceId'),
      key: 'replaces',
      width: 110,
      ellipsis: true,
      render: (_, e) =>
        e.replacesDeviceId ? (
          <Typography.Link onClick={() => props.onOpenDevice(e.replacesDeviceId!)}>
            {tagOf(e.replacesDeviceId)}
          </Typography.Link>
        ) : (
          <Typography.Text type="secondary">{t('evaluations.newPurchase')}</Typography.Text>
        ),
    },
    {
      title: t('evaluations.fields.estimatedCost'),
      key: 'cost',
      width: 120,
      align: 'right',
      render: (_, e) => formatPrice(e.estimatedCost, i18n.language),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 330,
      render: (_, e) => (
        <Space size={4} wrap>
          {action(e, 'approved', 'approve', <CheckOutlined />)}
          {action(e, 'rejected', 'reject', <CloseOutlined />)}
          {action(e, 'bought', 'buy', <ShoppingCartOutlined />)}
          {action(e, 'pending', 'reopen', <RollbackOutlined />)}
          <Button
            size="small"
            type="text"
            icon={<PrinterOutlined />}
            aria-label={t('evaluations.actions.print')}
            title={t('evaluations.actions.print')}
            data-testid="evaluation-print"
            onClick={() => void print(e)}
          />
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            aria-label={t('evaluations.actions.edit')}
            data-testid="evaluation-edit"
            onClick={() => setEditing({ evaluation: e })}
          />
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('evaluations.actions.delete')}
            data-testid="evaluation-delete"
            onClick={() => remove(e)}
          />
        </Space>
      ),
    },
  ];

  const total = evaluations?.length ?? 0;
  return (
    <div>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input
            data-testid="evaluations-search"
            allowClear
            prefix={<SearchOutlined />}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onPressEnter={() => setQuery(searchText)}
            placeholder={t('evaluations.searchPlaceholder')}
            style={{ width: 320 }}
          />
          <Select
            data-testid="evaluations-status-filter"
            allowClear
            value={status ?? undefined}
            onChange={(v: EvaluationStatus | undefined) => setStatus(v ?? null)}
            placeholder={t('evaluations.statusFilter')}
            style={{ width: 130 }}
            options={EVALUATION_STATUSES.map((v) => ({ value: v, label: t(`evaluations.statuses.${v}`) }))}
          />
        </Space>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          data-testid="add-evaluation"
          onClick={() => setEditing({ evaluation: null })}
        >
          {t('evaluations.add')}
        </Button>
      </Space>
      <Typography.Text type="secondary" data-testid="evaluations-count">
        {t('evaluations.shown', { total, shown: shown.length })}
      </Typography.Text>
      <Table<PurchaseEvaluation>
        data-testid="evaluations-table"
        style={{ marginTop: 8 }}
        size="middle"
        tableLayout="fixed"
        scroll={{ x: columnsWidth(columns) }}
        rowKey="id"
        loading={evaluations === undefined}
        columns={columns}
        dataSource={shown}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
        locale={{
          emptyText:
            total === 0 ? (
              <EmptyState
                message={t('evaluations.empty')}
                action={{ label: t('evaluations.add'), onClick: () => setEditing({ evaluation: null }) }}
              />
            ) : (
              <EmptyState message={t('evaluations.noMatch')} />
            ),
        }}
        onRow={(e) =>
          ({
            'data-testid': 'evaluation-row',
            'data-item': e.item,
            'data-status': e.status,
            onDoubleClick: () => setEditing({ evaluation: e }),
          }) as HTMLAttributes<HTMLElement>
        }
      />
      <EvaluationForm
        open={editing !== null}
        evaluation={editing?.evaluation ?? null}
        ledger={ledger}
        onClose={() => setEditing(null)}
      />
      <DecisionForm
        key={decision ? `${decision.evaluation.id}-${decision.status}` : 'none'}
        decision={decision}
        onClose={() => setDecision(null)}
      />
    </div>
  );
}
