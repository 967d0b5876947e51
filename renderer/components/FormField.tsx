// One labelled form field with its error underneath, in the UI language. Wraps antd's Form.Item
// for the layout only; the value and validation belong to react-hook-form.
import { Form } from 'antd';
import type { ReactNode } from 'react';
import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldErrorText } from '../i18n/errors';

export function FormField(props: {
  name: string;
  label: ReactNode;
  error?: FieldError | undefined;
  required?: boolean;
  help?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const errorText = fieldErrorText(props.name, props.error, t);
  return (
    <Form.Item
      label={props.label}
      required={props.required ?? false}
      validateStatus={errorText ? 'error' : undefined}
      help={errorText ? <span data-testid={`error-${props.name}`}>{errorText}</span> : props.help}
      htmlFor={`field-${props.name}`}
    >
      {props.children}
    </Form.Item>
  );
}
