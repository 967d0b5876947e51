// Browser mode: NetDesk without the Electron binary. Serves the built renderer and the same Node
// services on 127.0.0.1, then opens them in an installed Chrome, Edge or Chromium as an app window.
// Run by the launcher (`npm start`) as `node --import tsx electron/browser/main.ts [flags]`.
//   --no-open              start the server only and print the address
//   --port N               listen on N instead of NETDESK_PORT or 47613
//   --print-url-file FILE  write a one-time launch URL into FILE (owner-only), for the e2e harness
//   --build                rebuild the renderer first even if out/renderer looks current
//   --sync-folder PATH     set the shared folder for sync ("" turns sync off): browser mode's
//                          way to choose it, since the page may never send a path
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkFolderPath } from '../services/folders';
import { createServices, dispatch, type ServiceHost } from '../services/index';
import { createFileLogger, logUnhandled } from '../services/log';
import { createReportIndex } from '../services/report-index';
import { createSettingsStore } from '../services/settings';
import { parseBrowserArgs, resolveDataDir, resolvePort } from './config';
import { handOverSignIn, writeLaunchUrlFile } from './launch';
import { openInDefaultBrowser } from './open-app';
import { startBrowserServer, type BrowserServer } from './server';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const rendererDir = join(projectRoot, 'out', 'renderer');
const say = (message: string): void => console.log(`[netdesk] ${message}`);

/** The renderer bundle is current when it exists and no renderer/shared source is newer. */
function rendererIsCurrent(): boolean {
  const index = join(rendererDir, 'index.html');
  if (!existsSync(index)) return false;
  const builtAt = statSync(index).mtimeMs;
  const newer = (dir: string): boolean =>
    existsSync(dir) &&
    readdirSync(dir, { withFileTypes: true }).some((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name !== 'node_modules' && newer(path);
      return !/\.test\.tsx?$/.test(entry.name) && statSync(path).mtimeMs > builtAt;
    });
  return !newer(join(projectRoot, 'renderer')) && !newer(join(projectRoot, 'shared'));
}

function buildRenderer(): void {
  say('正在构建界面… building the user interface (electron-vite build)…');
  const cli = join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status === 0) return;
  if (existsSync(join(rendererDir, 'index.html'))) {
    say('构建失败，继续使用上一次构建的界面。The build failed; using the previous build of the interface.');
    return;
  }
  say('构建失败，无法启动。The build failed and there is no earlier build to use.');
  process.exit(1);
}

function readPackage(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
    productName?: string;
    version?: string;
  };
  return { name: pkg.productName ?? 'NetDesk', version: pkg.version ?? '0.0.0' };
}

async function main(): Promise<void> {
  let args;
  let port: number;
  try {
    args = parseBrowserArgs(process.argv.slice(2));
    port = resolvePort(args.port, process.env);
  } catch (err) {
    say(err instanceof Error ? err.message : String(err));
    process.exit(2);
  }
  const dataDir = resolveDataDir(process.platform, process.env, homedir());
  await mkdir(dataDir, { recursive: true });

  if (args.build || !rendererIsCurrent()) buildRenderer();

  const pkg = readPackage();
  // The same log as the desktop app's, in the data folder; the page's entries come through log:write.
  const logger = createFileLogger({ dataDir });
  logUnhandled(logger);
  logger.write({ level: 'info', message: `NetDesk ${pkg.version} browser mode starting` }, 'server');
  const host: ServiceHost = {
    mode: 'browser',
    appName: pkg.name,
    appVersion: pkg.version,
    platform: process.platform,
    dataDir,
    documentsDir: join(homedir(), 'Documents'),
    now: () => new Date(),
    // No save dialog in a web page: PDFs go into the reports folder and open in a new tab from there.
    openPath: (absolutePath) =>
      Promise.resolve({ opened: true, url: `/files/${encodeURIComponent(basename(absolutePath))}` }),
    openExternal: async (url) => {
      if (!(await openInDefaultBrowser(url))) throw new Error(`could not open ${url}`);
    },
    log: (message) => {
      say(message);
      logger.write({ level: 'warn', message }, 'server');
    },
    logger,
  };
  const services = createServices(host);
  const issuedReports = createReportIndex({ dataDir });
  // The sync folder of browser mode is given here, in the terminal, never by the page.
  if (args.syncFolder !== undefined) {
    try {
      const folder = args.syncFolder.trim() === '' ? '' : checkFolderPath(args.syncFolder.trim());
      await createSettingsStore({ dataDir, now: () => new Date(), log: say }).write({ syncFolder: folder });
      say(folder ? `共享文件夹 / shared folder: ${folder}` : '已关闭文件夹同步 / folder sync turned off');
    } catch (err) {
      say(`--sync-folder: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(2);
    }
  }
  const callService = (channel: string, raw: unknown) => dispatch(services, channel, raw);

  let server: BrowserServer;
  try {
    server = await startBrowserServer({
      port,
      host: '127.0.0.1',
      rendererDir,
      dispatch: callService,
      warmBodyReader: true,
      // Only PDFs NetDesk issued (the services' index), never any file of the reports folder.
      findReport: (fileName) => issuedReports.find(fileName),
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      say(`端口 ${port} 已被占用：NetDesk 可能已经在运行，请切换到已打开的窗口。`);
      say(`Port ${port} is already in use: NetDesk is probably running already; use its open window.`);
      say('（如需换端口：npm start -- --port 端口号，但在新端口上看不到原来的数据。）');
      say('(Another port: npm start -- --port N; the records kept at the old port will not show there.)');
      process.exit(1);
    }
    throw err;
  }

  if (args.printUrlFile) await writeLaunchUrlFile(args.printUrlFile, server.launchUrl);
  say(`NetDesk 浏览器模式已启动 / browser mode is running at ${server.origin}`);
  say(`数据文件夹 / data folder: ${dataDir}`);
  // Never the token itself: only one-time codes, in the window's command line or printed.
  const stopListening = await handOverSignIn({
    launchUrl: server.launchUrl,
    open: args.open,
    window: { dataDir },
    log: say,
    input: process.stdin,
  });
  say('按 Ctrl+C 停止 / press Ctrl+C to stop.');

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: 正在停止 / stopping…`);
    stopListening();
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
