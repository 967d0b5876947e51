import { describe, expect, it } from 'vitest';
import { checkPath, FileNameError, isReservedWindowsName, pathProblem, safeFileName } from './file-names';

describe('paths with NUL or control characters', () => {
  it('are refused with a message that names the character', () => {
    expect(() => checkPath('C:\\reports\0.pdf')).toThrow(FileNameError);
    expect(pathProblem('a\0b')).toMatch(/NUL/);
    expect(pathProblem('月报\n.pdf')).toMatch(/U\+000A/);
    expect(pathProblem('a\u001bb')).toMatch(/U\+001B/);
    expect(pathProblem('a\u0085b')).toMatch(/U\+0085/);
    expect(() => safeFileName('card\r.pdf')).toThrow(/control character/);
  });

  it('leave ordinary Chinese and English paths alone', () => {
    for (const p of [
      '\\\\fs01\\网管\\netdesk',
      'D:\\报表\\2026-10 月度考核.pdf',
      '/mnt/share/netdesk',
      '张伟 (2).pdf',
    ]) {
      expect(pathProblem(p)).toBeUndefined();
      expect(checkPath(p)).toBe(p);
    }
  });
});

describe('Windows device names', () => {
  it('are recognised with any case, extension, trailing dots or spaces', () => {
    for (const n of [
      'CON',
      'con.pdf',
      'Nul.txt',
      'COM1',
      'com9.tar.gz',
      'LPT3.pdf',
      'AUX .pdf',
      'PRN...',
      'COM¹.pdf',
    ]) {
      expect(isReservedWindowsName(n), n).toBe(true);
    }
    for (const n of ['CONSOLE.pdf', 'null.pdf', 'COM10.pdf', '张伟 CON.pdf', 'LPT.pdf']) {
      expect(isReservedWindowsName(n), n).toBe(false);
    }
  });

  it('are renamed so a file of that name can exist', () => {
    expect(safeFileName('CON.pdf')).toBe('CON_.pdf');
    expect(safeFileName('nul')).toBe('nul_');
    expect(safeFileName('COM1.2026.pdf')).toBe('COM1_.2026.pdf');
    expect(safeFileName('月报.pdf')).toBe('月报.pdf');
  });
});

describe('bidirectional controls', () => {
  it('are removed, so a name shows its real extension', () => {
    expect(safeFileName('report\u202Efdp.exe')).toBe('reportfdp.exe');
    expect(safeFileName('\u2066张伟\u2069.pdf')).toBe('张伟.pdf');
    expect(safeFileName('a\u200Fb.pdf')).toBe('ab.pdf');
  });

  it('and trailing dots and spaces go, as Windows would drop them', () => {
    expect(safeFileName('月报.pdf. . ')).toBe('月报.pdf');
  });
});
