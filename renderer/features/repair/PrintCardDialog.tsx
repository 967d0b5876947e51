// Printing one repair card: the paper (A4 or A5), then the PDF; characters the font lacks are
// listed first with "print anyway". Opened from the card drawer, from the dialog after logging a
// card, and by Ctrl+P on the card selected in the list.
// Test ids: print-paper-a4 / print-paper-a5, print-go, print-missing, print-anyway.
import { App, Button, Modal, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Paper } from '../../../shared/pdf/layout';
import type { RepairCard } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { describeError } from '../../i18n/errors';
import { cardPrintSource } from '../../print/card-source';
import { preparePrintFont } from '../../print/print-form';
import { MissingCharsAlert, type MissingChars } from './MissingCharsAlert';
import { printRepairCard } from './print-card';

/** Ctrl+P (⌘P): print the card in hand rather than the browser's page. */
export function isPrintKey(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'p';
}

/** Paper choice, then the PDF; characters the font lacks are shown first with "print anyway". */
export function PrintCardDialog({ card, onClose }: { card: RepairCard; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { db } = useLedger();
  const [paper, setPaper] = useState<Paper>('a4');
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState<MissingChars | null>(null);

  // While the paper is chosen, the card's font is fetched, so 打印 finds it ready.
  useEffect(() => {
    void cardPrintSource(db, card.id).then(
      (source) => source && preparePrintFont('card', source, { id: card.id }),
    );
  }, [db, card.id]);

  const print = async () => {
    setBusy(true);
    try {
      const result = await printRepairCard(
        db,
        card,
        paper,
        (chars) => new Promise<boolean>((resolve) => setMissing({ chars, answer: resolve })),
      );
      if (result) {
        void message.success(t('repair.print.done', { file: result.fileName }));
        onClose();
      }
    } catch (err) {
      void message.error(t('repair.print.failed', { detail: describeError(err, t) }));
    } finally {
      setBusy(false);
      setMissing(null);
    }
  };

  return (
    <Modal
      open
      title={t('repair.print.title', { no: card.cardNo })}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="go"
          type="primary"
          loading={busy}
          data-testid="print-go"
          onClick={() => void print()}
          autoFocus
        >
          {t('repair.print.go')}
        </Button>,
      ]}
    >
      <Space>
        <Typography.Text>{t('repair.print.paper')}</Typography.Text>
        <Radio.Group value={paper} onChange={(e) => setPaper(e.target.value as Paper)}>
          <Radio value="a4" data-testid="print-paper-a4">
            {t('repair.print.a4')}
          </Radio>
          <Radio value="a5" data-testid="print-paper-a5">
            {t('repair.print.a5')}
          </Radio>
        </Radio.Group>
      </Space>
      {busy && !missing && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('repair.print.printing')}
        </Typography.Paragraph>
      )}
      {missing && <MissingCharsAlert missing={missing} testIdPrefix="print" style={{ marginTop: 12 }} />}
    </Modal>
  );
}
