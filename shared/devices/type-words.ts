// The words for device types as NetDesk prints them on paper (the repair card, the asset label,
// the 工作申请单). Chinese whatever the UI language: the forms are the company's Chinese forms. The
// words are the glossary's, so paper and screen say the same (shared/i18n/glossary.ts).
import { GLOSSARY } from '../i18n/glossary';
import type { Device } from '../schemas';

export const DEVICE_TYPE_WORDS: Record<Device['type'], string> = GLOSSARY.zh.deviceType;
