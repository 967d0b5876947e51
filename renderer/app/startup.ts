// What happens once when the window opens, before the first screen is useful: read this PC's
// settings (language first, so the UI does not flash in the wrong language for long), follow the
// address bar, and ask for persistent storage. None of it may stop the app from starting.
import { getNetdesk } from '../api/netdesk';
import { requestPersistentStorage } from '../db/schema';
import { applyLanguage } from '../i18n';
import { useSettingsStore } from '../store/settings';
import { checkPersistentStorage } from '../store/storage';
import { syncRouteWithHash } from '../store/ui';

export async function startApp(): Promise<void> {
  syncRouteWithHash();
  void checkPersistentStorage(requestPersistentStorage);
  const settings = await useSettingsStore.getState().load(getNetdesk());
  await applyLanguage(settings.language);
}
