import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createServices } from '../services/index';
import { makeTestHost, type TestHost } from '../../test/doubles/test-host';

vi.mock('electron', () => import('../../test/doubles/fake-electron'));

const { Menu, resetFakeElectron } = await import('../../test/doubles/fake-electron');
const { applyAppMenu, buildMenuTemplate, followLanguageChanges } = await import('./menu');

const actions = {
  openReportsFolder: vi.fn(),
  openDataFolder: vi.fn(),
  showAbout: vi.fn(),
  openShowroom: vi.fn(),
  closeShowroom: vi.fn(),
};

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [
    ...(i.label ? [i.label] : []),
    ...(Array.isArray(i.submenu) ? labels(i.submenu) : []),
  ]);
}

describe('the application menu', () => {
  it('speaks Chinese by default and English when chosen', () => {
    const zh = labels(buildMenuTemplate('zh-CN', actions, { developer: false }));
    const en = labels(buildMenuTemplate('en', actions, { developer: false }));
    expect(zh).toContain('文件(&F)');
    expect(zh).toContain('打开报表文件夹');
    expect(en).toContain('&File');
    expect(en).toContain('Open Reports Folder');
    expect(en.join()).not.toMatch(/[\u4e00-\u9fff]/);
    expect(zh).toHaveLength(en.length);
  });

  it('offers developer tools only while developing', () => {
    const roles = (developer: boolean) =>
      JSON.stringify(buildMenuTemplate('en', actions, { developer }).map((m) => m.submenu));
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).not.toContain('toggleDevTools');
  });

  it('opens the reports folder from the File menu', () => {
    const file = buildMenuTemplate('zh-CN', actions, { developer: false })[0]!;
    const item = (file.submenu as MenuItemConstructorOptions[]).find((i) => i.label === '打开报表文件夹');
    (item?.click as () => void)();
    expect(actions.openReportsFolder).toHaveBeenCalledOnce();
  });

  it('opens the showroom display from the Window menu, on a monitor picked there', () => {
    const displays = [
      { id: 1, width: 1920, height: 1080, primary: true },
      { id: 7, width: 1280, height: 1024, primary: false },
    ];
    const window = buildMenuTemplate('zh-CN', actions, { developer: false, displays })[3]!;
    const items = window.submenu as MenuItemConstructorOptions[];
    (items.find((i) => i.label === '展厅显示')?.click as () => void)();
    expect(actions.openShowroom).toHaveBeenLastCalledWith();
    const on = items.find((i) => i.label === '展厅显示放在')?.submenu as MenuItemConstructorOptions[];
    expect(on.map((i) => i.label)).toEqual(['显示器 1 (1920×1080, 主屏)', '显示器 2 (1280×1024)']);
    (on[1]?.click as () => void)();
    expect(actions.openShowroom).toHaveBeenLastCalledWith(7);
    (items.find((i) => i.label === '关闭展厅显示')?.click as () => void)();
    expect(actions.closeShowroom).toHaveBeenCalledOnce();
  });
});

describe('following the language setting', () => {
  let host: TestHost;
  beforeEach(async () => {
    resetFakeElectron();
    host = await makeTestHost();
  });
  afterEach(() => host.cleanup());

  it('rebuilds the menu in English after Settings switch to English', async () => {
    const services = followLanguageChanges(createServices(host), (language) =>
      applyAppMenu(language, actions, { developer: false }),
    );
    await services['settings:write']({ language: 'en' });
    const current = Menu.current as { template: MenuItemConstructorOptions[] };
    expect(current.template[0]?.label).toBe('&File');
  });

  it('leaves the menu alone when another setting changes', async () => {
    const rebuilt = vi.fn();
    const services = followLanguageChanges(createServices(host), rebuilt);
    await services['settings:write']({ operatorName: '王工' });
    expect(rebuilt).not.toHaveBeenCalled();
  });
});
