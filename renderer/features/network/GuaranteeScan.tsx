// The signed 保证申请书 back from the employee and the department head: its scan attached to the
// permission from the row (PDF or image, as a repair card's signed scan), how many are attached,
// and each one to open.
// Test ids: permission-scan (button), permission-scan-input (the file input), permission-scans
// (data-count), permission-scan-view (each attached scan; data-name).
import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImPermission } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { FileUpload } from '../../components/FileUpload';
import { ScanLinks } from '../../components/ScanLinks';
import { describeError } from '../../i18n/errors';
import { readScanFile, SCAN_ACCEPT } from '../../components/scan-file';
import { attachGuaranteeScan } from './permissions-data';

export function GuaranteeScan({ permission }: { permission: ImPermission }) {
  const { t } = useTranslation();
  const { db, repo } = useLedger();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const count = permission.attachmentShas?.length ?? 0;

  const attach = async (file: File) => {
    setBusy(true);
    try {
      const picked = await readScanFile(file, t);
      if ('refused' in picked) return void message.error(picked.refused);
      await attachGuaranteeScan(db, repo, permission.id, picked.scan);
      void message.success(t('permissionPaper.attached', { name: file.name }));
    } catch (err) {
      void message.error(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {count > 0 && (
        <Tag color="green" data-testid="permission-scans" data-count={count}>
          {t('permissionPaper.scans', { count })}
        </Tag>
      )}
      <ScanLinks shas={permission.attachmentShas ?? []} testId="permission-scan-view" />
      <FileUpload accept={SCAN_ACCEPT} testId="permission-scan-input" onFile={(file) => void attach(file)}>
        <Button size="small" icon={<PaperClipOutlined />} loading={busy} data-testid="permission-scan">
          {t('permissionPaper.attach')}
        </Button>
      </FileUpload>
    </>
  );
}
