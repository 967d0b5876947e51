// Small display helpers of the sync and backup screens.
import { format } from 'date-fns';

/** "2026-03-02 16:05" in this PC's time, or null for never. */
export function formatWhen(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : format(new Date(ms), 'yyyy-MM-dd HH:mm');
}

/** 1.2 MB, 340 KB, 12 B. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
