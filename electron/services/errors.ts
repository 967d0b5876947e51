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

/** Turn whatever a service threw into the data that crosses the process boundary. */
export function toIpcError(err: unknown): IpcError {
  if (err instanceof ServiceError) return { code: err.code, message: err.message };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'failed', message: message || '操作失败' };
}
