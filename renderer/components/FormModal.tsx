// The dialog every add/edit form uses, so all of them behave the same from the keyboard:
// the first field has focus when it opens, Ctrl+Enter saves from anywhere and Enter saves from a
// one-line box only (a picker, a select or a multi-line box keeps its Enter: form-keys.ts),
// Esc closes without saving.
import { Button, Form, Modal, Space, Typography } from 'antd';
import { useEffect, useEffectEvent, type FormEventHandler, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { handleFormKeys, UNREAD_ATTR } from './form-keys';

export interface FormModalProps {
  open: boolean;
  title: ReactNode;
  /** A page-unique id for the <form>. */
  formId: string;
  submitting: boolean;
  onSubmit: FormEventHandler<HTMLFormElement>;
  onCancel: () => void;
  /** Called once the dialog is visible; focus the first field here. */
  onOpened?: () => void;
  /** data-testid of the submit button. */
  submitTestId: string;
  children: ReactNode;
  width?: number;
}

export function FormModal(props: FormModalProps) {
  const { t } = useTranslation();
  const { open, onOpened } = props;
  const focusFirstField = useEffectEvent(() => onOpened?.());

  // Focus the first field as soon as the form is in the page, so a fast typist loses no keys to
  // the opening animation; afterOpenChange below focuses it again in case the dialog took it back.
  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(focusFirstField, 0);
    return () => clearTimeout(timer);
  }, [open]);

  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onCancel}
      footer={null}
      width={props.width ?? 560}
      destroyOnHidden
      mask={{ closable: false }}
      keyboard
      afterOpenChange={(visible) => {
        if (visible && document.activeElement?.closest('form')?.id !== props.formId) onOpened?.();
      }}
    >
      <form
        id={props.formId}
        onSubmit={(e) => {
          // A field still holding typed text it could not read (an impossible time) is not saved
          // as the value it showed before: the supervisor is taken back to it.
          const unread = e.currentTarget.querySelector<HTMLElement>(`[${UNREAD_ATTR}] input`);
          if (unread) {
            e.preventDefault();
            unread.focus();
            return;
          }
          props.onSubmit(e);
        }}
        onKeyDown={handleFormKeys}
        noValidate
        data-testid={`${props.formId}`}
      >
        <Form layout="vertical" component={false}>
          {props.children}
        </Form>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 8 }}>
          <Typography.Text type="secondary">{t('common.escHint')}</Typography.Text>
          <Space>
            <Button onClick={props.onCancel} data-testid={`${props.formId}-cancel`}>
              {t('common.cancel')}
            </Button>
            <Button
              type="primary"
              htmlType="submit"
              loading={props.submitting}
              data-testid={props.submitTestId}
            >
              {t('common.save')}
            </Button>
          </Space>
        </div>
      </form>
    </Modal>
  );
}
