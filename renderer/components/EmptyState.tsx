// What a list shows while it has nothing in it: one sentence saying what to do first and, where
// the first step is a single click, the button that takes it. A blank table tells a supervisor
// nothing; every screen uses this one component so the empty lists look and read alike and a
// test can find each of them by the same id.
// Test ids: empty-state (the message), empty-state-action (the button, when given).
import { Button, Empty } from 'antd';
import type { ReactNode } from 'react';

export interface EmptyStateAction {
  label: ReactNode;
  onClick: () => void;
  testId?: string;
}

export function EmptyState({ message, action }: { message: ReactNode; action?: EmptyStateAction }) {
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={<span data-testid="empty-state">{message}</span>}
    >
      {action && (
        <Button type="primary" data-testid={action.testId ?? 'empty-state-action'} onClick={action.onClick}>
          {action.label}
        </Button>
      )}
    </Empty>
  );
}
