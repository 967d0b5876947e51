// Pickers the repair screens share: a person of the directory by name, employee no. or phone
// (type-ahead), and a device by tag or name with the requester's own devices listed first.
import { Select, type RefSelectProps, type SelectProps } from 'antd';
import { useLayoutEffect, useMemo, useRef, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../../shared/schemas';
import { computerTagsText } from '../../../shared/devices/person-computers';
import { pinyinKeys } from '../../../shared/search/pinyin';
import { isListed } from '../../../shared/sync/arrival';
import { useTagScan, type DeviceOption } from '../devices/pickers';
import type { Directory } from '../people/directory';
import { deviceLabel, devicesForRequester } from './repair-format';
import { foldText } from '../../../shared/text/fold';

interface PickerProps {
  value: string | null;
  onChange: (id: string | null) => void;
  onBlur?: () => void;
  id?: string;
  testId: string;
  placeholder?: string;
  style?: React.CSSProperties;
  selectRef?: Ref<RefSelectProps>;
  status?: 'error';
}

/**
 * antd draws a select's clear "×" as a button, which Tab stops on: from 报修人 it took two Tabs to
 * reach the asset tag. The "×" stays for the mouse; the keyboard goes straight to the next field.
 */
function ClearOffTabOrder({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    const apply = () => {
      for (const b of root.querySelectorAll<HTMLElement>('[class*="-select-clear"]')) {
        if (b.tabIndex !== -1) b.tabIndex = -1;
      }
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
  return (
    <span ref={ref} style={{ display: 'contents' }}>
      {children}
    </span>
  );
}

/**
 * Everything a person can be found by, in one string the select's filter looks through: the name
 * in pinyin and initials too, and the computer the device register says they use.
 */
function personSearchText(p: Directory['people'][number], department: string, computers: string): string {
  return [
    p.name,
    pinyinKeys(p.name, 'name'),
    p.employeeNo,
    p.phone,
    p.phone.replace(/\D/g, ''),
    computers,
    department,
  ].join(' ');
}

export function PersonPicker({ directory, selectRef, ...props }: PickerProps & { directory: Directory }) {
  const { t } = useTranslation();
  // A person sync has delivered only in part has no name yet: not a choice until whole.
  const options = directory.people.filter(isListed).map((p) => {
    const department = (p.departmentId && directory.departmentById.get(p.departmentId)?.name) || '';
    return {
      value: p.id,
      label: `${p.name}  ${p.employeeNo}${department ? `  ${department}` : ''}${p.active ? '' : `  ${t('people.inactive')}`}`,
      search: personSearchText(p, department, computerTagsText(directory.computers, p.id)),
    };
  });
  return (
    <ClearOffTabOrder>
      <Select
        ref={selectRef}
        id={props.id}
        data-testid={props.testId}
        value={props.value ?? undefined}
        onChange={(v: string | undefined) => props.onChange(v ?? null)}
        onBlur={props.onBlur}
        allowClear
        showSearch={{ optionFilterProp: 'search' }}
        placeholder={props.placeholder}
        style={props.style}
        status={props.status}
        options={options}
        popupMatchSelectWidth={false}
      />
    </ClearOffTabOrder>
  );
}

export function DevicePicker({
  devices,
  requesterId,
  selectRef,
  ...props
}: PickerProps & { devices: readonly Device[]; requesterId: string | null }) {
  const { t } = useTranslation();
  const { mine, flat, grouped } = useMemo(() => {
    const split = devicesForRequester(devices, requesterId);
    // The location is searchable too ("3F 前台"), beyond the tag and name.
    const option = (d: Device): DeviceOption => ({
      value: d.id,
      label: deviceLabel(d),
      search: foldText(`${deviceLabel(d)} ${d.location}`),
      tag: foldText(d.assetTag),
    });
    const mineOptions = split.mine.map(option);
    const otherOptions = split.others.map(option);
    return {
      mine: split.mine,
      flat: [...mineOptions, ...otherOptions],
      grouped: { mineOptions, otherOptions },
    };
  }, [devices, requesterId]);
  // A scanned tag and Enter take the device with exactly that tag, as in every device field.
  const scan = useTagScan(flat, props.onChange);
  const options: SelectProps['options'] = mine.length
    ? [
        { label: t('repair.intake.myDevices'), options: grouped.mineOptions },
        { label: t('repair.intake.otherDevices'), options: grouped.otherOptions },
      ]
    : grouped.otherOptions;
  return (
    <ClearOffTabOrder>
      <Select<string>
        ref={selectRef}
        id={props.id}
        data-testid={props.testId}
        value={props.value ?? undefined}
        onChange={scan.onChange}
        onInputKeyDown={scan.onInputKeyDown}
        onBlur={props.onBlur}
        allowClear
        // Groups (the requester's own devices first) hold the same options the scan looks through.
        showSearch={scan.showSearch as SelectProps['showSearch']}
        placeholder={props.placeholder}
        style={props.style}
        status={props.status}
        options={options}
        popupMatchSelectWidth={false}
      />
    </ClearOffTabOrder>
  );
}
