// The pickers every screen shares: a person of the directory (by name, its pinyin or initials,
// employee no., phone, computer, department), a department, and a device (by asset tag, name or
// location). Features pass their data in; the pickers read no table themselves.
//
// Two shapes of each, as the screens need them: the device screens' plain selects (PersonSelect,
// DepartmentSelect, DeviceSelect) and the repair screens' type-ahead pickers (PersonPicker,
// DevicePicker: the requester's own devices first, the clear "×" off the Tab order).
//
// A label scanner types the tag and Enter into a device picker: the device whose tag is exactly
// what was typed (ignoring case, width and surrounding spaces) is listed first and Enter selects
// it, even when another device's name holds the tag and even when Enter comes before the list has
// caught up with the last key. That behaviour is useTagScan, shared by both device pickers.
import { Select, type RefSelectProps, type SelectProps } from 'antd';
import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from 'react';
import { useTranslation } from 'react-i18next';
import { deviceChoiceLabel, deviceLabel, devicesForRequester } from '../../shared/devices/choices';
import { computerTagsText } from '../../shared/devices/person-computers';
import type { Device, Person } from '../../shared/schemas';
import { pinyinKeys } from '../../shared/search/pinyin';
import { isListed } from '../../shared/sync/arrival';
import { foldText } from '../../shared/text/fold';

/** What the person pickers need of the directory (the people feature's Directory is one). */
export interface PickerDirectory {
  people: readonly Person[];
  departmentById: ReadonlyMap<string, { name: string }>;
  /** Each person's computers, by person id. */
  computers: ReadonlyMap<string, readonly Pick<Device, 'assetTag'>[]>;
}

interface PickerProps {
  value: string | null;
  onChange: (id: string | null) => void;
  onBlur?: () => void;
  id?: string;
  testId: string;
  placeholder?: string;
  disabled?: boolean;
  status?: 'error';
  selectRef?: Ref<RefSelectProps>;
}

/** A searchable, clearable choice of one record by id; empty is null, as the ledger stores it. */
function RecordSelect({
  options,
  selectRef,
  style,
  ...props
}: PickerProps & { options: { value: string; label: string; search: string }[]; style?: CSSProperties }) {
  return (
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
      disabled={props.disabled}
      status={props.status}
      options={options}
      style={style}
    />
  );
}

export function PersonSelect({ directory, ...props }: PickerProps & { directory: PickerDirectory }) {
  const options = directory.people
    .filter((p) => p.active || p.id === props.value)
    .map((p) => {
      const department = (p.departmentId && directory.departmentById.get(p.departmentId)?.name) || '';
      const label = [p.name, p.employeeNo, department].filter(Boolean).join('  ');
      // "ftj" or "fangtingjie" finds 方廷杰.
      return { value: p.id, label, search: `${label} ${pinyinKeys(p.name, 'name')}` };
    });
  return <RecordSelect {...props} options={options} style={{ width: '100%' }} />;
}

/** A department of the directory, by name. */
export function DepartmentSelect({
  departments,
  ...props
}: PickerProps & { departments: ReadonlyArray<{ id: string; name: string }> }) {
  return (
    <RecordSelect
      {...props}
      options={departments.map((d) => ({ value: d.id, label: d.name, search: d.name }))}
    />
  );
}

/** A device as a picker lists it. */
export interface DeviceOption {
  value: string;
  label: string;
  /** Folded tag and name: what typing filters on. */
  search: string;
  /** Folded tag: what a scan must equal. */
  tag: string;
}

export function deviceOptions(devices: readonly Device[]): DeviceOption[] {
  return devices.map((d) => {
    const label = deviceLabel(d);
    return { value: d.id, label, search: foldText(label), tag: foldText(d.assetTag) };
  });
}

/** The option whose tag is exactly the typed text (folded); the first such when tags repeat. */
export function scannedOption<T extends { tag: string }>(
  options: readonly T[],
  typed: string,
): T | undefined {
  const q = foldText(typed);
  return q ? options.find((o) => o.tag === q) : undefined;
}

/**
 * What makes an antd Select a device picker a label scanner can fill: spread the result into the
 * Select. `options` is every selectable device, flat (a grouped list passes its leaves).
 */
export function useTagScan(options: readonly DeviceOption[], onChange: (id: string | null) => void) {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  // The device a scan asked for, from the Enter key until the select reports its choice.
  const scanned = useRef<string | null>(null);

  return {
    onInputKeyDown: (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
      const hit = scannedOption(options, e.currentTarget.value);
      if (!hit) return;
      scanned.current = hit.value;
      // The select picks its active option on this Enter; should it pick none, the scan still counts.
      setTimeout(() => {
        if (scanned.current === null) return;
        scanned.current = null;
        latest.current(hit.value);
      }, 0);
    },
    onChange: (value: string | undefined) => {
      const chosen = scanned.current ?? value ?? null;
      scanned.current = null;
      latest.current(chosen);
    },
    showSearch: {
      // A group heading (the repair picker groups the requester's devices) has no search text.
      filterOption: (input: string, option?: DeviceOption) =>
        typeof option?.search === 'string' && option.search.includes(foldText(input)),
      // The exact tag first: it is the option Enter takes.
      filterSort: (a: DeviceOption, b: DeviceOption, { searchValue }: { searchValue: string }) => {
        const q = foldText(searchValue);
        return Number(b.tag === q) - Number(a.tag === q);
      },
    },
  };
}

export function DeviceSelect({ devices, selectRef, ...props }: PickerProps & { devices: readonly Device[] }) {
  const options = useMemo(() => deviceOptions(devices), [devices]);
  const scan = useTagScan(options, props.onChange);
  return (
    <Select<string, DeviceOption>
      ref={selectRef}
      id={props.id}
      data-testid={props.testId}
      value={props.value ?? undefined}
      {...scan}
      onBlur={props.onBlur}
      allowClear
      placeholder={props.placeholder}
      disabled={props.disabled}
      status={props.status}
      options={options}
      style={{ width: '100%' }}
    />
  );
}

interface RepairPickerProps {
  value: string | null;
  onChange: (id: string | null) => void;
  onBlur?: () => void;
  id?: string;
  testId: string;
  placeholder?: string;
  style?: CSSProperties;
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
function personSearchText(p: Person, department: string, computers: string): string {
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

export function PersonPicker({
  directory,
  selectRef,
  ...props
}: RepairPickerProps & { directory: PickerDirectory }) {
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
}: RepairPickerProps & { devices: readonly Device[]; requesterId: string | null }) {
  const { t } = useTranslation();
  const { mine, flat, grouped } = useMemo(() => {
    const split = devicesForRequester(devices, requesterId);
    // The location is searchable too ("3F 前台"), beyond the tag and name.
    const option = (d: Device): DeviceOption => ({
      value: d.id,
      label: deviceChoiceLabel(d),
      search: foldText(`${deviceChoiceLabel(d)} ${d.location}`),
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
