// 网络: the IM software permissions (PermissionsTab.tsx) and the network incident log — each outage with its duration counted live, flagged major past
// 24 hours unless excluded, a power cut's 24-hour restore deadline counting down — and this year's
// major incidents against the limit of 10.
// Test ids: network-screen, incident-add, network-ytd, incident-row (each; data-cause,
// data-ongoing, data-major, data-excluded), incident-duration, incident-deadline, incident-end-now,
// incident-edit; the form's ids are listed in IncidentForm.tsx.
import { Alert, App, Button, Card, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  hoursAndMinutes,
  incidentState,
  majorsYearToDate,
  MAJOR_INCIDENTS_PER_YEAR,
} from '../../../shared/network/incidents';
import type { NetworkIncident } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { formatTime } from '../../i18n/dates';
import { useNow } from '../../components/use-now';
import { useUiStore } from '../../store/ui';
import { listIncidents } from './data';
import { IncidentForm } from './IncidentForm';
import { PermissionsTab } from './PermissionsTab';
import { EmptyState } from '../../components/EmptyState';

export function NetworkScreen() {
  const { t } = useTranslation();
  const { db } = useLedger();
  const { message } = App.useApp();
  const tick = useNow(30_000);
  const incidents = useLiveQuery(() => listIncidents(db), [db]);
  // Durations and deadlines of a list that has just changed are read against the clock of now, not
  // of the last tick (up to 30 s old): an outage logged as 25 hours ago shows 25 hours at once.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- tick and incidents are the refresh triggers
  const now = useMemo(() => new Date(), [tick, incidents]);
  const [editing, setEditing] = useState<{ incident: NetworkIncident | null; restoring?: boolean } | null>(
    null,
  );
  const ytd = majorsYearToDate(incidents ?? [], now);
  // #/network/incident/<id> opens that incident's entry once (a KPI exception links here).
  const sub = useUiStore((s) => s.sub);
  const [openedFor, setOpenedFor] = useState('');
  const linked = /^incident\/(.+)$/.exec(sub)?.[1];
  if (linked && incidents && openedFor !== sub) {
    // Adjusted while rendering (React's pattern for state that follows a prop), once per address.
    setOpenedFor(sub);
    const incident = incidents.find((i) => i.id === decodeURIComponent(linked));
    if (incident) setEditing({ incident });
  }

  return (
    <div data-testid="network-screen">
      <Typography.Title level={3}>{t('network.title')}</Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Space size="large" align="center" wrap>
          <Statistic
            title={t('network.ytd')}
            value={t('network.ytdOf', { count: ytd, limit: MAJOR_INCIDENTS_PER_YEAR })}
            styles={{ content: ytd > MAJOR_INCIDENTS_PER_YEAR ? { color: '#cf1322' } : {} }}
            data-testid="network-ytd"
            data-count={ytd}
          />
          <Typography.Text type="secondary" style={{ maxWidth: 520, display: 'block' }}>
            {t('network.ytdHelp', { limit: MAJOR_INCIDENTS_PER_YEAR })}
          </Typography.Text>
          <Button type="primary" data-testid="incident-add" onClick={() => setEditing({ incident: null })}>
            {t('network.add')}
          </Button>
        </Space>
      </Card>
      <Tabs
        items={[
          {
            key: 'incidents',
            label: <span data-testid="network-tab-incidents">{t('network.tabs.incidents')}</span>,
            children: (
              <Card title={t('network.tabs.incidents')}>
                <Table<NetworkIncident>
                  size="small"
                  rowKey="id"
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  dataSource={incidents ?? []}
                  loading={incidents === undefined}
                  locale={{ emptyText: <EmptyState message={t('emptyState.network')} /> }}
                  onRow={(inc) => {
                    const s = incidentState(inc, now);
                    return {
                      'data-testid': 'incident-row',
                      'data-cause': inc.cause,
                      'data-ongoing': String(s.ongoing),
                      'data-major': String(s.major),
                      'data-excluded': String(s.excluded),
                    } as never;
                  }}
                  columns={[
                    {
                      key: 'start',
                      title: t('network.columns.start'),
                      render: (_, i) => formatTime(i.startAt),
                      width: 140,
                    },
                    {
                      key: 'end',
                      title: t('network.columns.end'),
                      width: 140,
                      render: (_, i) =>
                        i.endAt ? formatTime(i.endAt) : <Tag color="red">{t('network.ongoing')}</Tag>,
                    },
                    {
                      key: 'duration',
                      title: t('network.columns.duration'),
                      width: 120,
                      render: (_, i) => (
                        <span data-testid="incident-duration">
                          {t('network.duration', hoursAndMinutes(incidentState(i, now).durationMs))}
                        </span>
                      ),
                    },
                    {
                      key: 'cause',
                      title: t('network.columns.cause'),
                      width: 90,
                      render: (_, i) => t(`network.causes.${i.cause}`),
                    },
                    { key: 'scope', title: t('network.columns.scope'), dataIndex: 'scope' },
                    {
                      key: 'flags',
                      title: t('network.columns.flags'),
                      render: (_, i) => <Flags incident={i} now={now} />,
                    },
                    {
                      key: 'actions',
                      title: t('common.actions'),
                      width: 150,
                      render: (_, i) => (
                        <Space>
                          {!i.endAt && (
                            <Button
                              size="small"
                              data-testid="incident-end-now"
                              onClick={() => setEditing({ incident: i, restoring: true })}
                            >
                              {t('network.end')}
                            </Button>
                          )}
                          <Button
                            size="small"
                            data-testid="incident-edit"
                            onClick={() => setEditing({ incident: i })}
                          >
                            {t('network.edit')}
                          </Button>
                        </Space>
                      ),
                    },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'permissions',
            label: <span data-testid="network-tab-permissions">{t('network.tabs.permissions')}</span>,
            children: <PermissionsTab />,
          },
        ]}
      />
      {editing && (
        <IncidentForm
          incident={editing.incident}
          restoring={editing.restoring}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void message.success(t('network.form.saved'));
          }}
        />
      )}
    </div>
  );
}

function Flags({ incident, now }: { incident: NetworkIncident; now: Date }) {
  const { t } = useTranslation();
  const s = incidentState(incident, now);
  return (
    <Space wrap size={4}>
      {s.major && <Tag color="red">{t('network.major')}</Tag>}
      {s.excluded && (
        <Tag title={incident.exclusionReason}>
          {t('network.excludedTag')}
          {incident.exclusionReason ? `：${incident.exclusionReason}` : ''}
        </Tag>
      )}
      {s.powerCut && (
        <span data-testid="incident-deadline" data-met={String(s.powerCut.met)}>
          {s.powerCut.met === null ? (
            <Alert
              type="warning"
              showIcon
              style={{ padding: '0 8px' }}
              title={`${t('network.deadline', { at: formatTime(s.powerCut.deadline) })} · ${t(
                'network.remaining',
                hoursAndMinutes(s.powerCut.remainingMs),
              )}`}
            />
          ) : s.powerCut.met ? (
            <Tag color="green">{t('network.restoredInTime')}</Tag>
          ) : (
            <Tag color="red">{s.ongoing ? t('network.pastDeadline') : t('network.restoredLate')}</Tag>
          )}
        </span>
      )}
    </Space>
  );
}
