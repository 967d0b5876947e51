// The `--webdav URL [--user U] [--pin-cert SHA256]` part of `netdesk replica … sync` and
// `netdesk verify`: checks the address by NetDesk's rule (https; http only to a loopback or LAN
// address, with a warning), takes the password from NETDESK_WEBDAV_PASSWORD or the first line of
// stdin — never from an argument, which would sit in the shell's history and the process list —
// and opens the server's sync folder as a SyncFs.
import { checkWebDavAddress } from '../../shared/sync/webdav-address';
import { WebDavFs } from '../sync/webdav-fs';
import type { CliIo } from './netdesk';

export const PASSWORD_ENV = 'NETDESK_WEBDAV_PASSWORD';

export interface WebDavCliDeps {
  env?: Record<string, string | undefined>;
  /** The password typed or piped on stdin (first line). */
  readPassword?: () => Promise<string>;
}

/** A problem with the arguments: exit code 2, nothing read or written. */
export class WebDavUsageError extends Error {}

const PROBLEM_TEXT = {
  'not-url': '不是网址 / not an address',
  scheme: '只支持 https（或局域网内的 http）/ only https (or http inside the LAN)',
  'credentials-in-url':
    '网址里不能带用户名或密码，请用 --user 和环境变量 / no user or password in the address: use --user and the environment variable',
  query: '网址不能带 ? 或 # / the address may not have ? or #',
  'plain-http-public':
    '明文 http 只允许本机或局域网地址，公网请用 https / plain http only to this PC or a LAN address; use https over the internet',
} as const;

/** Read stdin up to the first line break (or its end). */
export async function readFirstLine(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  if ('isTTY' in stream && stream.isTTY) return '';
  let text = '';
  for await (const chunk of stream) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/** Refuse a password given as an argument before anything else is looked at. */
export function refusePasswordArgument(argv: readonly string[]): void {
  if (argv.some((a) => /^--(password|pass|pw)(=|$)/i.test(a)))
    throw new WebDavUsageError(
      `密码不能作为参数 / a password is never an argument: set ${PASSWORD_ENV} or type it on stdin`,
    );
}

export async function openWebDav(
  options: { webdav: string; user?: string; pinCert?: string },
  io: CliIo,
  deps: WebDavCliDeps = {},
): Promise<WebDavFs> {
  const check = checkWebDavAddress(options.webdav);
  if (!check.ok) throw new WebDavUsageError(`--webdav ${options.webdav}: ${PROBLEM_TEXT[check.problem]}`);
  if (check.warning)
    io.stderr(
      '警告 / warning: 明文 http，密码和账本在局域网内可被看到 / plain http: the password and the ledger cross the LAN readable\n',
    );
  if (options.pinCert !== undefined && !/^([0-9a-f]{2}:?){32}$/i.test(options.pinCert))
    throw new WebDavUsageError('--pin-cert 需要 SHA-256 指纹 / needs a SHA-256 fingerprint (64 hex digits)');
  let password: string | undefined;
  if (options.user !== undefined) {
    const env = deps.env ?? process.env;
    password = env[PASSWORD_ENV] ?? (await (deps.readPassword ?? readFirstLine)());
    if (!password)
      throw new WebDavUsageError(
        `缺少密码 / no password: set ${PASSWORD_ENV} or give it on stdin (echo … | netdesk …)`,
      );
  }
  return new WebDavFs({
    url: check.url,
    username: options.user,
    password,
    pinnedFingerprint: options.pinCert,
  });
}
