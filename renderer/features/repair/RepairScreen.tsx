// 维修卡 — the repair cards screen: counters, the card list, walk-up logging (N, Ctrl+N or the
// button), a batch of blank numbered cards for the paper tray, and the card detail as a drawer addressed by #/repairs/<card id>, so a link, the back
// button or a scanned card number land on the card itself.
// Test ids: repair-screen, new-card (button), blank-cards (button), operator-unset; the list's, the intake form's and
// the detail's own ids are listed in RepairList.tsx, IntakeForm.tsx and CardDetail.tsx.
import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettingsStore } from '../../store/settings';
import { useUiStore } from '../../store/ui';
import { useDirectory } from '../../directory/directory';
import { BlankCardsDialog } from './BlankCardsDialog';
import { CardDetail } from './CardDetail';
import { IntakeForm } from './IntakeForm';
import { RepairList } from './RepairList';
import { useAllDevices, useRepairDataReady } from './use-repair';

export function RepairScreen() {
  const { t } = useTranslation();
  const sub = useUiStore((s) => s.sub);
  const navigate = useUiStore((s) => s.navigate);
  const operatorName = useSettingsStore((s) => s.settings.operatorName);
  const directory = useDirectory();
  const devices = useAllDevices();
  const [intakeOpen, setIntakeOpen] = useState(false);
  const [blankOpen, setBlankOpen] = useState(false);
  const cardId = sub ? decodeURIComponent(sub) : null;

  const ready = useRepairDataReady();
  const dialogOpen = intakeOpen || blankOpen || cardId !== null;
  useNewCardShortcut(() => setIntakeOpen(true), !dialogOpen);

  if (!directory || !devices || !ready) return <Spin />;
  return (
    <div data-testid="repair-screen">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('repair.title')}
        </Typography.Title>
        <Space>
          <Button icon={<PrinterOutlined />} data-testid="blank-cards" onClick={() => setBlankOpen(true)}>
            {t('repair.blank.button')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="new-card"
            onClick={() => setIntakeOpen(true)}
            title={`${t('repair.newCard')} (${t('repair.newCardKey')})`}
          >
            {t('repair.newCard')}{' '}
            <Typography.Text keyboard style={{ color: 'inherit' }}>
              {t('repair.newCardKey')}
            </Typography.Text>
          </Button>
        </Space>
      </Space>
      {!operatorName && (
        <Alert
          data-testid="operator-unset"
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('repair.operatorUnset')}
          action={
            <Button size="small" onClick={() => navigate('settings')}>
              {t('placeholder.goSettings')}
            </Button>
          }
        />
      )}
      <RepairList
        directory={directory}
        devices={devices}
        shortcutsEnabled={!dialogOpen}
        onOpen={(card) => navigate('repairs', encodeURIComponent(card.id))}
      />
      {intakeOpen && (
        <IntakeForm
          directory={directory}
          devices={devices}
          onClose={() => setIntakeOpen(false)}
          onOpenCard={(card) => {
            setIntakeOpen(false);
            navigate('repairs', encodeURIComponent(card.id));
          }}
        />
      )}
      {blankOpen && <BlankCardsDialog onClose={() => setBlankOpen(false)} />}
      {cardId && <CardDetail cardId={cardId} directory={directory} onClose={() => navigate('repairs')} />}
    </div>
  );
}

/** N (when not typing) or Ctrl+N opens the walk-up form. */
function useNewCardShortcut(open: () => void, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing =
        target instanceof HTMLInputElement ||
        target instanceof HTMLTextAreaElement ||
        target?.isContentEditable;
      const ctrlN = (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'n';
      const plainN = !typing && !e.ctrlKey && !e.metaKey && !e.altKey && e.key.toLowerCase() === 'n';
      if (ctrlN || plainN) {
        e.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, enabled]);
}
