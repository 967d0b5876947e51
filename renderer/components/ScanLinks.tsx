// The scans a record holds (a signed 保证申请书, a signed sign-in sheet), each a link that opens
// the stored file in its own window, as a repair card's scans open from its detail. The file is
// read from the attachments table when clicked, not kept in memory beside the list.
// Test ids: `${testId}` (each link; data-name).
import { FileOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useLedger } from '../app/ledger';

// A long file name is cut with an ellipsis (the whole name is in the link's title).
const NAME_STYLE = {
  display: 'inline-block',
  maxWidth: 150,
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
  verticalAlign: 'bottom',
} as const;

/** How long an opened file's address stays valid: long enough for the new window to load it. */
const URL_LIFETIME_MS = 60_000;

export function ScanLinks({ shas, testId }: { shas: readonly string[]; testId: string }) {
  const { t } = useTranslation();
  const { db } = useLedger();
  const { message } = App.useApp();
  const key = shas.join(',');
  // Names only for the links; the file itself is read on the click.
  const names = useLiveQuery(async () => {
    const stored = await db.attachments.bulkGet([...shas]);
    return stored.flatMap((a) => (a ? [{ sha256: a.sha256, name: a.name }] : []));
  }, [db, key]);
  if (!names || names.length === 0) return null;

  const open = async (sha256: string) => {
    const stored = await db.attachments.get(sha256);
    if (!stored) return void message.error(t('scans.gone'));
    const url = URL.createObjectURL(stored.blob);
    window.open(url, '_blank', 'noopener');
    setTimeout(() => URL.revokeObjectURL(url), URL_LIFETIME_MS);
  };

  return (
    <Space size={0} wrap>
      {names.map((a) => (
        <Button
          key={a.sha256}
          size="small"
          type="link"
          icon={<FileOutlined />}
          title={t('scans.open', { name: a.name })}
          data-testid={testId}
          data-name={a.name}
          onClick={() => void open(a.sha256)}
        >
          <span style={NAME_STYLE}>{a.name}</span>
        </Button>
      ))}
    </Space>
  );
}
