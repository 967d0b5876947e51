// 人员 — the company directory: people and their departments, the basis of every repair card,
// device, IM permission and training roster. Two tabs, each addressable (#/people and
// #/people/departments) so a link or a test can open either directly.
// Test ids: people-screen, tab-people, tab-departments; the tabs' own ids are listed in
// PeopleTab.tsx and DepartmentsTab.tsx.
import { Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../store/ui';
import { DepartmentsTab } from './DepartmentsTab';
import { useDirectory } from './data';
import { PeopleTab } from './PeopleTab';

export function PeopleScreen() {
  const { t } = useTranslation();
  const sub = useUiStore((s) => s.sub);
  const navigate = useUiStore((s) => s.navigate);
  const directory = useDirectory();
  const tab = sub === 'departments' ? 'departments' : 'people';

  return (
    <div data-testid="people-screen">
      <Typography.Title level={3}>{t('people.title')}</Typography.Title>
      {directory === undefined ? (
        <Spin />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(key) => navigate('people', key === 'departments' ? 'departments' : '')}
          items={[
            {
              key: 'people',
              label: (
                <span data-testid="tab-people">{`${t('people.tabs.people')} (${directory.people.length})`}</span>
              ),
              children: <PeopleTab directory={directory} />,
            },
            {
              key: 'departments',
              label: (
                <span data-testid="tab-departments">
                  {`${t('people.tabs.departments')} (${directory.departments.length})`}
                </span>
              ),
              children: <DepartmentsTab directory={directory} />,
            },
          ]}
        />
      )}
    </div>
  );
}
