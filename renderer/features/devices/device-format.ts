// How a device and its responsible person read on screen, in the UI language, and how the
// device writes' errors become text. One place, so the list, the drawer and the forms agree.
import type { TFunction } from 'i18next';
import type { DeviceRow } from '../../../shared/devices/device-list';
import { describeError } from '../../i18n/errors';
import { DeviceWriteError } from './data';

/** "张伟" and the reason: "电脑使用人", "保管人", "随电脑 PC-0101", or "未指定". */
export function responsibleReason(row: Pick<DeviceRow, 'device' | 'responsible'>, t: TFunction): string {
  const { responsible, device } = row;
  if (responsible.reason === 'attached')
    return t('devices.responsible.attached', { tag: responsible.viaDevice?.assetTag });
  if (responsible.reason === 'user') {
    return device.type === 'computer' ? t('devices.responsible.user') : t('devices.responsible.custodian');
  }
  return responsible.viaDevice
    ? t('devices.responsible.attachedNoUser', { tag: responsible.viaDevice.assetTag })
    : t('devices.responsible.none');
}

/** Text of any error a device write may throw. */
export function deviceErrorText(err: unknown, t: TFunction): string {
  if (err instanceof DeviceWriteError) {
    return err.code === 'attachment' && err.problem
      ? t(`devices.attachmentProblems.${err.problem}`)
      : t(`devices.errors.${err.code}`);
  }
  return describeError(err, t);
}

/** Price in yuan as the supervisor writes it: ¥4,999 or ¥4,999.50. */
export function formatPrice(value: number | null, language: string): string {
  if (value === null) return '';
  return `¥${value.toLocaleString(language === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 })}`;
}
