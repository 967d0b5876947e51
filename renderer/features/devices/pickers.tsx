// Pickers of the device screens: a person of the directory (by name, its pinyin or initials,
// employee no., department),
// a department, and a device (by asset tag or name). A label scanner types the tag and Enter into a device
// picker: the device whose tag is exactly what was typed (ignoring case, width and surrounding
// spaces) is listed first and Enter selects it, even when another device's name holds the tag
// and even when Enter comes before the list has caught up with the last key. That behaviour is
// useTagScan, so every device picker (the repair screens' too) can share it.
import { Select } from 'antd';
import { useEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent, type Ref } from 'react';
import type { RefSelectProps } from 'antd';
import { pinyinKeys } from '../../../shared/search/pinyin';
import type { Device } from '../../../shared/schemas';
import type { Directory } from '../people/directory';
import { deviceLabel } from './device-format';
import { foldText } from '../../../shared/text/fold';

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

export function PersonSelect({ directory, ...props }: PickerProps & { directory: Directory }) {
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
