// The asset card in a side drawer: every field (type-specific ones by type), the responsible
// person with the reason, the secret masked until asked for, the peripherals attached to a
// computer, and one timeline of repair cards, work requests and handovers, newest first.
// Test ids: device-drawer, device-drawer-responsible, device-secret-view (+ -reveal, -copy),
// device-attached-list, attached-device (each, data-tag), device-timeline, timeline-entry (each,
// data-kind), drawer-edit, drawer-handover.
import { EditOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Empty, List, Space, Tag, Timeline, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { typeFields } from '../../../shared/devices/device-list';
import { hostIdOf } from '../../../shared/devices/responsible';
import type { TimelineEntry } from '../../../shared/devices/timeline';
import { formatDay, formatTime } from '../../i18n/dates';
import type { Device } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { deviceLabel } from '../../../shared/devices/choices';
import { readDeviceHistory } from './data';
import { formatPrice, responsibleReason } from './device-format';
import { SecretView } from './SecretInput';
import type { DeviceLedger } from './use-device-ledger';

const STATUS_COLORS: Record<Device['status'], string> = {
  'in-use': 'green',
  spare: 'blue',
  'in-repair': 'orange',
  retired: 'default',
};

export function DeviceStatusTag({ status }: { status: Device['status'] }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`devices.statuses.${status}`)}</Tag>;
}

export function DeviceDrawer(props: {
  deviceId: string | null;
  ledger: DeviceLedger;
  onClose: () => void;
  onEdit: (device: Device) => void;
  onHandover: (device: Device) => void;
  onOpenDevice: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { db } = useLedger();
  const { deviceId, ledger } = props;
  const row = deviceId ? ledger.index.byId.get(deviceId) : undefined;

  // A printer's history holds its computer's handovers too: its responsible person changed.
  const createdAt = row?.device.createdAt ?? null;
  const hostId = row ? hostIdOf(row.device) : null;
  const timeline = useLiveQuery(
    async () => (deviceId ? readDeviceHistory(db, { id: deviceId, createdAt, hostId }) : []),
    [db, deviceId, createdAt, hostId],
  );

  if (!row) return <Drawer open={false} onClose={props.onClose} />;
  const { device } = row;
  const fields = typeFields(device.type);
  const { personById, departmentById } = ledger.directory;
  const personName = (id: string | null) =>
    id ? (personById.get(id)?.name ?? t('common.none')) : t('devices.handover.nobody');
  const host = device.attachedToDeviceId ? ledger.all.get(device.attachedToDeviceId) : undefined;
  const attached = ledger.index.attachedTo.get(device.id) ?? [];
  const dash = (v: string | number | null) => (v === null || v === '' ? t('common.none') : v);

  const items = [
    { key: 'type', label: t('devices.fields.type'), children: t(`devices.types.${device.type}`) },
    {
      key: 'status',
      label: t('devices.fields.status'),
      children: <DeviceStatusTag status={device.status} />,
    },
    {
      key: 'responsible',
      label: t('devices.fields.responsible'),
      children: (
        <span data-testid="device-drawer-responsible">
          {row.responsibleName || t('devices.responsible.none')}
          <Typography.Text type="secondary">{`（${responsibleReason(row, t)}）`}</Typography.Text>
        </span>
      ),
    },
    {
      key: 'department',
      label: t('devices.fields.departmentId'),
      children: dash(device.departmentId ? (departmentById.get(device.departmentId)?.name ?? '') : ''),
    },
    { key: 'name', label: t('devices.fields.name'), children: dash(device.name) },
    {
      key: 'brandModel',
      label: t('devices.fields.brandModel'),
      children: dash([device.brand, device.model].filter(Boolean).join(' ')),
    },
    { key: 'serialNo', label: t('devices.fields.serialNo'), children: dash(device.serialNo) },
    { key: 'location', label: t('devices.fields.location'), children: dash(device.location) },
    ...(host
      ? [
          {
            key: 'host',
            label: t('devices.detail.connectedTo'),
            children: (
              <Typography.Link onClick={() => props.onOpenDevice(host.id)} data-testid="device-host-link">
                {deviceLabel(host)}
              </Typography.Link>
            ),
          },
        ]
      : []),
    ...(fields.network
      ? [
          { key: 'ip', label: t('devices.fields.ip'), children: dash(device.ip) },
          { key: 'mac', label: t('devices.fields.mac'), children: dash(device.mac) },
        ]
      : []),
    ...(fields.recorder
      ? [
          {
            key: 'channelCount',
            label: t('devices.fields.channelCount'),
            children: dash(device.channelCount),
          },
          {
            key: 'retentionDays',
            label: t('devices.fields.retentionDays'),
            children: dash(device.retentionDays),
          },
        ]
      : []),
    { key: 'purchaseDate', label: t('devices.fields.purchaseDate'), children: dash(device.purchaseDate) },
    { key: 'vendor', label: t('devices.fields.vendor'), children: dash(device.vendor) },
    {
      key: 'price',
      label: t('devices.fields.price'),
      children: dash(formatPrice(device.price, i18n.language)),
    },
    { key: 'warrantyEnd', label: t('devices.fields.warrantyEnd'), children: dash(device.warrantyEnd) },
    { key: 'note', label: t('devices.fields.note'), span: 2, children: dash(device.note) },
    {
      key: 'secret',
      label: t('devices.fields.secret'),
      span: 2,
      children: <SecretView key={device.id} value={device.secret} testId="device-secret-view" />,
    },
  ];

  const entryText = (entry: TimelineEntry) => {
    switch (entry.kind) {
      case 'repair':
        return t('devices.timeline.repair', {
          cardNo: entry.card.cardNo,
          description: entry.card.description,
        });
      case 'handover':
        return (
          <>
            {t('devices.timeline.handover', {
              from: personName(entry.handover.fromPersonId),
              to: personName(entry.handover.toPersonId),
            })}
            {entry.handover.note && <div>{entry.handover.note}</div>}
            {entry.handover.by && (
              <Typography.Text type="secondary">
                {t('devices.timeline.handoverBy', { by: entry.handover.by })}
              </Typography.Text>
            )}
          </>
        );
      case 'replacement-requested':
        return t('devices.timeline.replacementRequested', {
          item: entry.evaluation.item,
          status: t(`evaluations.statuses.${entry.evaluation.status}`),
        });
      case 'bought':
        return t('devices.timeline.bought', { item: entry.evaluation.item });
      case 'created':
        return t('devices.timeline.created');
      case 'host-handover':
        return t('devices.timeline.hostHandover', {
          tag: ledger.all.get(entry.handover.deviceId)?.assetTag ?? '',
          from: personName(entry.handover.fromPersonId),
          to: personName(entry.handover.toPersonId),
        });
    }
  };
  const when = (entry: TimelineEntry) =>
    entry.kind === 'replacement-requested'
      ? formatDay(entry.evaluation.requestedOn)
      : entry.kind === 'bought'
        ? formatDay(entry.evaluation.decidedOn ?? entry.evaluation.requestedOn)
        : formatTime(entry.at);
  const entryKey = (entry: TimelineEntry) =>
    entry.kind === 'repair'
      ? entry.card.id
      : entry.kind === 'handover' || entry.kind === 'host-handover'
        ? entry.handover.id
        : entry.kind === 'created'
          ? 'created'
          : entry.evaluation.id;

  return (
    <Drawer
      open
      size={640}
      onClose={props.onClose}
      title={t('devices.detail.title', { tag: device.assetTag })}
      extra={
        <Space>
          {device.type === 'computer' && (
            <Button
              icon={<SwapOutlined />}
              onClick={() => props.onHandover(device)}
              data-testid="drawer-handover"
            >
              {t('devices.actions.handover')}
            </Button>
          )}
          <Button
            type="primary"
            icon={<EditOutlined />}
            onClick={() => props.onEdit(device)}
            data-testid="drawer-edit"
          >
            {t('devices.actions.edit')}
          </Button>
        </Space>
      }
    >
      <div data-testid="device-drawer" data-tag={device.assetTag}>
        <Typography.Title level={5}>{t('devices.detail.basics')}</Typography.Title>
        <Descriptions size="small" bordered column={2} items={items} />
        {device.type === 'computer' && (
          <>
            <Typography.Title level={5} style={{ marginTop: 20 }}>
              {t('devices.detail.attached')}
            </Typography.Title>
            <List
              data-testid="device-attached-list"
              size="small"
              bordered
              locale={{ emptyText: t('devices.detail.noAttached') }}
              dataSource={attached}
              renderItem={(d) => (
                <List.Item data-testid="attached-device" data-tag={d.assetTag}>
                  <Typography.Link onClick={() => props.onOpenDevice(d.id)}>{deviceLabel(d)}</Typography.Link>
                  <span>{t(`devices.types.${d.type}`)}</span>
                </List.Item>
              )}
            />
          </>
        )}
        <Typography.Title level={5} style={{ marginTop: 20 }}>
          {t('devices.detail.timeline')}
        </Typography.Title>
        <div data-testid="device-timeline">
          {timeline && timeline.length > 0 ? (
            <Timeline
              items={timeline.map((entry) => ({
                key: `${entry.kind}-${entryKey(entry)}`,
                color:
                  entry.kind === 'repair'
                    ? 'red'
                    : entry.kind === 'handover' || entry.kind === 'host-handover'
                      ? 'blue'
                      : entry.kind === 'created'
                        ? 'gray'
                        : 'green',
                content: (
                  <div data-testid="timeline-entry" data-kind={entry.kind}>
                    <Typography.Text type="secondary">{when(entry)}</Typography.Text>
                    <div>{entryText(entry)}</div>
                  </div>
                ),
              }))}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('devices.detail.noHistory')} />
          )}
        </div>
      </div>
    </Drawer>
  );
}
