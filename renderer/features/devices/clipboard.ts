// Copy a device's admin secret on demand. navigator.clipboard.writeText works in browser mode
// (loopback is a secure context) and in the desktop app, whose session grants exactly one
// permission, 'clipboard-sanitized-write' (electron/main/security.ts); reading the clipboard
// stays refused. Nothing is copied unless the supervisor clicks "复制".
export async function copyText(text: string): Promise<void> {
  if (typeof navigator === 'undefined' || !navigator.clipboard) {
    throw new Error('clipboard not available');
  }
  await navigator.clipboard.writeText(text);
}
