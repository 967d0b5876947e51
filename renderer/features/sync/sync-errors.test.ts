// A sync failure reads in the user's language: the service's English detail (a Node error, a
// damaged file's reason) becomes a sentence in Chinese or English when it is a known problem,
// and an unknown one keeps its detail under a translated headline.
import { afterAll, describe, expect, it } from 'vitest';
import i18next from '../../i18n';
import { syncFailedLine, syncProblemText } from './sync-errors';

const CJK = /[\u3400-\u9fff]/;
afterAll(() => i18next.changeLanguage('zh-CN'));

const SEEN = [
  "EACCES: permission denied, open '\\\\fs01\\netdesk\\changes\\B-000042.ndjson'",
  "ENOENT: no such file or directory, scandir 'Z:\\netdesk'",
  'ENOSPC: no space left on device, write',
  'connect EHOSTUNREACH 10.0.0.5:445',
  'the shared folder timed out after 30000 ms',
  'snapshot S-2026.json skipped: content does not match its hash',
  'no end line (cut off or still being copied)',
];

describe('sync problems in the UI language', () => {
  it('turn every known detail into a Chinese sentence with no English left', async () => {
    await i18next.changeLanguage('zh-CN');
    for (const detail of SEEN) {
      const { known } = syncProblemText(detail);
      expect(known, detail).not.toBeNull();
      expect(known, detail).toMatch(CJK);
      expect(known?.replace('NetDesk', ''), detail).not.toMatch(/[a-z]{4,}/i);
      expect(syncFailedLine(detail)).toBe(`同步失败：${known}`);
    }
    expect(syncProblemText(SEEN[0]!).known).toBe(
      '没有权限读写共享文件夹，请检查这台电脑对该文件夹的访问权限。',
    );
  });

  it('read in English in the English UI', async () => {
    await i18next.changeLanguage('en');
    for (const detail of SEEN) expect(syncProblemText(detail).known, detail).not.toMatch(CJK);
    expect(syncFailedLine(SEEN[2]!)).toBe('Sync failed: The disk of the shared folder is full.');
  });

  it('keep an unknown detail, under a headline in the UI language', async () => {
    await i18next.changeLanguage('zh-CN');
    const odd = 'unexpected token < in JSON at position 0';
    expect(syncProblemText(odd)).toEqual({ known: null, detail: odd });
    expect(syncFailedLine(odd)).toBe(`同步失败：技术细节：${odd}`);
  });
});
