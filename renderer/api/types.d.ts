// window.netdesk exists only inside Electron, set by the preload; browser mode has none and the
// renderer reaches the services over HTTP instead. Always go through getNetdesk().
import type { apiChannels, IpcResult, NetdeskApi } from '../../shared/ipc';

/**
 * What the preload puts on window.netdesk. Its methods may hand back plain values or the IpcResult
 * envelope as it came over IPC; getNetdesk() accepts both. The preload can check itself with
 * `satisfies NonNullable<Window['netdesk']>`.
 */
export type PreloadNetdesk = {
  [M in keyof NetdeskApi]: (
    ...args: Parameters<NetdeskApi[M]>
  ) => Promise<Awaited<ReturnType<NetdeskApi[M]>> | IpcResult<(typeof apiChannels)[M]>>;
};

declare global {
  interface Window {
    netdesk?: PreloadNetdesk;
  }
}
