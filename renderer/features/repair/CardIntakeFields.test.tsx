// @vitest-environment jsdom
// The fault description box on the intake and correction forms: it shows how much of the ledger's
// limit is used, and the box itself stops at that limit (it took 3,000 characters and refused them
// only on save).
import { act } from 'react';
import { useForm } from 'react-hook-form';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { repairCardSchema } from '../../../shared/schemas';
import { byTestId, cleanup, render, stubBrowserLayout } from '../../components/test-support';
import '../../i18n';
import { buildDirectory } from '../../directory/directory';
import { CardIntakeFields } from './CardIntakeFields';
import { DESCRIPTION_MAX, textLimit, type CardFieldValues } from './card-fields';

beforeAll(stubBrowserLayout);
afterEach(cleanup);

function Fields() {
  const { control } = useForm<CardFieldValues>({
    defaultValues: { description: '', deviceTag: '', headSigned: false, headSignedAt: '', receivedAt: '' },
  });
  return (
    <CardIntakeFields
      prefix="intake"
      control={control}
      errors={{}}
      directory={buildDirectory([], [])}
      devices={{ list: [], byId: new Map() }}
      requesterId={null}
      headSigned={false}
      tagFound={null}
      onTagTyped={() => {}}
      onResolveTag={() => {}}
      onChooseDevice={() => {}}
      requesterRequired
    />
  );
}

function type(box: HTMLTextAreaElement, text: string) {
  act(() => {
    Reflect.set(HTMLTextAreaElement.prototype, 'value', text, box);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('the description box', () => {
  it('stops at the ledger schema’s limit and counts what is used', () => {
    expect(DESCRIPTION_MAX).toBe(repairCardSchema.shape.description.maxLength);
    expect(DESCRIPTION_MAX).toBe(2000);
    render(<Fields />);
    const box = byTestId('intake-description') as HTMLTextAreaElement;
    // The browser stops typing and pasting at maxlength.
    expect(box.maxLength).toBe(2000);
    const counter = () => box.closest('.ant-input-textarea-show-count')?.getAttribute('data-count');
    expect(counter()).toBe('0 / 2000');
    type(box, '开机黑屏');
    expect(counter()).toBe('4 / 2000');
  });

  it('takes each box’s limit from its schema, through defaults and optional wrappers', () => {
    expect(textLimit(z.string().max(60))).toBe(60);
    expect(textLimit(z.string().trim().max(2000).default(''))).toBe(2000);
    expect(textLimit(z.string().max(5).nullable().optional())).toBe(5);
    expect(textLimit(z.number().max(5))).toBeUndefined();
  });
});
