// A scan picked on any screen (repair card, IM guarantee, training sign-in sheet) is read or
// refused the same way: a refused file gets one sentence in the UI language saying why, and its
// bytes are never read.
import i18next from 'i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import '../i18n';
import { readScanFile, SCAN_ACCEPT } from './scan-file';

const t = i18next.t;

function file(name: string, type: string, size: number) {
  const picked = new File([new Uint8Array(size)], name, { type });
  const read = vi.spyOn(picked, 'arrayBuffer');
  return { picked, read };
}

beforeAll(() => i18next.changeLanguage('zh-CN'));

describe('readScanFile', () => {
  it('reads a signed PDF into the scan to attach', async () => {
    const { picked } = file('维修卡-签字.pdf', 'application/pdf', 3);
    const result = await readScanFile(picked, t);
    expect(result).toEqual({
      scan: { bytes: new Uint8Array(3), name: '维修卡-签字.pdf', mime: 'application/pdf' },
    });
  });

  it('says in Chinese why a Word file or an empty scan is not attached, without reading it', async () => {
    const word = file(
      '保证书.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      10,
    );
    expect(await readScanFile(word.picked, t)).toEqual({
      refused: '扫描件只能是 PDF 或图片（PNG、JPEG、TIFF、WebP）。',
    });
    expect(word.read).not.toHaveBeenCalled();
    const empty = file('签到表.jpg', 'image/jpeg', 0);
    expect(await readScanFile(empty.picked, t)).toEqual({ refused: '这个文件是空的，请重新扫描。' });
  });

  it('names the size limit for a file too large, in the language chosen', async () => {
    const big = new File([], '签到表.tiff', { type: 'image/tiff' });
    Object.defineProperty(big, 'size', { value: 50 * 1024 * 1024 + 1 });
    expect(await readScanFile(big, t)).toEqual({ refused: '文件太大，扫描件最多 50 MB。' });
    await i18next.changeLanguage('en');
    expect(await readScanFile(big, t)).toEqual({
      refused: 'The file is too large: a scan may be 50 MB at most.',
    });
    await i18next.changeLanguage('zh-CN');
  });

  it('offers the same types in the file chooser', () => {
    expect(SCAN_ACCEPT.split(',')).toEqual([
      'application/pdf',
      'image/png',
      'image/jpeg',
      'image/tiff',
      'image/webp',
    ]);
  });
});
