// 设备台账 — the device list: search over tag, name, brand, model, serial, IP, location and the
// responsible person (debounced; the index is rebuilt only when the ledger changes), filters by
// type, status and department, the responsible person with the reason, and the row actions
// (details, edit, 交接 for computers, delete with undo); rows can be ticked to print their labels. A label scanner types the tag and Enter
// into the search box: that device's card opens. Ctrl+K or "/" puts the cursor in the search.
// Test ids: devices-search, devices-type-filter, devices-status-filter, devices-department-filter,
// add-device, devices-count, devices-table, device-row (each row; data-tag holds its asset tag),
// device-row-name, device-responsible (cells), device-open, device-edit, device-handover, device-delete (in a row),
// devices-import, devices-export, devices-labels (when those features are present).
import {
  DeleteOutlined,
  EditOutlined,
  EyeOutlined,
  PlusOutlined,
  SearchOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import {
  App,
  Button,
  Input,
  Select,
  Space,
  Table,
  Typography,
  type InputRef,
  type TableColumnsType,
} from 'antd';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type HTMLAttributes,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import {
  filterDevices,
  findByScannedTag,
  NO_DEPARTMENT,
  type DeviceRow,
  type DeviceStatus,
} from '../../../shared/devices/device-list';
import type { DeviceType } from '../../../shared/devices/responsible';
import { DEVICE_STATUSES, DEVICE_TYPES, type Device } from '../../../shared/schemas';
import { useDeleteWithUndo } from '../../components/useDeleteWithUndo';
import { useSearchShortcut } from '../../components/useSearchShortcut';
import { responsibleReason } from './device-format';
import { DeviceStatusTag } from './DeviceDrawer';
import { removeDevice, restoreDevice } from './data';
import { useDeviceContext, type DeviceLedger } from './use-device-ledger';
import { RowAction } from '../../components/RowAction';
import { cellName, columnsWidth, SELECTION_COLUMN_WIDTH } from '../../components/table-width';
import { EmptyState } from '../../components/EmptyState';

const SEARCH_DEBOUNCE_MS = 150;

export interface DevicesTabProps {
  ledger: DeviceLedger;
  onOpen: (id: string) => void;
  onEdit: (device: Device | null) => void;
  onHandover: (device: Device) => void;
  /** True while a dialog or the drawer holds the keyboard. */
  busy: boolean;
  /** Extra toolbar buttons (import, export, labels) given the rows on screen and the ticked ones. */
  tools?: (shown: DeviceRow[], selected: DeviceRow[]) => ReactNode;
}

export function DevicesTab({ ledger, onOpen, onEdit, onHandover, busy, tools }: DevicesTabProps) {
  const { t } = useTranslation();
  const ctx = useDeviceContext();
  const { message } = App.useApp();
  const confirmDelete = useDeleteWithUndo();
  const searchRef = useRef<InputRef>(null);

  const [searchText, setSearchText] = useState('');
  const [query, setQuery] = useState('');
  const [type, setType] = useState<DeviceType | null>(null);
  const [status, setStatus] = useState<DeviceStatus | null>(null);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  // Ticked rows (for labels); kept across pages and searches, acted on where they are shown.
  const [tickedIds, setTickedIds] = useState<readonly string[]>([]);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(searchText), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [searchText]);

  const focusSearch = useCallback(() => searchRef.current?.focus({ cursor: 'all' }), []);
  useSearchShortcut(focusSearch, !busy);

  const shown = useMemo(
    () => filterDevices(ledger.index, { query, type, status, departmentId }),
    [ledger.index, query, type, status, departmentId],
  );
  const selected = useMemo(() => {
    const ticked = new Set(tickedIds);
    return ticked.size === 0 ? [] : shown.filter((r) => ticked.has(r.device.id));
  }, [shown, tickedIds]);

  // Enter: a scanned (or typed) exact tag opens that device; otherwise search at once.
  const onEnter = () => {
    setQuery(searchText);
    const typed = searchText.trim();
    if (!typed) return;
    const hit = findByScannedTag(ledger.index, typed);
    if (hit) {
      onOpen(hit.device.id);
      // Select the text so the next scan replaces it.
      searchRef.current?.focus({ cursor: 'all' });
    } else if (
      filterDevices(ledger.index, { query: typed, type: null, status: null, departmentId: null }).length === 0
    ) {
      void message.warning(t('devices.scanNotFound', { tag: typed }));
    }
  };

  const remove = (device: Device) => {
    const attached = ledger.index.attachedTo.get(device.id)?.length ?? 0;
    confirmDelete({
      title: t('devices.deleteTitle', { tag: device.assetTag }),
      content: attached ? t('devices.deleteBodyAttached', { count: attached }) : t('devices.deleteBody'),
      name: device.assetTag,
      remove: () => removeDevice(ctx, device.id),
      restore: () => restoreDevice(ctx, device.id),
    });
  };

  const columns: TableColumnsType<DeviceRow> = [
    {
      title: t('devices.fields.assetTag'),
      key: 'assetTag',
      width: 120,
      fixed: 'left',
      ellipsis: true,
      render: (_, r) => r.device.assetTag,
    },
    {
      title: t('devices.fields.name'),
      key: 'name',
      width: 180,
      fixed: 'left',
      ellipsis: true,
      onCell: cellName('name'),
      render: (_, r) => <span data-testid="device-row-name">{r.device.name}</span>,
    },
    {
      title: t('devices.fields.type'),
      key: 'type',
      width: 100,
      ellipsis: true,
      render: (_, r) => t(`devices.types.${r.device.type}`),
    },
    {
      title: t('devices.fields.brandModel'),
      key: 'brandModel',
      width: 160,
      ellipsis: true,
      render: (_, r) => [r.device.brand, r.device.model].filter(Boolean).join(' '),
    },
    {
      title: t('devices.fields.responsible'),
      key: 'responsible',
      width: 200,
      ellipsis: true,
      onCell: cellName('responsible'),
      render: (_, r) => (
        <span data-testid="device-responsible" title={`${r.responsibleName} ${responsibleReason(r, t)}`}>
          {r.responsibleName || t('common.none')}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {responsibleReason(r, t)}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('devices.fields.departmentId'),
      key: 'department',
      width: 120,
      ellipsis: true,
      render: (_, r) => r.departmentName,
    },
    {
      title: t('devices.fields.location'),
      key: 'location',
      width: 140,
      ellipsis: true,
      render: (_, r) => r.device.location,
    },
    { title: t('devices.fields.ip'), key: 'ip', width: 130, ellipsis: true, render: (_, r) => r.device.ip },
    {
      title: t('devices.fields.status'),
      key: 'status',
      width: 90,
      render: (_, r) => <DeviceStatusTag status={r.device.status} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      fixed: 'right',
      render: (_, r) => (
        <Space size={0} onClick={(e) => e.stopPropagation()}>
          <RowAction
            icon={<EyeOutlined />}
            label={t('devices.actions.open')}
            testId="device-open"
            onClick={() => onOpen(r.device.id)}
          />
          <RowAction
            icon={<EditOutlined />}
            label={t('devices.actions.edit')}
            testId="device-edit"
            onClick={() => onEdit(r.device)}
          />
          {r.device.type === 'computer' && (
            <RowAction
              icon={<SwapOutlined />}
              label={t('devices.actions.handover')}
              testId="device-handover"
              onClick={() => onHandover(r.device)}
            />
          )}
          <RowAction
            icon={<DeleteOutlined />}
            label={t('devices.actions.delete')}
            testId="device-delete"
            danger
            onClick={() => remove(r.device)}
          />
        </Space>
      ),
    },
  ];

  const total = ledger.index.rows.length;
  return (
    <div>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input
            ref={searchRef}
            data-testid="devices-search"
            allowClear
            prefix={<SearchOutlined />}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onPressEnter={onEnter}
            placeholder={t('devices.searchPlaceholder')}
            style={{ width: 420 }}
          />
          <Select
            data-testid="devices-type-filter"
            allowClear
            value={type ?? undefined}
            onChange={(v: DeviceType | undefined) => setType(v ?? null)}
            placeholder={t('devices.typeFilter')}
            style={{ width: 140 }}
            options={DEVICE_TYPES.map((v) => ({ value: v, label: t(`devices.types.${v}`) }))}
          />
          <Select
            data-testid="devices-status-filter"
            allowClear
            value={status ?? undefined}
            onChange={(v: DeviceStatus | undefined) => setStatus(v ?? null)}
            placeholder={t('devices.statusFilter')}
            style={{ width: 110 }}
            options={DEVICE_STATUSES.map((v) => ({ value: v, label: t(`devices.statuses.${v}`) }))}
          />
          <Select
            data-testid="devices-department-filter"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={departmentId ?? undefined}
            onChange={(v: string | undefined) => setDepartmentId(v ?? null)}
            placeholder={t('devices.departmentFilter')}
            style={{ width: 180 }}
            options={[
              { value: NO_DEPARTMENT, label: t('devices.noDepartment') },
              ...ledger.directory.departments.map((d) => ({ value: d.id, label: d.name })),
            ]}
          />
        </Space>
        <Space wrap>
          {tools?.(shown, selected)}
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="add-device"
            onClick={() => onEdit(null)}
          >
            {t('devices.add')}
          </Button>
        </Space>
      </Space>
      <Typography.Text type="secondary" data-testid="devices-count">
        {t('devices.shown', { total, shown: shown.length })}
        {selected.length > 0 && t('devices.selectedCount', { count: selected.length })}
      </Typography.Text>
      <Table<DeviceRow>
        data-testid="devices-table"
        style={{ marginTop: 8 }}
        size="middle"
        tableLayout="fixed"
        scroll={{ x: columnsWidth(columns, SELECTION_COLUMN_WIDTH) }}
        rowKey={(r) => r.device.id}
        rowSelection={{
          selectedRowKeys: tickedIds as string[],
          onChange: (keys) => setTickedIds(keys.map(String)),
          preserveSelectedRowKeys: true,
          getCheckboxProps: (r) => ({ title: r.device.assetTag }),
        }}
        columns={columns}
        dataSource={shown}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, hideOnSinglePage: true }}
        locale={{
          emptyText:
            total === 0 ? (
              <EmptyState
                message={t('devices.empty')}
                action={{ label: t('devices.add'), onClick: () => onEdit(null) }}
              />
            ) : (
              <EmptyState message={t('devices.noMatch')} />
            ),
        }}
        onRow={(r) =>
          ({
            'data-testid': 'device-row',
            'data-tag': r.device.assetTag,
            tabIndex: 0,
            style: { cursor: 'pointer' },
            onClick: (e: React.MouseEvent) => {
              // Ticking a row's box is not opening its card.
              if (!(e.target as HTMLElement).closest('.ant-table-selection-column')) onOpen(r.device.id);
            },
            onKeyDown: (e: React.KeyboardEvent) => {
              if (e.key === 'Enter' && e.target === e.currentTarget) onOpen(r.device.id);
            },
          }) as HTMLAttributes<HTMLElement>
        }
      />
    </div>
  );
}
