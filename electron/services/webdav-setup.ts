// 'sync:webdav': Settings → Sync chooses a WebDAV server (or goes back to the shared folder).
// The address is checked by NetDesk's rule (shared/sync/webdav-address.ts), the password goes to
// the secret store (secrets.ts), never to settings.json. Before anything is saved the server's
// certificate is looked at: one the system does not trust (a NAS's self-signed certificate) is
// sent back for the user to confirm by its SHA-256 fingerprint, and saved as the pin only when
// the request names that very fingerprint. From then on sync accepts that certificate and no
// other for the address (webdav-fs.ts); a different one gives the 'untrusted-certificate' status.
import type { IpcParsedRequest } from '../../shared/ipc';
import { checkWebDavAddress, type WebDavSetupResult } from '../../shared/sync/webdav-address';
import { normalizeFingerprint, peekCertificate } from '../sync/webdav-fs';
import { ServiceError } from './errors';
import type { SecretStore } from './secrets';
import type { SettingsStore } from './settings';

export interface WebDavSetupDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  /** Look at a server's certificate (tests pass a double or the real one against a test server). */
  peek?: typeof peekCertificate;
  log?: (message: string) => void;
}

export function createWebDavSetup(deps: WebDavSetupDeps) {
  const peek = deps.peek ?? peekCertificate;
  return async function setupWebDav(req: IpcParsedRequest<'sync:webdav'>): Promise<WebDavSetupResult> {
    if (req.action === 'off') {
      await deps.secrets.clear();
      const settings = await deps.settings.write({ syncVia: 'folder', webdavPin: '' });
      return { saved: true, settings, passwordKept: 'none' };
    }
    const check = checkWebDavAddress(req.url);
    if (!check.ok)
      throw new ServiceError('bad-request', `WebDAV 地址无效 / bad WebDAV address: ${check.problem}`);
    const current = (await deps.settings.read()).settings;
    if (req.password === undefined && (await deps.secrets.get()) === undefined)
      throw new ServiceError('bad-request', '请输入 WebDAV 密码 / enter the WebDAV password');
    // The pin of this address so far, kept while the server still shows that certificate.
    let pin = current.webdavUrl === check.url ? current.webdavPin : '';
    if (check.url.startsWith('https:')) {
      const cert = await peek(check.url).catch(() => undefined);
      if (cert?.trusted) pin = '';
      else if (cert) {
        const shown = normalizeFingerprint(cert.fingerprint256);
        const confirmed = req.trust !== undefined && normalizeFingerprint(req.trust) === shown;
        if (confirmed) pin = shown;
        else if (normalizeFingerprint(pin) !== shown)
          return {
            saved: false,
            certificate: {
              fingerprint256: shown,
              subject: cert.subject,
              issuer: cert.issuer,
              validTo: cert.validTo,
            },
          };
      }
      // Not reachable right now: saved as asked; the sync status will say what is wrong.
    } else pin = '';
    if (req.password !== undefined) await deps.secrets.set(req.password);
    const settings = await deps.settings.write({
      syncVia: 'webdav',
      webdavUrl: check.url,
      webdavUser: req.user,
      webdavPin: pin,
    });
    deps.log?.(`sync set to WebDAV ${check.url} as ${req.user}${pin ? ` (certificate ${pin} pinned)` : ''}`);
    return { saved: true, settings, passwordKept: deps.secrets.kept };
  };
}
