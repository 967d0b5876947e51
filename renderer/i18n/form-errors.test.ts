// @vitest-environment jsdom
// Every form's refusals as the user reads them, in both languages: each form's own schema and
// error map run through react-hook-form's zod resolver, and each error through the text a
// FormField shows. No text may be a raw dictionary key ("validation.required" under 报修人 was seen),
// and no text may be left in the other language (an English sentence in the Chinese UI).
import { zodResolver } from '@hookform/resolvers/zod';
import { afterAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { departmentSchema, deviceSchema, personSchema, purchaseEvaluationSchema } from '../../shared/schemas';
import { appSettingsSchema } from '../../shared/settings';
import { blankSchema } from '../features/repair/BlankCardsDialog';
import { editSchema } from '../features/repair/CardEditForm';
import { cardIssueMessage } from '../features/repair/card-fields';
import { eventSchema } from '../features/repair/EventActionForm';
import { intakeSchema } from '../features/repair/IntakeForm';
import { recordSchema } from '../features/repair/RepairRecordForm';
import type { RepairCard } from '../../shared/schemas';
import i18next from './index';
import { fieldErrorText, I18N_KEY_PATTERN, zodIssueMessage } from './errors';

type ErrorMap = typeof zodIssueMessage;
interface FormCase {
  form: string;
  schema: z.ZodType;
  map: ErrorMap;
  /** Values the user can submit that the form must refuse, each with at least one error. */
  bad: Record<string, unknown>[];
}

const long = (n: number) => 'x'.repeat(n + 1);
const goodCard = {
  requesterId: 'p1',
  deviceId: null,
  deviceTag: '',
  faultCategory: 'printer',
  description: '卡纸',
  receivedAt: '2026-12-07T09:30',
  headSigned: false,
  headSignedAt: '',
};
const loggedCard = { requesterId: 'p1' } as RepairCard;

const FORMS: FormCase[] = [
  {
    form: 'intake',
    schema: intakeSchema,
    map: cardIssueMessage,
    bad: [
      { ...goodCard, requesterId: null, cardNo: '' }, // saved without a requester
      { ...goodCard, cardNo: '', headSigned: true, headSignedAt: '2026-12' },
      { ...goodCard, cardNo: long(30), description: '', receivedAt: '', faultCategory: null },
      { ...goodCard, cardNo: '', description: long(2000), deviceTag: long(40) },
      {},
    ],
  },
  {
    form: 'card-edit',
    schema: editSchema(loggedCard),
    map: cardIssueMessage,
    bad: [{ ...goodCard, requesterId: null }, { ...goodCard, receivedAt: 'soon' }, {}],
  },
  {
    form: 'event',
    schema: eventSchema,
    map: zodIssueMessage,
    bad: [
      {
        at: '12/07/2026',
        partName: long(60),
        refusalCause: 'bored',
        reason: long(1000),
        approverRole: 'janitor',
        approverName: long(40),
        vendor: long(80),
        note: long(2000),
      },
      {},
    ],
  },
  {
    form: 'repair-record',
    schema: recordSchema,
    map: zodIssueMessage,
    bad: [
      {
        diagnosis: long(2000),
        workDone: long(2000),
        result: long(2000),
        minutesSpent: -5,
        suggestion: long(2000),
        parts: [{ name: '', quantity: 0, cost: -1 }],
      },
      {},
    ],
  },
  { form: 'blank-cards', schema: blankSchema, map: zodIssueMessage, bad: [{ count: 0 }, {}] },
  {
    form: 'settings',
    schema: appSettingsSchema,
    map: zodIssueMessage,
    bad: [{ language: 'fr', operatorName: long(40), pcCode: 'ab', reportsDir: long(1000) }],
  },
  {
    form: 'person',
    schema: personSchema,
    map: zodIssueMessage,
    bad: [{ employeeNo: '', name: '', phone: 'call me' }, { employeeNo: long(20), name: long(30) }, {}],
  },
  {
    form: 'department',
    schema: departmentSchema,
    map: zodIssueMessage,
    bad: [{ name: '' }, { name: long(40), note: long(500) }, {}],
  },
  {
    form: 'device',
    schema: deviceSchema,
    map: zodIssueMessage,
    bad: [{ assetTag: '', type: 'toaster' }, { assetTag: long(40), type: 'computer', name: long(60) }, {}],
  },
  {
    form: 'evaluation',
    schema: purchaseEvaluationSchema,
    map: zodIssueMessage,
    bad: [{ requestedOn: '7/12', item: '', reason: '', estimatedCost: -1 }, {}],
  },
];

/** Each error react-hook-form would hold for `values`, as [field path, error]. */
async function formErrors(c: FormCase, values: Record<string, unknown>) {
  const resolve = zodResolver(c.schema as never, { error: c.map });
  const result = await resolve(values as never, undefined, { fields: {}, shouldUseNativeValidation: false });
  const out: [string, { type: string; message?: string }][] = [];
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: unknown; message?: unknown };
    if (typeof n.type === 'string') out.push([path, n as { type: string; message?: string }]);
    for (const [k, v] of Object.entries(node))
      if (k !== 'ref' && k !== 'types') walk(v, path ? `${path}.${k}` : k);
  };
  walk(result.errors, '');
  return out;
}

const CJK = /[\u3400-\u9fff]/;

afterAll(() => i18next.changeLanguage('zh-CN'));

describe.each(['zh-CN', 'en'] as const)('form errors in %s', (language) => {
  it.each(FORMS.map((c) => [c.form, c] as const))(
    '%s: every refusal is words in the language',
    async (_, c) => {
      await i18next.changeLanguage(language);
      const t = i18next.getFixedT(language);
      for (const values of c.bad) {
        const errors = await formErrors(c, values);
        expect(errors.length, `${c.form} refuses ${JSON.stringify(values).slice(0, 80)}`).toBeGreaterThan(0);
        for (const [field, error] of errors) {
          const name = field.split('.').at(-1)!;
          const text = fieldErrorText(name, error, t) ?? '';
          const where = `${c.form}.${field}: "${text}"`;
          expect(text.trim(), where).not.toBe('');
          expect(I18N_KEY_PATTERN.test(text), where).toBe(false);
          // Chinese text has Chinese characters; English text has none.
          expect(CJK.test(text), where).toBe(language === 'zh-CN');
        }
      }
    },
  );
});

describe('the field under 报修人 when saved without a requester', () => {
  it('reads 必填 in Chinese and Required in English', async () => {
    for (const [language, want] of [
      ['zh-CN', '必填'],
      ['en', 'Required'],
    ] as const) {
      await i18next.changeLanguage(language);
      const errors = new Map(await formErrors(FORMS[0]!, { ...goodCard, requesterId: null, cardNo: '' }));
      expect(fieldErrorText('requesterId', errors.get('requesterId') as never, i18next.t)).toBe(want);
    }
  });
});
