// Delete after a confirmation, then offer "撤销" (undo) for a few seconds. Deletion in NetDesk is
// a tombstone, so undo is repository.restore(): nothing is lost and sync sees both steps.
import { App, Button } from 'antd';
import { useCallback } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../i18n/errors';

const UNDO_SECONDS = 8;

export function useDeleteWithUndo() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();

  return useCallback(
    (options: {
      title: ReactNode;
      content: ReactNode;
      /** The record's display name for the "deleted"/"restored" messages. */
      name: string;
      remove: () => Promise<unknown>;
      restore: () => Promise<unknown>;
    }) => {
      modal.confirm({
        title: options.title,
        content: options.content,
        okText: t('common.delete'),
        okButtonProps: { danger: true, 'data-testid': 'confirm-delete' },
        cancelText: t('common.cancel'),
        cancelButtonProps: { 'data-testid': 'cancel-delete' },
        onOk: async () => {
          try {
            await options.remove();
          } catch (err) {
            void message.error(describeError(err, t));
            return;
          }
          const key = `undo-${Date.now()}`;
          const undo = async () => {
            message.destroy(key);
            try {
              await options.restore();
              void message.success(t('common.restoredToast', { name: options.name }));
            } catch (err) {
              void message.error(describeError(err, t));
            }
          };
          void message.success({
            key,
            duration: UNDO_SECONDS,
            content: (
              <span>
                {t('common.deletedToast', { name: options.name })}{' '}
                <Button size="small" type="link" onClick={() => void undo()} data-testid="undo-delete">
                  {t('common.undo')}
                </Button>
              </span>
            ),
          });
        },
      });
    },
    [modal, message, t],
  );
}
