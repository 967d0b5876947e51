// The one check for every name and path a NetDesk door turns into a file: a PDF saved from the
// page, a report served back, a folder chosen for reports or sync, a path given to the CLI.
//   - NUL and other control characters are refused outright, with a message that says so: no
//     file system takes them, and a NUL cuts a path short in native code.
//   - Bidirectional controls (right-to-left override and the like) are removed from names: they
//     make "report‮fdp.exe" read as "reportexe.pdf" in a file list.
//   - Windows device names (CON, PRN, AUX, NUL, COM0–9, LPT0–9, also with an extension or
//     trailing dots and spaces, as Windows ignores those) get "_" after the base name, since
//     Windows opens the device instead of a file of that name.
// Pure TypeScript (shared/): the renderer, the services and the CLI use the same rule.

/** C0 controls, DEL and C1 controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is this rule's purpose
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** LRM, RLM, ALM, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI. */
const BIDI = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;
/** Device names Windows reserves in every folder; ¹²³ count as digits there too. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

export class FileNameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileNameError';
  }
}

/** Why a path or name cannot be used, in Chinese and English; undefined when it can. */
export function pathProblem(text: string): string | undefined {
  if (text.includes('\0'))
    return '路径中含有空字符 (NUL)，已拒绝。The path holds a NUL character and was refused.';
  const control = CONTROL.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return `路径中含有控制字符 (U+${code})，已拒绝。The path holds a control character (U+${code}) and was refused.`;
  }
  return undefined;
}

/** Throw FileNameError for a path with NUL or control characters; else return it unchanged. */
export function checkPath(text: string): string {
  const problem = pathProblem(text);
  if (problem) throw new FileNameError(problem);
  return text;
}

/** True when `name` (without folders) is one Windows keeps for a device. */
export function isReservedWindowsName(name: string): boolean {
  const base = name
    .replace(/[. ]+$/, '')
    .split('.')[0]!
    .trimEnd();
  return RESERVED.test(base);
}

/**
 * A file name (no folders) made safe: refused for control characters, bidi controls removed,
 * trailing dots and spaces removed (Windows drops them, so two names would collide), a device
 * name renamed ("CON.pdf" → "CON_.pdf").
 */
export function safeFileName(name: string): string {
  checkPath(name);
  let clean = name.replace(BIDI, '').replace(/[. ]+$/, '');
  if (isReservedWindowsName(clean)) {
    const dot = clean.indexOf('.');
    clean = dot === -1 ? `${clean}_` : `${clean.slice(0, dot)}_${clean.slice(dot)}`;
  }
  return clean;
}
