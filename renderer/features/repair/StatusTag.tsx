// A card's status as a coloured tag, the same on the list, the detail and the history tables.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RepairStatus } from '../../../shared/repair/workflow';

const COLOR: Record<RepairStatus, string> = {
  received: 'blue',
  'in-repair': 'processing',
  'waiting-parts': 'gold',
  repaired: 'green',
  'suggestion-given': 'cyan',
  'signed-off': 'success',
  closed: 'default',
  refused: 'red',
};

export function StatusTag({ status }: { status: RepairStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[status]} data-status={status}>
      {t(`repair.status.${status}`)}
    </Tag>
  );
}
