// Turning errors into text in the UI language. The repository and the IPC layer report codes
// (RepositoryError.code, NetdeskCallError.code); zod reports issue codes. Only here do they become
// words, so the same failure reads the same on every screen and in both languages.
import i18next, { type TFunction } from 'i18next';
import type { FieldError } from 'react-hook-form';
import type { $ZodRawIssue } from 'zod/v4/core';
import { NetdeskCallError } from '../../shared/ipc';
import { RepositoryError } from '../db/repository';

function isCallError(err: unknown): err is NetdeskCallError {
  // By name as well as class: the browser-mode client and the preload may each bring their own copy.
  return err instanceof NetdeskCallError || (err instanceof Error && err.name === 'NetdeskCallError');
}

/** One line describing any error, for a message or a banner. */
export function describeError(err: unknown, t: TFunction = i18next.t): string {
  if (err instanceof RepositoryError) {
    if (err.code === 'duplicate') return duplicateText(err, t);
    const key = `errors.repository.${err.code}`;
    return i18next.exists(key) ? t(key) : t('errors.repository.unknown', { code: err.code });
  }
  if (isCallError(err)) {
    const detail = err.issues?.length ? err.issues.join('; ') : err.message;
    const key = `errors.ipc.${err.code}`;
    return i18next.exists(key) ? t(key, { detail }) : t('errors.unknown', { detail });
  }
  const detail = err instanceof Error ? err.message : String(err);
  return t('errors.unknown', { detail });
}

function duplicateText(err: RepositoryError, t: TFunction): string {
  const key = `errors.repository.duplicateField.${err.table ?? '-'}.${err.field ?? '-'}`;
  return i18next.exists(key) ? t(key) : t('errors.repository.duplicateField.default');
}

/**
 * The field a repository error belongs to, with its text, so a form can show it under that
 * field (a duplicate employee no. appears under 工号, not as a toast).
 */
export function repositoryFieldError(
  err: unknown,
  t: TFunction = i18next.t,
): { field: string; message: string } | null {
  if (!(err instanceof RepositoryError) || !err.field) return null;
  if (err.code === 'duplicate') return { field: err.field, message: duplicateText(err, t) };
  if (err.code === 'invalid') return { field: err.field, message: t('validation.invalid') };
  return null;
}

/** Text shaped like a dictionary key ("validation.required"): never shown as it is. */
export const I18N_KEY_PATTERN = /^[a-zA-Z][\w-]*(?:\.[\w-]+)+$/;

/** Zod's per-parse error map: the message of each issue in the current UI language. */
export function zodIssueMessage(issue: $ZodRawIssue): string {
  const t = i18next.t;
  switch (issue.code) {
    case 'custom':
      return typeof issue.message === 'string' ? messageText(issue.message, t) : t('validation.invalid');
    case 'too_small':
      return Number(issue.minimum) <= 1
        ? t('validation.required')
        : t('validation.tooShort', { min: issue.minimum });
    case 'too_big':
      return t('validation.tooLong', { max: issue.maximum });
    case 'invalid_format':
      return t('validation.invalidFormat');
    case 'invalid_value':
      return t('validation.invalidValue');
    case 'invalid_type':
      // An empty optional number or a cleared select arrives as undefined/null.
      return issue.input === undefined || issue.input === null || issue.input === ''
        ? t('validation.required')
        : t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

/**
 * The text under a form field. Schemas that carry their own (English) message for a format rule,
 * like the phone pattern, win over the error map, so those are translated here by field.
 */
export function fieldErrorText(
  name: string,
  error: FieldError | undefined,
  t: TFunction,
): string | undefined {
  if (!error) return undefined;
  if (error.type === 'invalid_format') {
    const key = `validation.format.${name}`;
    return i18next.exists(key) ? t(key) : t('validation.invalidFormat');
  }
  return error.message ? messageText(error.message, t) : t('validation.invalid');
}

/**
 * A message as it reaches a field. A message a schema carries itself (refine, addIssue) wins over
 * the error map in zod 4, so it arrives untranslated: those messages are dictionary keys, turned
 * into words here. Anything else shaped like a key (a typo, a key never added) reads as a generic
 * "invalid" rather than the raw key; text already in words passes through.
 */
function messageText(message: string, t: TFunction): string {
  if (!I18N_KEY_PATTERN.test(message)) return message;
  return i18next.exists(message) ? t(message) : t('validation.invalid');
}
