// NetDesk's Node services: one plain function per IPC channel, built on a ServiceHost, and the
// one dispatcher that validates a request and turns every outcome into an IpcResult. Electron's
// ipcMain handlers and browser mode's loopback HTTP server both call dispatch().
import { arch, platform, release } from 'node:os';
import {
  isIpcChannel,
  parseIpcRequest,
  type IpcChannel,
  type IpcParsedRequest,
  type IpcResponses,
  type IpcResult,
} from '../../shared/ipc';
import { createBackupService } from './backup';
import { canWriteIn } from './data-folder';
import { ServiceError, toIpcError } from './errors';
import { chooseFolder } from './folders';
import { createFontService } from './font';
import { createFileLogger } from './log';
import { createReportIndex } from './report-index';
import { openReport, reportsDirOf, savePdf } from './reports';
import { createSettingsStore } from './settings';
import { createSecretStore } from './secrets';
import { createSyncService } from './sync';
import { createWebDavSetup } from './webdav-setup';
import type { ServiceHost, ServiceTable } from './types';

export type { ServiceHost, ServiceTable } from './types';
export { ServiceError } from './errors';

/** Only http and https links leave NetDesk, whatever the caller checked before. */
export function isWebLink(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol } = new URL(url);
  return protocol === 'http:' || protocol === 'https:';
}

export function createServices(host: ServiceHost): ServiceTable {
  const settings = createSettingsStore({ dataDir: host.dataDir, now: host.now, log: host.log });
  const reportsDir = async () => reportsDirOf(host.dataDir, (await settings.read()).settings.reportsDir);
  const syncFolder = async () => (await settings.read()).settings.syncFolder;
  const secrets = createSecretStore({ dataDir: host.dataDir, cipher: host.safeStorage });
  const webdav = async () => {
    const s = (await settings.read()).settings;
    if (s.syncVia !== 'webdav' || s.webdavUrl === '') return null;
    return { url: s.webdavUrl, user: s.webdavUser, pin: s.webdavPin, password: await secrets.get() };
  };
  const sync = createSyncService({ syncFolder, webdav, now: host.now, platform: host.platform });
  const setupWebDav = createWebDavSetup({ settings, secrets, log: host.log });
  const backup = createBackupService({ dataDir: host.dataDir, syncFolder, log: host.log, now: host.now });
  const issued = createReportIndex({ dataDir: host.dataDir, now: host.now });
  const logger = host.logger ?? createFileLogger({ dataDir: host.dataDir, now: host.now });

  return {
    'app:info': async () => ({
      name: host.appName,
      version: host.appVersion,
      mode: host.mode,
      platform: host.platform,
      dataDir: host.dataDir,
      dataDirWritable: await canWriteIn(host.dataDir),
      reportsDir: await reportsDir(),
    }),
    'settings:read': () => settings.read(),
    'settings:write': (patch) => settings.write(patch),
    'settings:chooseFolder': (req) => chooseFolder(host, settings, req),
    'pdf:save': async (req) => savePdf(host, await reportsDir(), req, issued),
    'pdf:font': createFontService(),
    'file:open': (req) => openReport(host, issued, req),
    'shell:openExternal': async ({ url }) => {
      if (!isWebLink(url)) throw new ServiceError('forbidden', '只能打开 http 或 https 链接');
      // eng-disable OPEN_EXTERNAL_JS_CHECK -- only http(s) links reach the browser: isWebLink() refused the rest just above
      await host.openExternal(url);
      return { opened: true };
    },
    'sync:exchange': (req) => sync.exchange(req),
    'sync:status': (req) => sync.status(req),
    'sync:webdav': (req) => setupWebDav(req),
    'backup:save': (req) => backup.save(req),
    'backup:list': () => backup.list(),
    'log:write': (entry) => {
      logger.write(entry, 'renderer');
      return Promise.resolve({ written: true as const });
    },
    // The machine and the log's last problems; never a path, a setting or a token.
    'diagnostics:read': () =>
      Promise.resolve({
        os: `${platform()} ${release()}`,
        arch: arch(),
        runtime: [
          `node ${process.versions.node}`,
          process.versions.electron && `electron ${process.versions.electron}`,
        ]
          .filter(Boolean)
          .join(', '),
        problems: logger.lastProblems(20),
      }),
  };
}

function run<C extends IpcChannel>(services: ServiceTable, channel: C, req: IpcParsedRequest<C>) {
  const service = services[channel] as (r: IpcParsedRequest<C>) => Promise<IpcResponses[C]>;
  return service(req);
}

/** Validate `raw` for `channel`, run its service, and report the outcome as data; never throws. */
export async function dispatch(
  services: ServiceTable,
  channel: string,
  raw: unknown,
): Promise<IpcResult<IpcChannel>> {
  if (!isIpcChannel(channel)) {
    return {
      ok: false,
      error: { code: 'bad-request', message: `unknown channel: ${String(channel).slice(0, 80)}` },
    };
  }
  const parsed = parseIpcRequest(channel, raw);
  if (!parsed.ok) return parsed;
  try {
    const value = await run(services, channel, parsed.value);
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: toIpcError(err) };
  }
}
