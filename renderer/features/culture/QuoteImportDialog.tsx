// Importing quotes: choose a text file (one quote a line), a CSV or an XLSX workbook (its first
// sheet with cells; the quote column by its header, else column A), see every line with what
// happens to it — imported, imported with a near-duplicate warning, or refused as a repeat of the
// library or of an earlier line — and only then confirm. The accepted lines are written all at
// once or not at all. The file is decoded by the import decoder every NetDesk import shares (UTF-8
// or GBK; a broken character is refused with its line).
// Test ids: quote-import-dialog, quote-import-file, quote-import-pick, quote-import-file-error,
// quote-import-counts, quote-import-row (data-line, data-status), quote-import-confirm,
// quote-import-done.
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import {
  planQuoteImport,
  quoteCellsOf,
  quoteLinesOf,
  type ImportLine,
  type QuoteImportPlan,
} from '../../../shared/culture/quote-import';
import { decodeImportBytes } from '../../../shared/import/csv';
import { sniffSpreadsheet } from '../../../shared/import/devices';
import { useLedger } from '../../app/ledger';
import { FileUpload } from '../../components/FileUpload';
import { describeError } from '../../i18n/errors';
// The workbook reader every XLSX import uses: the limits checked first, then exceljs, off the
// window's thread.
import { readWorkbookOffThread } from '../../import/read-xlsx-offthread';
import { importQuotes, type CultureLedger } from './data';

type Step =
  | { kind: 'pick'; error?: string }
  | { kind: 'preview'; fileName: string; plan: QuoteImportPlan }
  | { kind: 'writing' }
  | { kind: 'done'; count: number };

export function QuoteImportDialog(props: { open: boolean; ledger: CultureLedger; onClose: () => void }) {
  const { t } = useTranslation();
  const { repo } = useLedger();
  const { message } = App.useApp();
  const [step, setStep] = useState<Step>({ kind: 'pick' });

  const close = () => {
    if (step.kind === 'writing') return;
    setStep({ kind: 'pick' });
    props.onClose();
  };

  const onXlsx = async (bytes: Uint8Array, fileName: string) => {
    const read = await readWorkbookOffThread(bytes);
    if (read === null) return;
    const sheet = read.ok ? read.sheets.find((s) => s.rows.length > 0) : undefined;
    if (!sheet) {
      setStep({ kind: 'pick', error: t('culture.import.xlsxError') });
      return;
    }
    const rows = sheet.rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
    setStep({ kind: 'preview', fileName, plan: planQuoteImport(quoteCellsOf(rows), props.ledger.index) });
  };

  const onFile = (file: File) => {
    void file.arrayBuffer().then((buffer) => {
      if (sniffSpreadsheet(new Uint8Array(buffer)) === 'xlsx')
        return onXlsx(new Uint8Array(buffer), file.name);
      const decoded = decodeImportBytes(new Uint8Array(buffer));
      if (!decoded.ok) {
        setStep({ kind: 'pick', error: t('culture.import.fileError', { line: decoded.line }) });
        return;
      }
      const format = /\.csv$/i.test(file.name) ? 'csv' : 'lines';
      const plan = planQuoteImport(quoteLinesOf(decoded.text, format), props.ledger.index);
      setStep({ kind: 'preview', fileName: file.name, plan });
    });
  };

  const confirm = async (plan: QuoteImportPlan, fileName: string) => {
    setStep({ kind: 'writing' });
    try {
      const count = await importQuotes(repo, plan.accepted, fileName.replace(/\.[^.]*$/, '').slice(0, 80));
      setStep({ kind: 'done', count });
    } catch (err) {
      void message.error(describeError(err, t));
      setStep({ kind: 'preview', fileName, plan });
    }
  };

  const verdictText = (l: ImportLine) => {
    const v = l.verdict;
    switch (v.kind) {
      case 'ok':
        return t('culture.import.ok');
      case 'near':
        return t('culture.import.near', { text: v.quoteText });
      case 'repeat-of-library':
        return t('culture.import.repeat-of-library', { text: v.quoteText });
      case 'repeat-in-file':
        return t('culture.import.repeat-in-file', { line: v.line });
      case 'too-long':
        return t('culture.import.too-long', { max: v.max });
    }
  };
  const columns: TableColumnsType<ImportLine> = [
    { title: t('culture.import.line'), dataIndex: 'line', width: 60 },
    { title: t('culture.fields.text'), dataIndex: 'text', ellipsis: true },
    {
      title: t('culture.import.status'),
      key: 'status',
      width: 260,
      render: (_, l) => (
        <Typography.Text
          type={l.verdict.kind === 'ok' ? undefined : l.verdict.kind === 'near' ? 'warning' : 'danger'}
        >
          {verdictText(l)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Modal
      open={props.open}
      title={t('culture.import.title')}
      onCancel={close}
      footer={null}
      width={820}
      destroyOnHidden
      mask={{ closable: false }}
      keyboard={step.kind !== 'writing'}
      closable={step.kind !== 'writing'}
    >
      <div data-testid="quote-import-dialog">
        {step.kind === 'pick' && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph>{t('culture.import.intro')}</Typography.Paragraph>
            {step.error && (
              <Alert type="error" showIcon title={step.error} data-testid="quote-import-file-error" />
            )}
            <FileUpload
              accept=".txt,.csv,.xlsx,text/plain,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              testId="quote-import-file"
              onFile={onFile}
            >
              <Button type="primary" icon={<UploadOutlined />} data-testid="quote-import-pick" autoFocus>
                {t('culture.import.pick')}
              </Button>
            </FileUpload>
          </Space>
        )}
        {step.kind === 'preview' && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert
              data-testid="quote-import-counts"
              type={step.plan.refused.length > 0 ? 'warning' : 'info'}
              showIcon
              title={t('culture.import.counts', {
                total: step.plan.lines.length,
                ok: step.plan.accepted.length,
                refused: step.plan.refused.length,
              })}
            />
            <Table<ImportLine>
              size="small"
              rowKey="line"
              columns={columns}
              dataSource={step.plan.lines}
              pagination={{ defaultPageSize: 100, hideOnSinglePage: true, showSizeChanger: false }}
              scroll={{ y: 360 }}
              onRow={(l) =>
                ({
                  'data-testid': 'quote-import-row',
                  'data-line': l.line,
                  'data-status': l.verdict.kind,
                }) as HTMLAttributes<HTMLElement>
              }
            />
            <Space>
              <Button
                type="primary"
                data-testid="quote-import-confirm"
                disabled={step.plan.accepted.length === 0}
                onClick={() => void confirm(step.plan, step.fileName)}
                autoFocus
              >
                {step.plan.accepted.length === 0
                  ? t('culture.import.nothing')
                  : t('culture.import.confirm', { count: step.plan.accepted.length })}
              </Button>
              <Button onClick={close}>{t('common.cancel')}</Button>
            </Space>
          </Space>
        )}
        {step.kind === 'writing' && <Typography.Text>…</Typography.Text>}
        {step.kind === 'done' && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert
              type="success"
              showIcon
              data-testid="quote-import-done"
              title={t('culture.import.done', { count: step.count })}
            />
            <Button type="primary" onClick={close} autoFocus>
              {t('common.close')}
            </Button>
          </Space>
        )}
      </div>
    </Modal>
  );
}
