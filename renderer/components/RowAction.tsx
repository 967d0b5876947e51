// One icon button in a table row's actions (edit, delete, hand over …): a small link-style
// button whose label is its tooltip and its accessible name, so screen readers and the keyboard
// (Tab, Enter) reach the same action the mouse does.
import { Button } from 'antd';
import type { ReactNode } from 'react';

export function RowAction(props: {
  icon: ReactNode;
  label: string;
  testId: string;
  onClick: () => void;
  danger?: boolean;
}) {
  return (
    <Button
      type="link"
      size="small"
      danger={props.danger}
      icon={props.icon}
      aria-label={props.label}
      title={props.label}
      data-testid={props.testId}
      onClick={props.onClick}
    />
  );
}
