// A save the ledger refused: a duplicate 工号 lands under the 工号 field, focused; an error about
// a field the form does not have, or about no field, is left for the form to show as a message.
import i18next from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import '../i18n';
import { RepositoryError } from '../db/repository';
import { showUnderField } from './refusedSave';

const personForm = { employeeNo: '', name: '' };
const duplicate = (field: string) =>
  new RepositoryError('duplicate', 'duplicate', { table: 'people', field, value: 'A001' });

describe('showUnderField', () => {
  it('puts a duplicate employee no. under its field and focuses it', () => {
    const setError = vi.fn();
    expect(showUnderField(duplicate('employeeNo'), i18next.t, personForm, setError)).toBe(true);
    expect(setError).toHaveBeenCalledWith(
      'employeeNo',
      { type: 'repository', message: expect.stringMatching(/\S/) as string },
      { shouldFocus: true },
    );
  });

  it('leaves an error about another field, or no field, to the caller', () => {
    const setError = vi.fn();
    expect(showUnderField(duplicate('assetTag'), i18next.t, personForm, setError)).toBe(false);
    expect(showUnderField(new Error('disk full'), i18next.t, personForm, setError)).toBe(false);
    expect(setError).not.toHaveBeenCalled();
  });
});
