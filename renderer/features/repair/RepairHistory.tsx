// A device's or a person's repair cards (维修记录): the device's history for its asset card and
// the cards a person asked for on their page. Newest first; a row opens the card on the repair
// screen. Reads through the data layer's indexed queries (cardsOfDevice / cardsOfRequester).
// Test ids: repair-history (data-count), repair-history-row (each; data-card-no).
import { Table, Typography, type TableColumnsType } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { RepairCard } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { useUiStore } from '../../store/ui';
import { cardsOfDevice, cardsOfRequester } from './data';
import { formatTime } from './repair-format';
import { StatusTag } from './StatusTag';

/** The repair history of one device, for the devices screen. */
export function DeviceRepairHistory({ deviceId }: { deviceId: string }) {
  const { db } = useLedger();
  const cards = useLiveQuery(() => cardsOfDevice(db, deviceId), [db, deviceId]);
  return <HistoryTable cards={cards} show="requester" />;
}

/** The repair cards a person asked for, for their page in the directory. */
export function PersonRepairHistory({ personId }: { personId: string }) {
  const { db } = useLedger();
  const cards = useLiveQuery(() => cardsOfRequester(db, personId), [db, personId]);
  return <HistoryTable cards={cards} show="device" />;
}

function HistoryTable({ cards, show }: { cards: RepairCard[] | undefined; show: 'requester' | 'device' }) {
  const { t } = useTranslation();
  const navigate = useUiStore((s) => s.navigate);
  const columns: TableColumnsType<RepairCard> = [
    { title: t('repair.fields.cardNo'), dataIndex: 'cardNo', width: 150 },
    {
      title: t('repair.fields.receivedAt'),
      dataIndex: 'receivedAt',
      width: 140,
      render: (at: string) => formatTime(at),
    },
    show === 'requester'
      ? { title: t('repair.fields.requester'), dataIndex: 'requesterName', width: 90 }
      : { title: t('repair.fields.device'), dataIndex: 'deviceTag', width: 110 },
    { title: t('repair.fields.description'), dataIndex: 'description', ellipsis: true },
    {
      title: t('repair.fields.status'),
      dataIndex: 'status',
      width: 120,
      render: (_, c) => <StatusTag status={c.status} />,
    },
  ];
  return (
    <div data-testid="repair-history" data-count={cards?.length ?? ''}>
      <Typography.Text type="secondary">
        {t('repair.history.count', { count: cards?.length ?? 0 })}
      </Typography.Text>
      <Table<RepairCard>
        size="small"
        rowKey="id"
        loading={cards === undefined}
        columns={columns}
        dataSource={cards ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('repair.history.empty') }}
        onRow={(c) =>
          ({
            'data-testid': 'repair-history-row',
            'data-card-no': c.cardNo,
            style: { cursor: 'pointer' },
            onClick: () => navigate('repairs', encodeURIComponent(c.id)),
          }) as HTMLAttributes<HTMLElement>
        }
      />
    </div>
  );
}
