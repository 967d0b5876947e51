import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { fieldIssues, issueLines, issueText } from './issues';

const person = z.object({
  name: z.string().min(1, 'required'),
  phone: z.string().regex(/^\d+$/, 'digits only'),
});
const error = person.safeParse({ name: '', phone: 'call me' }).error!;
const whole = z.string().safeParse(3).error!;

describe('the zod error wording', () => {
  it('gives forms each field with its message', () => {
    expect(fieldIssues(error)).toEqual([
      { path: 'name', message: 'required' },
      { path: 'phone', message: 'digits only' },
    ]);
  });

  it('writes "path: message" lines, joined by "; " on one line', () => {
    expect(issueText(error)).toBe('name: required; phone: digits only');
  });

  it('says where in a document the value sat, and can keep only the first issue', () => {
    expect(issueLines(error, { at: 'tables.people[3]', first: true })).toEqual([
      'tables.people[3].name: required',
    ]);
  });

  it('names the whole value when the issue has no path', () => {
    expect(issueText(whole, { whole: '(document)' })).toMatch(/^\(document\): /);
    expect(issueText(whole)).toMatch(/^\(record\): /);
    expect(issueText(whole, { at: 'attachments[2]' })).toMatch(/^attachments\[2\]: /);
  });
});
