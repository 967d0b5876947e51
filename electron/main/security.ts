// Where NetDesk's pages may come from, and the guards every web page in NetDesk runs under:
// no pop-ups, no navigation away from the app, no <webview>, no permissions (camera, microphone,
// notifications, geolocation… none are needed by a help desk ledger) but writing to the clipboard.
import type { Session, WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from './protocol';

/**
 * Decides whether a URL is NetDesk's own UI: app://netdesk/…, or, while developing, the
 * electron-vite dev server's origin. (Node reports the origin of a custom scheme as "null", so the
 * app:// case compares scheme and host instead.)
 */
export function createAppUrlCheck(devServerUrl?: string): (url: string) => boolean {
  const devOrigin = devServerUrl && URL.canParse(devServerUrl) ? new URL(devServerUrl).origin : undefined;
  return (url) => {
    if (!URL.canParse(url)) return false;
    const u = new URL(url);
    if (u.protocol === `${APP_SCHEME}:`) return u.host === APP_HOST;
    return devOrigin !== undefined && devOrigin !== 'null' && u.origin === devOrigin;
  };
}

export interface GuardOptions {
  isAppUrl: (url: string) => boolean;
  /** The one checked way to the user's browser (see external.ts). */
  openWebLink: (url: string) => Promise<boolean>;
  log?: (message: string) => void;
}

const guarded = new WeakSet<WebContents>();

/**
 * Lock one web page down. Used for every WebContents the app creates, not only the main window,
 * so a page that somehow appears later is held to the same rules.
 */
export function guardWebContents(contents: WebContents, opts: GuardOptions): void {
  // Both app-wide (web-contents-created) and the window factory call this; guard once.
  if (guarded.has(contents)) return;
  guarded.add(contents);
  const openOutside = (url: string) => {
    opts.openWebLink(url).catch((err: unknown) => opts.log?.(`could not open ${url}: ${String(err)}`));
  };

  // window.open and target=_blank: never a new Electron window; web links go to the browser.
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });

  // A click on a plain web link would replace NetDesk with the web site: cancel it and open the
  // link in the browser instead. Anything else that is not the app itself is simply cancelled.
  contents.on('will-navigate', (event, url) => {
    if (opts.isAppUrl(url)) return;
    event.preventDefault();
    openOutside(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!opts.isAppUrl(url)) event.preventDefault();
  });
  // An <iframe> navigating elsewhere does not fire will-navigate; the CSP already forbids foreign
  // frames, and this refuses them again where the main process can see it.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !opts.isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * The one permission NetDesk's pages get: writing plain text to the clipboard, which Chromium
 * asks for on navigator.clipboard.writeText. The device card's "复制" copies an admin password on
 * the supervisor's click and nothing else; reading the clipboard stays refused.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Refuse every permission request and check but ALLOWED_PERMISSIONS for the windows' session. */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(ALLOWED_PERMISSIONS.has(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));
  session.setDevicePermissionHandler(() => false);
}
