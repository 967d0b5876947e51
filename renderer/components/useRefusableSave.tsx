// The save of a form whose rules may refuse it (a check in the future, an incident ending before it
// starts, a revocation before the grant): the saving flag that greys the button, and the list of
// reasons shown above the fields when the ledger said no. A refusal the feature knows is worded by
// its `explain`; anything else by the common error wording. Nothing is half-written either way:
// the write itself is all-or-nothing, this only reports it.
import { Alert } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../i18n/errors';

export interface RefusableSave {
  /** The reasons of the last refusal, in the user's language; empty when none. */
  refused: string[];
  saving: boolean;
  /** Show reasons found before the write (a missing field the form checks itself). */
  refuse: (reasons: string[]) => void;
  /**
   * Run the write: true when it went through (the list is cleared), false when it was refused
   * (the list holds why). Never throws.
   */
  save: (write: () => Promise<unknown>) => Promise<boolean>;
}

/** `explain` words a refusal the feature knows, or returns null to let the common wording say it. */
export function useRefusableSave(explain: (err: unknown) => string[] | null): RefusableSave {
  const { t } = useTranslation();
  const [refused, setRefused] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  const save = useCallback(
    async (write: () => Promise<unknown>) => {
      setSaving(true);
      try {
        await write();
        setRefused([]);
        return true;
      } catch (err) {
        setRefused(explain(err) ?? [describeError(err, t)]);
        return false;
      } finally {
        setSaving(false);
      }
    },
    [explain, t],
  );

  return { refused, saving, refuse: setRefused, save };
}

/** The reasons of a refused save, one a line, above the form's fields. */
export function RefusedAlert({ refused, testId }: { refused: readonly string[]; testId: string }) {
  if (refused.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      style={{ marginBottom: 12 }}
      title={refused.map((text) => (
        <div key={text}>{text}</div>
      ))}
    />
  );
}
