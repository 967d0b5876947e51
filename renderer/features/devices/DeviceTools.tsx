// The device list's toolbar extras: import from the supervisor's spreadsheets (CSV or XLSX), the
// label sheet of the devices on screen or the ticked ones (on the sheet chosen in
// LabelSheetDialog.tsx), and the export of the whole ledger to Excel for the
// annual inventory (admin secrets only when asked for, after a warning). Each comes from its own
// module (import/, print-labels.ts, export.ts); this file only places them.
// Test ids: devices-import, devices-labels (opens LabelSheetDialog: its ids there), devices-export, devices-export-more,
// devices-export-secrets, devices-export-secrets-confirm.
import { DownOutlined, DownloadOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceRow } from '../../../shared/devices/device-list';
import { useLedger } from '../../app/ledger';
import { describeError } from '../../i18n/errors';
import { devicesExportFileName, downloadXlsx, exportDevicesXlsx } from './export';
import { DeviceImport } from './import/DeviceImport';
import { LabelSheetDialog, type LabelTarget } from './LabelSheetDialog';
import { printLabels, type LabelPrintChoice } from './print-labels';
import type { DeviceLedger } from './use-device-ledger';

export function DeviceTools({
  ledger,
  shown,
  selected,
}: {
  ledger: DeviceLedger;
  /** The rows the list shows (all pages), in its order. */
  shown: DeviceRow[];
  /** The rows ticked in the list, in its order. */
  selected: DeviceRow[];
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { db } = useLedger();
  const [printing, setPrinting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [importing, setImporting] = useState(false);
  const [choosingSheet, setChoosingSheet] = useState(false);
  // Each opening mounts the dialog anew, from the remembered sheet.
  const [sheetDialogKey, setSheetDialogKey] = useState(0);

  const exportXlsx = async (includeSecrets: boolean) => {
    if (includeSecrets) {
      const confirmed = await modal.confirm({
        title: t('devices.exportSecretsTitle'),
        content: t('devices.exportSecretsBody'),
        okText: t('devices.exportWithSecrets'),
        okButtonProps: { danger: true, 'data-testid': 'devices-export-secrets-confirm' },
        cancelText: t('common.cancel'),
      });
      if (!confirmed) return;
    }
    setExporting(true);
    try {
      const fileName = devicesExportFileName(new Date());
      downloadXlsx(await exportDevicesXlsx(db, { includeSecrets }), fileName);
      void message.success(t('devices.exported', { file: fileName }));
    } catch (err) {
      void message.error(t('devices.exportFailed', { detail: describeError(err, t) }));
    } finally {
      setExporting(false);
    }
  };

  const labels = async (choice: LabelPrintChoice, target: LabelTarget) => {
    setPrinting(true);
    try {
      const printed = await printLabels(
        target === 'selected' ? selected : shown,
        ledger.directory.personById,
        choice,
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
      if (printed) setChoosingSheet(false);
    } catch (err) {
      void message.error(t('evaluations.printFailed', { detail: describeError(err, t) }));
    } finally {
      setPrinting(false);
    }
  };

  return (
    <>
      <Button icon={<UploadOutlined />} data-testid="devices-import" onClick={() => setImporting(true)}>
        {t('devices.import')}
      </Button>
      <DeviceImport open={importing} onClose={() => setImporting(false)} />
      <Button
        icon={<PrinterOutlined />}
        data-testid="devices-labels"
        title={t('devices.labelsHint', { count: shown.length })}
        disabled={shown.length === 0}
        loading={printing}
        onClick={() => {
          setSheetDialogKey((k) => k + 1);
          setChoosingSheet(true);
        }}
      >
        {t('devices.labels')}
      </Button>
      <LabelSheetDialog
        key={sheetDialogKey}
        open={choosingSheet}
        shownCount={shown.length}
        selectedCount={selected.length}
        printing={printing}
        onCancel={() => setChoosingSheet(false)}
        onPrint={(choice, target) => void labels(choice, target)}
      />
      <Space.Compact>
        <Button
          icon={<DownloadOutlined />}
          data-testid="devices-export"
          loading={exporting}
          disabled={ledger.index.rows.length === 0}
          onClick={() => void exportXlsx(false)}
        >
          {t('devices.export')}
        </Button>
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              {
                key: 'secrets',
                danger: true,
                label: <span data-testid="devices-export-secrets">{t('devices.exportWithSecrets')}</span>,
              },
            ],
            onClick: () => void exportXlsx(true),
          }}
        >
          <Button
            icon={<DownOutlined />}
            aria-label={t('devices.exportWithSecrets')}
            data-testid="devices-export-more"
          />
        </Dropdown>
      </Space.Compact>
    </>
  );
}
