// Choosing a file in NetDesk: antd's Upload around an antd button, never the browser's native
// "Choose File" control (its wording follows the operating system, not NetDesk's language).
// Nothing is uploaded anywhere: the chosen file is handed to `onFile` and stays on this PC.
// `testId` lands on Upload's own hidden <input type=file>, where tests set a file.
import { Upload } from 'antd';
import type { ReactNode } from 'react';

export function FileUpload(props: {
  accept: string;
  testId: string;
  onFile: (file: File) => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <Upload
      accept={props.accept}
      data-testid={props.testId}
      disabled={props.disabled}
      showUploadList={false}
      multiple={false}
      beforeUpload={(file) => {
        props.onFile(file);
        return false;
      }}
    >
      {props.children}
    </Upload>
  );
}
