// `netdesk verify --folder DIR`: check a sync folder and list bad, partial and foreign files.
// Reads only; never changes the folder. Exit 0 when every file is whole and NetDesk's,
// 1 when there is anything to report, 2 for usage errors.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { nodeFs, type SyncFs } from '../sync/fs';
import { verifyFolder } from '../sync/verify-folder';
import type { CliIo } from './netdesk';

const KIND_TEXT = { bad: '损坏 bad', partial: '不完整 partial', foreign: '外来 foreign' } as const;

export async function verifyCommand(argv: string[], io: CliIo, fs: SyncFs = nodeFs): Promise<number> {
  let folder: string | undefined;
  let json = false;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: { folder: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    if (positionals.length > 0) throw new Error(`unexpected argument: ${positionals[0]}`);
    folder = values.folder;
    json = values.json;
  } catch (err) {
    io.stderr(
      `${err instanceof Error ? err.message : String(err)}\n用法 / usage: netdesk verify --folder DIR [--json]\n`,
    );
    return 2;
  }
  if (!folder) {
    io.stderr('缺少 --folder / missing --folder\n用法 / usage: netdesk verify --folder DIR [--json]\n');
    return 2;
  }
  const dir = resolve(io.cwd, folder);
  try {
    const check = await verifyFolder(fs, dir);
    if (json) io.stdout(`${JSON.stringify(check, null, 2)}\n`);
    else {
      io.stdout(
        `同步文件夹 / sync folder ${dir}: 根 root ${check.rootId ?? '—'}, 完好 good files ${check.good}\n`,
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
