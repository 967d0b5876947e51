// Errors a NetDesk service throws on purpose. Each carries the IpcError code the renderer
// translates; anything else that escapes a service is reported as 'failed'.
import type { IpcError } from '../../shared/ipc';

export class ServiceError extends Error {
  constructor(
    readonly code: IpcError['code'],
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/**
 * What a supervisor can do about a file-system failure, in words instead of `ENOSPC: no space left
 * on device, write`. Every writer removes its own half-written file, so each says nothing was saved.
 */
const FILE_SYSTEM_MESSAGES: Record<string, string> = {
  ENOSPC: '磁盘空间已满，文件没有保存。请腾出磁盘空间后再试。',
  EDQUOT: '磁盘配额已用完，文件没有保存。请腾出空间后再试。',
  EROFS: '这个位置是只读的（例如写保护的 U 盘或只读共享），文件没有保存。请换一个文件夹。',
  EACCES: '没有写入这个位置的权限，文件没有保存。请换一个文件夹，或请管理员开放权限。',
  EPERM: '没有写入这个位置的权限，文件没有保存。请换一个文件夹，或请管理员开放权限。',
};

/** The clear message for a file-system error code, or undefined for any other error. */
export function fileSystemMessage(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? FILE_SYSTEM_MESSAGES[code] : undefined;
}

/** Turn whatever a service threw into the data that crosses the process boundary. */
export function toIpcError(err: unknown): IpcError {
  if (err instanceof ServiceError) return { code: err.code, message: err.message };
  const clear = fileSystemMessage(err);
  if (clear) return { code: 'failed', message: clear };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'failed', message: message || '操作失败' };
}
