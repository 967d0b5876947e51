// The one place IPC handlers are registered. Every channel of shared/ipc.ts gets a handler that
// first checks who is asking (NetDesk's own page in a NetDesk window), then validates the argument
// with the channel's schema, then runs the plain service. Answers are always IpcResult data:
// nothing is thrown across the process boundary.
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_CHANNELS, type IpcChannel, type IpcResult } from '../../shared/ipc';
import { dispatch, type ServiceTable } from '../services/index';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/**
 * Build the sender check: the message must come from the top frame of a NetDesk window whose
 * current page is NetDesk's own UI. A frame that navigated elsewhere, an iframe, or a window
 * NetDesk did not create is refused.
 */
export function createSenderCheck(deps: {
  isAppUrl: (url: string) => boolean;
  windowOf: (contents: WebContents) => BrowserWindow | null;
  isNetdeskWindow: (win: BrowserWindow | null) => boolean;
}): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    if (!deps.isAppUrl(frame.url)) return false;
    return deps.isNetdeskWindow(deps.windowOf(event.sender));
  };
}

const FORBIDDEN: IpcResult<IpcChannel> = {
  ok: false,
  error: { code: 'forbidden', message: 'request refused: it did not come from a NetDesk window' },
};

/** Register a handler for every channel; returns a function that removes them again. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  services: ServiceTable,
  isTrustedSender: SenderCheck,
): () => void {
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, async (event, raw: unknown): Promise<IpcResult<IpcChannel>> => {
      try {
        if (!isTrustedSender(event)) return FORBIDDEN;
      } catch {
        return FORBIDDEN;
      }
      return dispatch(services, channel, raw);
    });
  }
  return () => IPC_CHANNELS.forEach((channel) => ipcMain.removeHandler(channel));
}
