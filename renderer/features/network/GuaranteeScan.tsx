// The signed 保证申请书 back from the employee and the department head: its scan attached to the
// permission from the row (PDF or image, as a repair card's signed scan), and how many are attached.
// Test ids: permission-scan (button), permission-scan-input (the file input), permission-scans
// (data-count).
import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImPermission } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { FileUpload } from '../../components/FileUpload';
import { describeError } from '../../i18n/errors';
import { attachGuaranteeScan, GUARANTEE_SCAN_MAX_BYTES, GUARANTEE_SCAN_MIME } from './permissions-data';

export function GuaranteeScan({ permission }: { permission: ImPermission }) {
  const { t } = useTranslation();
  const { db, repo } = useLedger();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const count = permission.attachmentShas?.length ?? 0;

  const attach = async (file: File) => {
    const mime = GUARANTEE_SCAN_MIME.find((m) => m === file.type);
    if (!mime) return void message.error(t('permissionPaper.fileType'));
    if (file.size > GUARANTEE_SCAN_MAX_BYTES) return void message.error(t('permissionPaper.fileTooLarge'));
    setBusy(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      await attachGuaranteeScan(db, repo, permission.id, { bytes, name: file.name, mime });
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
      <FileUpload
        accept={GUARANTEE_SCAN_MIME.join(',')}
        testId="permission-scan-input"
        onFile={(file) => void attach(file)}
      >
        <Button size="small" icon={<PaperClipOutlined />} loading={busy} data-testid="permission-scan">
          {t('permissionPaper.attach')}
        </Button>
      </FileUpload>
    </>
  );
}
