// Which WebDAV addresses NetDesk syncs through: HTTPS anywhere; plain HTTP only to this PC or a
// private (LAN) address, and then with a warning, because the password and the ledger would
// cross the network readable. An address with a user name or password in it is refused: the
// password is kept apart (safeStorage, an environment variable, stdin), never in an address that
// ends up in settings, logs or a shell's history. The same rule serves the settings form and the
// CLI; pure, so it is tested without a network.
//
// Below, the request of 'sync:webdav' (Settings → Sync): the address, user and password go to
// the main process together, which keeps the password apart from the settings, looks at the
// server's certificate and pins a self-signed one only once the user confirmed its fingerprint.
import { z } from 'zod';
import type { AppSettings } from '../settings';

export type WebDavAddressCheck =
  | { ok: true; url: string; warning?: 'plain-http-lan' }
  | { ok: false; problem: 'not-url' | 'scheme' | 'credentials-in-url' | 'plain-http-public' | 'query' };

function ipv4(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((n) => n <= 255) ? parts : null;
}

/** This PC or a private network: loopback, RFC 1918, link-local, IPv6 ULA / link-local. */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const v4 = ipv4(host);
  if (v4) {
    const [a, b] = v4 as [number, number, number, number];
    return (
      a === 127 ||
      a === 10 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254)
    );
  }
  if (host.includes(':'))
    return host === '::1' || /^f[cd][0-9a-f]{2}:/.test(host) || /^fe[89ab][0-9a-f]:/.test(host);
  return false;
}

/** Check a WebDAV address typed by the user; the address to use ends with `/`. */
export function checkWebDavAddress(input: string): WebDavAddressCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, problem: 'not-url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'scheme' };
  if (url.username || url.password) return { ok: false, problem: 'credentials-in-url' };
  if (url.search || url.hash) return { ok: false, problem: 'query' };
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  if (url.protocol === 'http:') {
    if (!isLocalHost(url.hostname)) return { ok: false, problem: 'plain-http-public' };
    return { ok: true, url: url.href, warning: 'plain-http-lan' };
  }
  return { ok: true, url: url.href };
}

/** A SHA-256 fingerprint as Node reports it (`AB:CD:…`, 32 bytes), or plain hex. */
export const FINGERPRINT = /^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/;

export const webdavSetupRequestSchema = z.discriminatedUnion('action', [
  z
    .object({
      action: z.literal('save'),
      url: z
        .string()
        .trim()
        .max(1000)
        .superRefine((url, ctx) => {
          const check = checkWebDavAddress(url);
          if (!check.ok) ctx.addIssue({ code: 'custom', message: `sync.webdav.problem.${check.problem}` });
        }),
      user: z.string().trim().min(1).max(200),
      /** Omitted: keep the password kept before (the form does not show it back). */
      password: z.string().min(1).max(1000).optional(),
      /** The fingerprint the user confirmed for a certificate the system does not trust. */
      trust: z.string().regex(FINGERPRINT).optional(),
    })
    .strict(),
  /** Back to the shared folder: the password is forgotten, address and user kept for later. */
  z.object({ action: z.literal('off') }).strict(),
]);

export interface ServerCertificate {
  fingerprint256: string;
  subject: string;
  issuer: string;
  validTo: string;
}

export type WebDavSetupResult =
  | {
      saved: true;
      settings: AppSettings;
      /** Where the password is: encrypted in the data folder, or only in the service's memory. */
      passwordKept: 'encrypted' | 'memory' | 'none';
    }
  /** The server's certificate is not trusted by the system: shown to the user to confirm. */
  | { saved: false; certificate: ServerCertificate };
