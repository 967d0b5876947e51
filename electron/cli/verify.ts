// `netdesk verify --folder DIR`: check a sync folder and list bad, partial and foreign files.
// `netdesk verify --webdav URL [--user U]`: the same check of a sync folder on a WebDAV server.
// `netdesk verify --backups DIR`: check a backups folder (<dataDir>/backups, or a shared folder's
// backups/) against NetDesk's index of verified backups, and count part-written ones.
// Reads only; never changes the folder. Exit 0 when every file is whole and NetDesk's,
// 1 when there is anything to report, 2 for usage errors.
import { resolve } from 'node:path';
import { checkBackupFolder } from '../services/backup';
import { parseArgs } from 'node:util';
import { nodeFs, type SyncFs } from '../sync/fs';
import { verifyFolder } from '../sync/verify-folder';
import type { CliIo } from './netdesk';
import { openWebDav, refusePasswordArgument, type WebDavCliDeps } from './webdav-target';

const KIND_TEXT = { bad: '损坏 bad', partial: '不完整 partial', foreign: '外来 foreign' } as const;

const USAGE_LINE =
  '用法 / usage: netdesk verify --folder DIR | --webdav URL [--user U] [--pin-cert SHA256] | --backups DIR [--json]\n';

export async function verifyCommand(
  argv: string[],
  io: CliIo,
  fs: SyncFs = nodeFs,
  deps: WebDavCliDeps = {},
): Promise<number> {
  let folder: string | undefined;
  let webdav: { webdav: string; user?: string; pinCert?: string } | undefined;
  let backups: string | undefined;
  let json = false;
  try {
    refusePasswordArgument(argv);
    const { values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        folder: { type: 'string' },
        webdav: { type: 'string' },
        user: { type: 'string' },
        'pin-cert': { type: 'string' },
        backups: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    if (positionals.length > 0) throw new Error(`unexpected argument: ${positionals[0]}`);
    folder = values.folder;
    if (values.webdav !== undefined)
      webdav = { webdav: values.webdav, user: values.user, pinCert: values['pin-cert'] };
    if (webdav && (folder !== undefined || values.backups !== undefined))
      throw new Error('--webdav 不能与 --folder 或 --backups 同用 / --webdav goes alone');
    backups = values.backups;
    json = values.json;
  } catch (err) {
    io.stderr(`${err instanceof Error ? err.message : String(err)}\n${USAGE_LINE}`);
    return 2;
  }
  if (webdav) {
    let server: SyncFs;
    try {
      // Each request bounded by the WebDavFs's own limits (connecting, then idle).
      server = await openWebDav(webdav, io, deps);
    } catch (err) {
      io.stderr(`${err instanceof Error ? err.message : String(err)}\n`);
      return 2;
    }
    return verifySyncFolder(server, '/', webdav.webdav, json, io);
  }
  if (backups !== undefined && folder === undefined) return verifyBackups(resolve(io.cwd, backups), json, io);
  if (!folder) {
    io.stderr(
      `缺少 --folder、--webdav 或 --backups / missing --folder, --webdav or --backups\n${USAGE_LINE}`,
    );
    return 2;
  }
  const dir = resolve(io.cwd, folder);
  return verifySyncFolder(fs, dir, dir, json, io);
}

async function verifySyncFolder(fs: SyncFs, dir: string, shown: string, json: boolean, io: CliIo) {
  try {
    const check = await verifyFolder(fs, dir);
    if (json) io.stdout(`${JSON.stringify(check, null, 2)}\n`);
    else {
      io.stdout(
        `同步文件夹 / sync folder ${shown}: 根 root ${check.rootId ?? '—'}, 完好 good files ${check.good}\n`,
      );
      for (const p of check.problems) io.stdout(`  ${KIND_TEXT[p.kind]}: ${p.path} — ${p.detail}\n`);
      io.stdout(
        check.problems.length === 0
          ? '没有问题 / no problems\n'
          : `问题 / problems: ${check.problems.length}\n`,
      );
    }
    return check.problems.length === 0 ? 0 : 1;
  } catch (err) {
    io.stderr(`失败 / failed: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

async function verifyBackups(dir: string, json: boolean, io: CliIo): Promise<number> {
  try {
    const check = await checkBackupFolder(dir, new Date());
    const abandoned = check.partials.filter((p) => p.abandoned).length;
    const problems = check.damaged.length + abandoned;
    if (json) io.stdout(`${JSON.stringify(check, null, 2)}\n`);
    else {
      io.stdout(`备份文件夹 / backups folder ${dir}: 已校验 verified ${check.good}\n`);
      for (const d of check.damaged) io.stdout(`  损坏 damaged: ${d.name} — ${d.detail}\n`);
      for (const p of check.partials)
        io.stdout(
          `  ${p.abandoned ? '遗弃的半成品 abandoned partial' : '正在写入 partial'}: ${p.name} (${p.size} B, ${p.ageHours} h)\n`,
        );
      if (check.unlisted.length)
        io.stdout(
          `  未登记（保留，不会自动删除）/ not in the index (kept, never removed): ${check.unlisted.length}\n`,
        );
      io.stdout(
        `半成品 / partial files: ${check.partials.length} (遗弃 abandoned ${abandoned})\n` +
          (problems === 0 ? '没有问题 / no problems\n' : `问题 / problems: ${problems}\n`),
      );
    }
    return problems === 0 ? 0 : 1;
  } catch (err) {
    io.stderr(`失败 / failed: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
