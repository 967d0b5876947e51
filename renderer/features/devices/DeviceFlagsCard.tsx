// The dashboard's device alerts: warranties ending within 30 days and devices repaired three or
// more times in 90 days (shared/devices/flags.ts), each a link to the device's card.
// Test ids: device-flags, flag-warranty (each, data-tag), flag-repeat (each, data-tag).
import { Card, Col, List, Row, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import {
  frequentlyRepaired,
  repeatRepairSince,
  shanghaiDay,
  WARRANTY_WARNING_DAYS,
  warrantyEndingSoon,
} from '../../../shared/devices/flags';
import { isListed } from '../../../shared/sync/arrival';
import { useLedger } from '../../app/ledger';
import { useUiStore } from '../../store/ui';
import { deviceLabel } from './device-format';

export function DeviceFlagsCard() {
  const { t } = useTranslation();
  const { db } = useLedger();
  const navigate = useUiStore((s) => s.navigate);

  const flags = useLiveQuery(async () => {
    const now = new Date();
    // Only indexed ranges: warranties ending in the next 30 days, cards of the last 90 days, and
    // then just the devices those cards flag. The dashboard never reads every device.
    const today = shanghaiDay(now);
    const horizon = shanghaiDay(new Date(now.getTime() + WARRANTY_WARNING_DAYS * 24 * 3600 * 1000));
    const [ending, cards] = await Promise.all([
      db.devices.where('warrantyEnd').between(today, horizon, true, true).toArray(),
      db.repairCards.where('receivedAt').aboveOrEqual(repeatRepairSince(now)).toArray(),
    ]);
    const repeated = frequentlyRepaired(cards, repeatRepairSince(now));
    const flagged = await db.devices.bulkGet(repeated.map((f) => f.deviceId));
    const byId = new Map(flagged.flatMap((d) => (d ? [[d.id, d] as const] : [])));
    return {
      warranty: warrantyEndingSoon(ending, now),
      repeat: repeated.flatMap((f) => {
        const device = byId.get(f.deviceId);
        return isListed(device) ? [{ ...f, device: device! }] : [];
      }),
    };
  }, [db]);

  const open = (id: string) => navigate('devices', `device/${id}`);

  return (
    <Card title={t('devices.flags.title')} style={{ marginBottom: 16 }} data-testid="device-flags">
      <Row gutter={16}>
        <Col span={12}>
          <Typography.Text strong>{t('devices.flags.warranty')}</Typography.Text>
          <List
            size="small"
            loading={flags === undefined}
            locale={{ emptyText: t('devices.flags.none') }}
            dataSource={flags?.warranty ?? []}
            renderItem={({ device, daysLeft }) => (
              <List.Item data-testid="flag-warranty" data-tag={device.assetTag}>
                <Typography.Link onClick={() => open(device.id)}>{deviceLabel(device)}</Typography.Link>
                <Typography.Text type={daysLeft <= 7 ? 'danger' : 'warning'}>
                  {daysLeft === 0
                    ? t('devices.flags.warrantyToday')
                    : t('devices.flags.warrantyDays', { days: daysLeft, date: device.warrantyEnd })}
                </Typography.Text>
              </List.Item>
            )}
          />
        </Col>
        <Col span={12}>
          <Typography.Text strong>{t('devices.flags.repeat')}</Typography.Text>
          <List
            size="small"
            loading={flags === undefined}
            locale={{ emptyText: t('devices.flags.none') }}
            dataSource={flags?.repeat ?? []}
            renderItem={({ device, cards }) => (
              <List.Item data-testid="flag-repeat" data-tag={device.assetTag}>
                <Typography.Link onClick={() => open(device.id)}>{deviceLabel(device)}</Typography.Link>
                <Typography.Text type="danger">
                  {t('devices.flags.repeatCount', { count: cards })}
                </Typography.Text>
              </List.Item>
            )}
          />
        </Col>
      </Row>
    </Card>
  );
}
