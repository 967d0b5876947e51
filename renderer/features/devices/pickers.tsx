// Pickers of the device screens: a person of the directory (by name, employee no., department)
// and a device (by asset tag or name). A label scanner types the tag and Enter into a device
// picker: the typed tag filters the options to that device and Enter selects it.
import { Select } from 'antd';
import type { Ref } from 'react';
import type { RefSelectProps } from 'antd';
import type { Device } from '../../../shared/schemas';
import type { Directory } from '../people/directory';
import { deviceLabel } from './device-format';

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

export function PersonSelect({ directory, selectRef, ...props }: PickerProps & { directory: Directory }) {
  const options = directory.people
    .filter((p) => p.active || p.id === props.value)
    .map((p) => {
      const department = (p.departmentId && directory.departmentById.get(p.departmentId)?.name) || '';
      return {
        value: p.id,
        label: [p.name, p.employeeNo, department].filter(Boolean).join('  '),
      };
    });
  return (
    <Select
      ref={selectRef}
      id={props.id}
      data-testid={props.testId}
      value={props.value ?? undefined}
      onChange={(v: string | undefined) => props.onChange(v ?? null)}
      onBlur={props.onBlur}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={props.placeholder}
      disabled={props.disabled}
      status={props.status}
      options={options}
      style={{ width: '100%' }}
    />
  );
}

export function DeviceSelect({ devices, selectRef, ...props }: PickerProps & { devices: readonly Device[] }) {
  return (
    <Select
      ref={selectRef}
      id={props.id}
      data-testid={props.testId}
      value={props.value ?? undefined}
      onChange={(v: string | undefined) => props.onChange(v ?? null)}
      onBlur={props.onBlur}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={props.placeholder}
      disabled={props.disabled}
      status={props.status}
      options={devices.map((d) => ({ value: d.id, label: deviceLabel(d) }))}
      style={{ width: '100%' }}
    />
  );
}
