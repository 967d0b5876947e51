// The people table: search (name in characters or pinyin, employee no., phone, the computer the
// device register says a person uses), department filter,
// add / edit / delete with undo. Ctrl+K or "/" puts the cursor in the search box.
// Test ids: people-search, people-department-filter, add-person, import-csv, people-table,
// person-row (each row; data-employee-no holds its number), person-edit, person-delete, person-repairs
// (in a row; the last opens the person's repair cards),
// people-count, confirm-delete / cancel-delete / undo-delete (from the delete flow).
import {
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
  SearchOutlined,
  ToolOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  Button,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type InputRef,
  type TableColumnsType,
} from 'antd';
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  type HTMLAttributes,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { useDeleteWithUndo } from '../../components/useDeleteWithUndo';
import { useSearchShortcut } from '../../components/useSearchShortcut';
import { PersonRepairDrawer } from '../repair/PersonRepairDrawer';
import { computerTagsText } from '../../../shared/devices/person-computers';
import { peopleSearchOf, removePerson, restorePerson, type Directory } from './data';
import { PeopleImport } from './import/PeopleImport';
import { PersonForm } from './PersonForm';
import { filterPeople, NO_DEPARTMENT } from '../../directory/people-search';
import { RowAction } from '../../components/RowAction';
import { cellName, columnsWidth } from '../../components/table-width';
import { EmptyState } from '../../components/EmptyState';

const SEARCH_DEBOUNCE_MS = 200;

export function PeopleTab({ directory }: { directory: Directory }) {
  const { t } = useTranslation();
  const { repo } = useLedger();
  const confirmDelete = useDeleteWithUndo();
  const searchRef = useRef<InputRef>(null);

  const [searchText, setSearchText] = useState('');
  const [query, setQuery] = useState('');
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ person: Person | null } | null>(null);
  const [importing, setImporting] = useState(false);
  const [repairsOf, setRepairsOf] = useState<Person | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(searchText), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [searchText]);

  const focusSearch = useCallback(() => searchRef.current?.focus({ cursor: 'all' }), []);
  // Not while a dialog is open: there the keys belong to the form.
  useSearchShortcut(focusSearch, editing === null && !importing);

  const deferredQuery = useDeferredValue(query);
  const shown = useMemo(
    () => filterPeople(peopleSearchOf(directory), { query: deferredQuery, departmentId }),
    [directory, deferredQuery, departmentId],
  );

  const departmentName = (id: string | null) => {
    if (!id) return t('common.none');
    const d = directory.departmentById.get(id);
    if (!d) return t('common.none');
    return d.deletedAt ? `${d.name}${t('common.deleted')}` : d.name;
  };

  const remove = (person: Person) => {
    const heads = directory.departments.filter((d) => d.headPersonId === person.id).map((d) => d.name);
    confirmDelete({
      title: t('people.deleteTitle', { name: person.name }),
      content: heads.length
        ? t('people.deleteBodyHead', { departments: heads.join('、') })
        : t('people.deleteBody'),
      name: person.name,
      remove: () => removePerson(repo, person.id),
      restore: () => restorePerson(repo, person.id),
    });
  };

  const columns: TableColumnsType<Person> = [
    {
      title: t('people.fields.employeeNo'),
      dataIndex: 'employeeNo',
      width: 100,
      fixed: 'left',
      ellipsis: true,
    },
    {
      title: t('people.fields.name'),
      dataIndex: 'name',
      width: 140,
      fixed: 'left',
      ellipsis: true,
      onCell: cellName('name'),
      render: (name: string, p) => (
        <Space size={4}>
          {name}
          {!p.active && <Tag>{t('people.inactive')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('people.fields.department'),
      key: 'department',
      width: 140,
      ellipsis: true,
      render: (_, p) => departmentName(p.departmentId),
    },
    { title: t('people.fields.phone'), dataIndex: 'phone', width: 130, ellipsis: true },
    {
      title: t('people.fields.computerTag'),
      key: 'computers',
      width: 130,
      ellipsis: true,
      render: (_, p) => (
        <span data-testid="person-computers">{computerTagsText(directory.computers, p.id)}</span>
      ),
    },
    { title: t('people.fields.title'), dataIndex: 'title', width: 130, ellipsis: true },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      fixed: 'right',
      render: (_, p) => (
        <Space size={0}>
          <RowAction
            icon={<ToolOutlined />}
            label={t('repair.history.title')}
            testId="person-repairs"
            onClick={() => setRepairsOf(p)}
          />
          <RowAction
            icon={<EditOutlined />}
            label={t('common.edit')}
            testId="person-edit"
            onClick={() => setEditing({ person: p })}
          />
          <RowAction
            icon={<DeleteOutlined />}
            label={t('common.delete')}
            testId="person-delete"
            danger
            onClick={() => remove(p)}
          />
        </Space>
      ),
    },
  ];

  return (
    <div>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input
            ref={searchRef}
            data-testid="people-search"
            allowClear
            prefix={<SearchOutlined />}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onPressEnter={() => setQuery(searchText)}
            placeholder={t('people.searchPlaceholder')}
            style={{ width: 360 }}
          />
          <Select
            data-testid="people-department-filter"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={departmentId ?? undefined}
            onChange={(v: string | undefined) => setDepartmentId(v ?? null)}
            placeholder={t('people.departmentFilter')}
            style={{ width: 220 }}
            options={[
              { value: NO_DEPARTMENT, label: t('people.noDepartment') },
              ...directory.departments.map((d) => ({ value: d.id, label: d.name })),
            ]}
          />
        </Space>
        <Space>
          <Button icon={<UploadOutlined />} data-testid="import-csv" onClick={() => setImporting(true)}>
            {t('import.button')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="add-person"
            onClick={() => setEditing({ person: null })}
          >
            {t('people.add')}
          </Button>
        </Space>
      </Space>
      <Typography.Text type="secondary" data-testid="people-count">
        {t('people.shown', { total: directory.people.length, shown: shown.length })}
      </Typography.Text>
      <Table<Person>
        data-testid="people-table"
        style={{ marginTop: 8 }}
        size="middle"
        tableLayout="fixed"
        scroll={{ x: columnsWidth(columns) }}
        rowKey="id"
        columns={columns}
        dataSource={shown}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, hideOnSinglePage: true }}
        locale={{
          emptyText:
            directory.people.length === 0 ? (
              <EmptyState
                message={t('people.empty')}
                action={{ label: t('people.add'), onClick: () => setEditing({ person: null }) }}
              />
            ) : (
              <EmptyState message={t('people.noMatch')} />
            ),
        }}
        onRow={(p) =>
          ({
            'data-testid': 'person-row',
            'data-employee-no': p.employeeNo,
            onDoubleClick: () => setEditing({ person: p }),
          }) as HTMLAttributes<HTMLElement>
        }
      />
      <PersonForm
        open={editing !== null}
        person={editing?.person ?? null}
        departments={directory.departments}
        defaultDepartmentId={departmentId && departmentId !== NO_DEPARTMENT ? departmentId : null}
        computers={editing?.person ? computerTagsText(directory.computers, editing.person.id) : ''}
        onClose={() => setEditing(null)}
      />
      <PeopleImport open={importing} directory={directory} onClose={() => setImporting(false)} />
      <PersonRepairDrawer person={repairsOf} onClose={() => setRepairsOf(null)} />
    </div>
  );
}
