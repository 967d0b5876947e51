// The departments table: name, company, head of department and head count, with add / edit /
// delete with undo. Deleting a department keeps its people; they show the department as deleted.
// Test ids: add-department, departments-table, department-row (each row; data-name holds the
// department name), department-edit, department-delete (in a row), confirm-delete / undo-delete.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { useDeleteWithUndo } from '../../components/useDeleteWithUndo';
import { DepartmentForm } from './DepartmentForm';
import { removeDepartment, restoreDepartment, type Directory } from './data';
import { RowAction } from '../../components/RowAction';
import { EmptyState } from '../../components/EmptyState';

export function DepartmentsTab({ directory }: { directory: Directory }) {
  const { t } = useTranslation();
  const { repo } = useLedger();
  const confirmDelete = useDeleteWithUndo();
  const [editing, setEditing] = useState<{ department: Department | null } | null>(null);

  const headName = (id: string | null) => {
    if (!id) return t('common.none');
    const p = directory.personById.get(id);
    if (!p) return t('common.none');
    return p.deletedAt ? `${p.name}${t('common.deleted')}` : p.name;
  };

  const remove = (d: Department) => {
    const members = directory.people.filter((p) => p.departmentId === d.id).length;
    confirmDelete({
      title: t('departments.deleteTitle', { name: d.name }),
      content:
        members > 0 ? t('departments.deleteBodyPeople', { count: members }) : t('departments.deleteBody'),
      name: d.name,
      remove: () => removeDepartment(repo, d.id),
      restore: () => restoreDepartment(repo, d.id),
    });
  };

  const columns: TableColumnsType<Department> = [
    { title: t('departments.fields.name'), dataIndex: 'name', width: 180, ellipsis: true },
    { title: t('departments.fields.company'), dataIndex: 'company', width: 180, ellipsis: true },
    {
      title: t('departments.fields.head'),
      key: 'head',
      width: 140,
      ellipsis: true,
      render: (_, d) => headName(d.headPersonId),
    },
    {
      title: t('departments.fields.headCount'),
      key: 'headCount',
      width: 90,
      align: 'right',
      render: (_, d) => directory.headCount.get(d.id) ?? 0,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, d) => (
        <Space size={0}>
          <RowAction
            icon={<EditOutlined />}
            label={t('common.edit')}
            testId="department-edit"
            onClick={() => setEditing({ department: d })}
          />
          <RowAction
            icon={<DeleteOutlined />}
            label={t('common.delete')}
            testId="department-delete"
            danger
            onClick={() => remove(d)}
          />
        </Space>
      ),
    },
  ];

  return (
    <div>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'flex-end' }}>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          data-testid="add-department"
          onClick={() => setEditing({ department: null })}
        >
          {t('departments.add')}
        </Button>
      </Space>
      <Table<Department>
        data-testid="departments-table"
        size="middle"
        rowKey="id"
        columns={columns}
        dataSource={directory.departments}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
        locale={{
          emptyText: (
            <EmptyState
              message={t('departments.empty')}
              action={{ label: t('departments.add'), onClick: () => setEditing({ department: null }) }}
            />
          ),
        }}
        onRow={(d) =>
          ({
            'data-testid': 'department-row',
            'data-name': d.name,
            onDoubleClick: () => setEditing({ department: d }),
          }) as HTMLAttributes<HTMLElement>
        }
      />
      <DepartmentForm
        open={editing !== null}
        department={editing?.department ?? null}
        people={directory.people}
        onClose={() => setEditing(null)}
      />
    </div>
  );
}
