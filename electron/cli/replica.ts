// `netdesk replica` and `netdesk verify`: the headless replica (a NetDesk ledger kept in a JSON
// file, syncing through a folder with the same engine as the app) and the sync folder check.
// Each sub-command is a plain function of (argv, io) returning an exit code, like netdesk.ts.
// Exit codes: 0 ok · 1 failure (sync not connected, folder problems) · 2 usage or bad input.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseBackup } from '../../shared/backup';
import { LEDGER_TABLES, type LedgerTable } from '../../shared/schemas';
import { syncOnce } from '../sync/engine';
import { FileLedger, ReplicaError } from '../sync/file-ledger';
import { SyncFolder } from '../sync/folder';
import { nodeFs, withTimeout, type SyncFs } from '../sync/fs';
import type { CliIo } from './netdesk';
import { openWebDav, refusePasswordArgument, WebDavUsageError, type WebDavCliDeps } from './webdav-target';

const EXIT_OK = 0;
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

export const REPLICA_USAGE = `用法 / Usage:
  netdesk replica --ledger FILE init --name NAME     新建副本账本 / create a replica ledger
  netdesk replica --ledger FILE import BACKUP        合并备份 / merge a backup file
  netdesk replica --ledger FILE put TABLE JSON       新建或按 id 修改 / create, or update by id
  netdesk replica --ledger FILE delete TABLE ID      删除（墓碑）/ delete (tombstone)
  netdesk replica --ledger FILE dump                 规范 JSON 输出 / print canonical JSON
  netdesk replica --ledger FILE sync --folder DIR [--init-folder] [--join] [--snapshot] [--json]
      与共享文件夹同步 / sync with a shared folder
  netdesk replica --ledger FILE sync --webdav URL [--user U] [--pin-cert SHA256] [同上选项 / same options]
      经 WebDAV 服务器同步（密码：环境变量 NETDESK_WEBDAV_PASSWORD 或标准输入）
      / sync through a WebDAV server (password: NETDESK_WEBDAV_PASSWORD or stdin, never an argument)
      --init-folder  文件夹没有同步根时新建 / make DIR a new sync root if it has none
      --join         接受不同的同步根 / accept a sync root other than the one synced before
      --snapshot     同时写快照 / also write a snapshot
  netdesk replica --ledger FILE status               本机同步状态 / this replica's sync state
`;

class UsageError extends Error {}

/** Shown when the message is for the terminal, not a stack trace. */
function fail(io: CliIo, err: unknown): number {
  if (err instanceof UsageError || err instanceof ReplicaError || err instanceof WebDavUsageError) {
    io.stderr(`${err.message}\n`);
    return EXIT_USAGE;
  }
  io.stderr(`失败 / failed: ${err instanceof Error ? err.message : String(err)}\n`);
  return EXIT_FAILURE;
}

function tableArg(value: string | undefined): LedgerTable {
  if (!value || !(LEDGER_TABLES as string[]).includes(value))
    throw new UsageError(
      `未知的表 / unknown table: ${value ?? '(none)'}\n表 / tables: ${LEDGER_TABLES.join(', ')}`,
    );
  return value as LedgerTable;
}

export interface ReplicaDeps extends WebDavCliDeps {
  fs?: SyncFs;
  now?: () => Date;
}

export async function replicaCommand(argv: string[], io: CliIo, deps: ReplicaDeps = {}): Promise<number> {
  const fs = deps.fs ?? nodeFs;
  const now = deps.now ?? (() => new Date());
  try {
    refusePasswordArgument(argv);
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
          ledger: { type: 'string' },
          name: { type: 'string' },
          folder: { type: 'string' },
          webdav: { type: 'string' },
          user: { type: 'string' },
          'pin-cert': { type: 'string' },
          'init-folder': { type: 'boolean', default: false },
          join: { type: 'boolean', default: false },
          snapshot: { type: 'boolean', default: false },
          json: { type: 'boolean', default: false },
          help: { type: 'boolean', short: 'h', default: false },
        },
      });
    } catch (err) {
      throw new UsageError(`${err instanceof Error ? err.message : String(err)}\n${REPLICA_USAGE}`);
    }
    const { values, positionals } = parsed;
    const [command, ...args] = positionals;
    if (values.help || !command) {
      io.stdout(REPLICA_USAGE);
      return values.help ? EXIT_OK : EXIT_USAGE;
    }
    if (!values.ledger) throw new UsageError(`缺少 --ledger / missing --ledger\n${REPLICA_USAGE}`);
    const ledgerPath = resolve(io.cwd, values.ledger);
    const expectArgs = (n: number) => {
      if (args.length !== n)
        throw new UsageError(`${command} 需要 ${n} 个参数 / needs ${n} argument(s)\n${REPLICA_USAGE}`);
    };

    switch (command) {
      case 'init': {
        expectArgs(0);
        if (!values.name?.trim()) throw new UsageError('缺少 --name / missing --name');
        const ledger = await FileLedger.create(fs, ledgerPath, values.name.trim(), now);
        io.stdout(`已新建副本账本 / created replica ledger ${ledgerPath} (node ${ledger.nodeId})\n`);
        return EXIT_OK;
      }
      case 'import': {
        expectArgs(1);
        const ledger = await FileLedger.open(fs, ledgerPath, now);
        const file = resolve(io.cwd, args[0]!);
        let text: string;
        try {
          text = await readFile(file, 'utf8');
        } catch (err) {
          throw new UsageError(`无法读取备份文件 / cannot read the backup file: ${file}\n${String(err)}`);
        }
        const backup = parseBackup(text);
        if (!backup.ok)
          throw new UsageError(
            `备份文件无效 / the backup file is not valid:\n${backup.problems.map((p) => `  - ${p}`).join('\n')}`,
          );
        const r = await ledger.importBackup(backup.backup);
        io.stdout(
          `已导入 / imported: ${r.added} 新 added, ${r.updated} 更新 updated, ${r.unchanged} 未变 unchanged, ` +
            `${r.attachments} 附件 attachments, ${r.fixedStamps} 修正时间戳 fixed stamps\n`,
        );
        for (const p of r.problems) io.stderr(`  - ${p}\n`);
        return EXIT_OK;
      }
      case 'put': {
        expectArgs(2);
        const table = tableArg(args[0]);
        let input: unknown;
        try {
          input = JSON.parse(args[1]!);
        } catch {
          throw new UsageError(`不是 JSON / not JSON: ${args[1]}`);
        }
        if (typeof input !== 'object' || input === null || Array.isArray(input))
          throw new UsageError('JSON 必须是一个对象 / JSON must be an object');
        const ledger = await FileLedger.open(fs, ledgerPath, now);
        const record = await ledger.put(table, input as Record<string, unknown>);
        io.stdout(`${record.id}\n`);
        return EXIT_OK;
      }
      case 'delete': {
        expectArgs(2);
        const table = tableArg(args[0]);
        const ledger = await FileLedger.open(fs, ledgerPath, now);
        await ledger.remove(table, args[1]!);
        io.stdout(`已删除 / deleted ${table} ${args[1]}\n`);
        return EXIT_OK;
      }
      case 'dump': {
        expectArgs(0);
        io.stdout((await FileLedger.open(fs, ledgerPath, now)).dump());
        return EXIT_OK;
      }
      case 'status': {
        expectArgs(0);
        const ledger = await FileLedger.open(fs, ledgerPath, now);
        const cursors = await ledger.readCursors();
        io.stdout(
          `${JSON.stringify(
            {
              nodeId: ledger.nodeId,
              name: ledger.name,
              rootId: cursors.rootId,
              lastSyncAt: cursors.lastSyncAt,
              waiting: (await ledger.lastSeq()) - cursors.written,
              conflicts: ledger.conflicts(),
              setAside: ledger
                .setAsideChanges()
                .map(({ from, reason, detail, since }) => ({ from, reason, detail, since })),
            },
            null,
            2,
          )}\n`,
        );
        return EXIT_OK;
      }
      case 'sync': {
        expectArgs(0);
        if (!values.folder === !values.webdav)
          throw new UsageError('需要 --folder 或 --webdav 之一 / give one of --folder or --webdav');
        const ledger = await FileLedger.open(fs, ledgerPath, now);
        // The server's sync folder is the root of the WebDAV address. Its requests carry their own
        // limits (connecting, then idle), so only the shared folder's calls get one of 30 s.
        const folder = values.webdav
          ? new SyncFolder(
              '/',
              await openWebDav(
                { webdav: values.webdav, user: values.user, pinCert: values['pin-cert'] },
                io,
                deps,
              ),
            )
          : new SyncFolder(resolve(io.cwd, values.folder!), withTimeout(fs, 30_000));
        const report = await syncOnce(ledger, folder, {
          name: ledger.name,
          now,
          initFolder: values['init-folder'],
          joinOtherRoot: values.join,
          forceSnapshot: values.snapshot,
        });
        await ledger.flush();
        const s = report.status;
        if (values.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
        else if (s.connected) {
          io.stdout(
            `已同步 / synced: 发出 published ${report.published}, 收到 applied ${report.applied}` +
              ` (未变 unchanged ${report.unchanged}), 冲突 conflicts ${s.conflicts}, 搁置 set aside ${s.setAside},` +
              ` 待发 waiting ${s.waiting}, 电脑 PCs ${s.peers.length}` +
              `${report.snapshotWritten ? `, 快照 snapshot ${report.snapshotWritten}` : ''}` +
              `${report.compacted ? `, 清理 compacted ${report.compacted}` : ''}${report.more ? ', 未完 more to read' : ''}\n`,
          );
        }
        for (const w of s.warnings) io.stderr(`警告 / warning: ${w}\n`);
        if (!s.connected) {
          io.stderr(`未连接 / not connected (${s.reason}): ${s.detail ?? ''}\n`);
          return EXIT_FAILURE;
        }
        return EXIT_OK;
      }
      default:
        throw new UsageError(`未知的 replica 命令 / unknown replica command: ${command}\n${REPLICA_USAGE}`);
    }
  } catch (err) {
    return fail(io, err);
  }
}
