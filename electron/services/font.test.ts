import { describe, expect, it } from 'vitest';
import { fontCodepoints, FontFormatError } from '../../shared/pdf/font';
import { createServices, dispatch } from './index';
import { createFontService, defaultFontPath, openFontSubsetter, prepareFont, readFontFile } from './font';
import { makeTestHost } from '../../test/doubles/test-host';

const fullFont = await readFontFile();
const cardText = '维修申请卡 WX-2026-A-0001 部门负责人签字：';

const has = (cmap: ReadonlySet<number>, ch: string) => cmap.has(ch.codePointAt(0)!);

describe('the pdf:font service', () => {
  it('returns a TrueType font with exactly the characters asked for, plus ASCII', async () => {
    const service = createFontService({ loadFont: () => Promise.resolve(fullFont) });
    const { bytes, missing } = await service({ text: '维修申请卡' });
    expect(missing).toEqual([]);
    // A TrueType font, small enough to send over IPC for every print.
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(0)).toBe(0x00010000);
    expect(bytes.byteLength).toBeLessThan(40_000);
    const cmap = fontCodepoints(bytes);
    for (const ch of '维修申请卡AZaz09-~ :') expect(has(cmap, ch)).toBe(true);
    expect(has(cmap, '通')).toBe(false);
  });

  it('names the characters the font lacks with their code points', async () => {
    const service = createFontService({ loadFont: () => Promise.resolve(fullFont) });
    const { missing } = await service({ text: '已检查 ☑ 正常 ☑ 👍' });
    expect(missing).toEqual(['☑ (U+2611)', '👍 (U+1F44D)']);
  });

  it('reads and parses the full font once, however many prints follow', async () => {
    let loads = 0;
    const service = createFontService({
      loadFont: () => {
        loads++;
        return Promise.resolve(fullFont);
      },
    });
    await Promise.all([service({ text: '甲' }), service({ text: '乙' })]);
    for (let i = 0; i < 5; i++) await service({ text: `${cardText}${i}号` });
    // Re-parsing the 10 MB font costs ~45 ms a call: it is read and parsed once, then kept.
    expect(loads).toBe(1);
  });

  it('answers the same characters asked again from what it kept, in whatever order they come', async () => {
    const service = createFontService({ loadFont: () => Promise.resolve(fullFont) });
    const first = await service({ text: '维修申请卡 张伟' });
    const again = await service({ text: '张伟 卡请申修维' });
    expect(again).toBe(first);
    const other = await service({ text: '维修申请卡 李娜' });
    expect(other).not.toBe(first);
    expect(has(fontCodepoints(other.bytes), '娜')).toBe(true);
  });

  it('tries the font file again after a failed read', async () => {
    let calls = 0;
    const service = createFontService({
      loadFont: () =>
        ++calls === 1 ? Promise.reject(new Error('disk not ready')) : Promise.resolve(fullFont),
    });
    await expect(service({ text: '卡' })).rejects.toThrow('disk not ready');
    expect((await service({ text: '卡' })).missing).toEqual([]);
  });

  it('refuses a file that is not a TrueType font', async () => {
    const service = createFontService({
      loadFont: () => Promise.resolve(new TextEncoder().encode('%PDF-1.7')),
    });
    await expect(service({ text: '卡' })).rejects.toThrow(FontFormatError);
  });

  it('is reachable through dispatch with the bundled font, and refuses oversized text', async () => {
    const host = await makeTestHost();
    try {
      const services = createServices(host);
      const ok = await dispatch(services, 'pdf:font', { text: '维修申请卡' });
      expect(ok.ok && ok.value).toMatchObject({ missing: [] });
      const tooLong = await dispatch(services, 'pdf:font', { text: '卡'.repeat(200_001) });
      expect(tooLong.ok ? null : tooLong.error.code).toBe('bad-request');
      const wrongType = await dispatch(services, 'pdf:font', { text: 42 });
      expect(wrongType.ok ? null : wrongType.error.code).toBe('bad-request');
    } finally {
      await host.cleanup();
    }
  });
});

describe('prepareFont (the CLI)', () => {
  it('cuts the font to the text and lists what it cannot draw', async () => {
    const prepared = await prepareFont(fullFont, '通讯录☑');
    expect(prepared.missing).toEqual(['☑']);
    expect(prepared.subsetBytes).toBe(prepared.font.bytes.byteLength);
    expect(has(fontCodepoints(prepared.font.bytes), '录')).toBe(true);
  });

  it('a disposed subsetter refuses further work', async () => {
    const subsetter = await openFontSubsetter(fullFont);
    subsetter.dispose();
    expect(() => subsetter.subset('卡')).toThrow(/disposed/);
  });
});

describe('where the font comes from', () => {
  it('prefers the copy beside the installed app, else the dependency', async () => {
    const fs = await import('node:fs/promises');
    const os = await import('node:os');
    const path = await import('node:path');
    const join = (...parts: string[]) => path.join(...parts);
    const tmpdir = () => os.tmpdir();
    const resources = await fs.mkdtemp(join(tmpdir(), 'netdesk-resources-'));
    expect(defaultFontPath(resources)).toMatch(/node_modules.*NotoSansSC_400Regular\.ttf$/);
    await fs.mkdir(join(resources, 'fonts'));
    await fs.writeFile(join(resources, 'fonts', 'NotoSansSC_400Regular.ttf'), 'ttf');
    expect(defaultFontPath(resources)).toBe(join(resources, 'fonts', 'NotoSansSC_400Regular.ttf'));
  });
});
