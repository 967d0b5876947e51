// The dashboard's device alerts: warranties ending within 30 days and devices repaired three or
// more times in 90 days (shared/devices/flags.ts), each a link to the device's card.
// Test ids: device-flags, flag-warranty (each, data-tag), flag-repeat (each, data-tag).
import { Card, Col, Row, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useLedger } from '../../app/ledger';
import { useUiStore } from '../../store/ui';
import { deviceLabel } from '../../../shared/devices/choices';
import { readDeviceFlags } from './data';

export function DeviceFlagsCard() {
  const { t } = useTranslation();
  const { db } = useLedger();
  const navigate = useUiStore((s) => s.navigate);

  const flags = useLiveQuery(() => readDeviceFlags(db, new Date()), [db]);

  const open = (id: string) => navigate('devices', `device/${id}`);

  return (
    <Card title={t('devices.flags.title')} style={{ marginBottom: 16 }} data-testid="device-flags">
      <Row gutter={16}>
        <Col span={12}>
          <Typography.Text strong>{t('devices.flags.warranty')}</Typography.Text>
          <FlagList loading={flags === undefined} empty={t('devices.flags.none')}>
            {flags?.warranty.map(({ device, daysLeft }) => (
              <FlagRow key={device.id} testId="flag-warranty" tag={device.assetTag}>
                <Typography.Link onClick={() => open(device.id)}>{deviceLabel(device)}</Typography.Link>
                <Typography.Text type={daysLeft <= 7 ? 'danger' : 'warning'}>
                  {daysLeft === 0
                    ? t('devices.flags.warrantyToday')
                    : t('devices.flags.warrantyDays', { days: daysLeft, date: device.warrantyEnd })}
                </Typography.Text>
              </FlagRow>
            ))}
          </FlagList>
        </Col>
        <Col span={12}>
          <Typography.Text strong>{t('devices.flags.repeat')}</Typography.Text>
          <FlagList loading={flags === undefined} empty={t('devices.flags.none')}>
            {flags?.repeat.map(({ device, cards }) => (
              <FlagRow key={device.id} testId="flag-repeat" tag={device.assetTag}>
                <Typography.Link onClick={() => open(device.id)}>{deviceLabel(device)}</Typography.Link>
                <Typography.Text type="danger">
                  {t('devices.flags.repeatCount', { count: cards })}
                </Typography.Text>
              </FlagRow>
            ))}
          </FlagList>
        </Col>
      </Row>
    </Card>
  );
}

// A plain list rather than antd's List: the dashboard is the first screen, and List brings its
// pagination (with a Select and a virtual list) into the JavaScript every cold start parses.
function FlagList({ loading, empty, children }: { loading: boolean; empty: string; children?: ReactNode[] }) {
  if (loading) return <Spin size="small" style={{ display: 'block', padding: 12 }} />;
  if (!children?.length)
    return (
      <Typography.Text type="secondary" style={{ display: 'block', padding: '12px 0', textAlign: 'center' }}>
        {empty}
      </Typography.Text>
    );
  return <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>{children}</ul>;
}

function FlagRow({ testId, tag, children }: { testId: string; tag: string; children: ReactNode }) {
  return (
    <li
      data-testid={testId}
      data-tag={tag}
      style={{
        display: 'flex',
        justifyContent: 'space-between',
        gap: 8,
        padding: '8px 16px',
        borderBottom: '1px solid rgba(5, 5, 5, 0.06)',
      }}
    >
      {children}
    </li>
  );
}
