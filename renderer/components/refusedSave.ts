// What every add/edit form does with a save the ledger refused because of one field (a 工号 or
// asset tag already in use, a value the repository would not take): the message goes under that
// field, which gets the focus, as a validation error would. Anything else is the caller's to
// show (a message toast, in the feature's words).
import type { TFunction } from 'i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { repositoryFieldError } from '../i18n/errors';

/**
 * Show `err` under the field it names when the form has that field (a key of `formValues`).
 * Returns false when it names none, and the caller shows it another way.
 */
export function showUnderField<T extends FieldValues>(
  err: unknown,
  t: TFunction,
  formValues: object,
  setError: UseFormSetError<T>,
): boolean {
  const fieldError = repositoryFieldError(err, t);
  if (!fieldError || !(fieldError.field in formValues)) return false;
  setError(
    fieldError.field as Path<T>,
    { type: 'repository', message: fieldError.message },
    { shouldFocus: true },
  );
  return true;
}
