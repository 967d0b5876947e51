// The answers of NetDesk's first-run setup, checked by the same rules as the places they are kept:
// the company name as the ledger-wide setting, the supervisor's name and this PC's card-number
// letter as this PC's settings.
import { z } from 'zod';
import { LEDGER_SETTING_SCHEMAS } from '../ledger-settings';
import { appSettingsSchema } from '../settings';

export const firstRunSchema = z.object({
  companyName: LEDGER_SETTING_SCHEMAS.companyName.pipe(z.string().min(1)),
  operatorName: appSettingsSchema.shape.operatorName.removeDefault().pipe(z.string().min(1)),
  pcCode: appSettingsSchema.shape.pcCode.removeDefault(),
});
export type FirstRunAnswers = z.output<typeof firstRunSchema>;

/** How the supervisor wants to fill the empty ledger. */
export const FIRST_RUN_STARTS = ['demo', 'people', 'devices', 'empty'] as const;
export type FirstRunStart = (typeof FIRST_RUN_STARTS)[number];
