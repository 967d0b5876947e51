// 设备 — the device ledger (asset cards) and the work requests (工作申请单) for purchases and
// replacements, as two tabs. Addressable: #/devices (list), #/devices/device/<id> (list with that
// device's card open: dashboard links and scanned labels land here), #/devices/evaluations.
// Test ids: devices-screen, tab-devices, tab-evaluations; the tabs' own ids are listed in
// DevicesTab.tsx, DeviceDrawer.tsx, DeviceForm.tsx, HandoverForm.tsx and EvaluationsTab.tsx.
import { Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchaseEvaluation, Device } from '../../../shared/schemas';
import { chinaDay } from '../../../shared/time/china';
import { useUiStore } from '../../store/ui';
import { EvaluationsTab } from '../evaluations/EvaluationsTab';
import { DeviceDrawer } from './DeviceDrawer';
import { DeviceForm } from './DeviceForm';
import { DevicesTab } from './DevicesTab';
import { DeviceTools } from './DeviceTools';
import { HandoverForm } from './HandoverForm';
import { useDeviceLedger } from './use-device-ledger';

type Editing = {
  device: Device | null;
  prefill?: Parameters<typeof DeviceForm>[0]['prefill'];
  evaluation?: { id: string; item: string };
};

/** The asset card of what a work request bought: the replaced device's kind, place and user. */
function prefillFromEvaluation(
  evaluation: PurchaseEvaluation,
  replaced: Device | undefined,
): Editing['prefill'] {
  return {
    type: replaced?.type ?? 'computer',
    name: evaluation.item,
    departmentId: evaluation.departmentId ?? replaced?.departmentId ?? null,
    userPersonId: replaced?.userPersonId ?? evaluation.requesterId,
    location: replaced?.location ?? '',
    attachedToDeviceId: replaced?.attachedToDeviceId ?? null,
    price: evaluation.estimatedCost,
    purchaseDate: chinaDay(new Date()),
  };
}

export function DevicesScreen() {
  const { t } = useTranslation();
  const sub = useUiStore((s) => s.sub);
  const navigate = useUiStore((s) => s.navigate);
  const ledger = useDeviceLedger();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [handover, setHandover] = useState<Device | null>(null);

  const tab = sub === 'evaluations' ? 'evaluations' : 'devices';
  const openId = sub.startsWith('device/') ? sub.slice('device/'.length) : null;
  const openDevice = (id: string) => navigate('devices', `device/${id}`);
  const busy = editing !== null || handover !== null || openId !== null;

  return (
    <div data-testid="devices-screen">
      <Typography.Title level={3}>{t('devices.title')}</Typography.Title>
      {ledger === undefined ? (
        <Spin />
      ) : (
        <>
          <Tabs
            activeKey={tab}
            onChange={(key) => navigate('devices', key === 'evaluations' ? 'evaluations' : '')}
            items={[
              {
                key: 'devices',
                label: (
                  <span data-testid="tab-devices">{`${t('devices.tabs.devices')} (${ledger.index.rows.length})`}</span>
                ),
                children: (
                  <DevicesTab
                    ledger={ledger}
                    onOpen={openDevice}
                    onEdit={(device) => setEditing({ device })}
                    onHandover={setHandover}
                    busy={busy}
                    tools={(shown, selected) => (
                      <DeviceTools ledger={ledger} shown={shown} selected={selected} />
                    )}
                  />
                ),
              },
              {
                key: 'evaluations',
                label: <span data-testid="tab-evaluations">{t('devices.tabs.evaluations')}</span>,
                children: (
                  <EvaluationsTab
                    ledger={ledger}
                    onOpenDevice={openDevice}
                    onBuy={(evaluation) =>
                      setEditing({
                        device: null,
                        prefill: prefillFromEvaluation(
                          evaluation,
                          evaluation.replacesDeviceId
                            ? ledger.all.get(evaluation.replacesDeviceId)
                            : undefined,
                        ),
                        evaluation: { id: evaluation.id, item: evaluation.item },
                      })
                    }
                  />
                ),
              },
            ]}
          />
          <DeviceDrawer
            deviceId={openId}
            ledger={ledger}
            onClose={() => navigate('devices', tab === 'evaluations' ? 'evaluations' : '')}
            onEdit={(device) => setEditing({ device })}
            onHandover={setHandover}
            onOpenDevice={openDevice}
          />
          <DeviceForm
            open={editing !== null}
            device={editing?.device ?? null}
            {...(editing?.prefill ? { prefill: editing.prefill } : {})}
            {...(editing?.evaluation ? { evaluation: editing.evaluation } : {})}
            ledger={ledger}
            onClose={() => setEditing(null)}
          />
          <HandoverForm
            key={handover?.id ?? 'none'}
            device={handover}
            ledger={ledger}
            onClose={() => setHandover(null)}
          />
        </>
      )}
    </div>
  );
}
