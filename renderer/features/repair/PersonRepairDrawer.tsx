// A person's repair cards (维修记录) in a drawer, opened from their row in the People table.
// Test ids: person-repairs-drawer, and those of the history table (RepairHistory.tsx).
import { Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../shared/schemas';
import { PersonRepairHistory } from './RepairHistory';

export function PersonRepairDrawer({ person, onClose }: { person: Person | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={person !== null}
      size={720}
      onClose={onClose}
      destroyOnHidden
      title={person ? `${person.name}（${person.employeeNo}）· ${t('repair.history.title')}` : ''}
    >
      {person && (
        <div data-testid="person-repairs-drawer">
          <PersonRepairHistory personId={person.id} />
        </div>
      )}
    </Drawer>
  );
}
