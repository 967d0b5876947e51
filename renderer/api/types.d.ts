// window.netdesk exists only inside Electron, set by the preload; browser mode has none and the
// renderer reaches the services over HTTP instead. Always go through getNetdesk(). The type itself
// lives in shared/ipc.ts, where the preload checks against it too.
import type { PreloadNetdesk } from '../../shared/ipc';

export type { PreloadNetdesk };

declare global {
  interface Window {
    netdesk?: PreloadNetdesk;
  }
}
