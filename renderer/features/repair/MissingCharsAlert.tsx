// The question a print asks when the font lacks some of the document's characters: print anyway
// (blanks where they were) or stop. Shared by the card's print dialog and the blank-cards dialog;
// test ids `${testIdPrefix}-missing` and `${testIdPrefix}-anyway`.
import { Alert, Button, Space } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

/** The characters the font lacks, and how to answer the print that is waiting. */
export interface MissingChars {
  chars: string[];
  answer: (go: boolean) => void;
}

export function MissingCharsAlert({
  missing,
  testIdPrefix,
  style,
}: {
  missing: MissingChars;
  testIdPrefix: string;
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      style={style}
      type="warning"
      showIcon
      data-testid={`${testIdPrefix}-missing`}
      title={t('repair.print.missingTitle')}
      description={t('repair.print.missingBody', { chars: missing.chars.join(' ') })}
      action={
        <Space orientation="vertical">
          <Button
            size="small"
            type="primary"
            data-testid={`${testIdPrefix}-anyway`}
            onClick={() => missing.answer(true)}
          >
            {t('repair.print.printAnyway')}
          </Button>
          <Button size="small" onClick={() => missing.answer(false)}>
            {t('common.cancel')}
          </Button>
        </Space>
      }
    />
  );
}
