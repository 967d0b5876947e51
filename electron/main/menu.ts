// NetDesk's application menu, in the language chosen in Settings (not the Windows display
// language, which is what Electron's built-in role labels would follow). Rebuilt when the
// language changes.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/settings';
import type { ServiceTable } from '../services/types';

const LABELS = {
  'zh-CN': {
    file: '文件(&F)',
    openReports: '打开报表文件夹',
    openData: '打开数据文件夹',
    quit: '退出',
    edit: '编辑(&E)',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图(&V)',
    reload: '重新加载',
    devTools: '开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullScreen: '全屏',
    window: '窗口(&W)',
    minimize: '最小化',
    close: '关闭窗口',
    showroom: '展厅显示',
    showroomOn: '展厅显示放在',
    showroomClose: '关闭展厅显示',
    monitor: '显示器',
    primary: '主屏',
    help: '帮助(&H)',
    about: '关于 NetDesk 网管工作台',
  },
  en: {
    file: '&File',
    openReports: 'Open Reports Folder',
    openData: 'Open Data Folder',
    quit: 'Quit',
    edit: '&Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: '&View',
    reload: 'Reload',
    devTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Full Screen',
    window: '&Window',
    minimize: 'Minimize',
    close: 'Close Window',
    showroom: 'Showroom Display',
    showroomOn: 'Showroom Display On',
    showroomClose: 'Close Showroom Display',
    monitor: 'Monitor',
    primary: 'primary',
    help: '&Help',
    about: 'About NetDesk',
  },
} as const satisfies Record<Language, Record<string, string>>;

export interface MenuActions {
  openReportsFolder: () => void;
  openDataFolder: () => void;
  showAbout: () => void;
  /** Open the showroom display on the remembered monitor, or on `displayId` (then remembered). */
  openShowroom: (displayId?: number) => void;
  closeShowroom: () => void;
}

/** A monitor as the showroom submenu lists it. */
export interface MenuDisplay {
  id: number;
  width: number;
  height: number;
  primary: boolean;
}

export function buildMenuTemplate(
  language: Language,
  actions: MenuActions,
  opts: { developer: boolean; displays?: readonly MenuDisplay[] },
): MenuItemConstructorOptions[] {
  const t = LABELS[language];
  // The showroom display on its monitor: the remembered one, or one picked here (then remembered).
  const showroomItems: MenuItemConstructorOptions[] = [
    { type: 'separator' },
    { label: t.showroom, click: () => actions.openShowroom() },
    {
      label: t.showroomOn,
      submenu: (opts.displays ?? []).map((d, i) => ({
        label: `${t.monitor} ${i + 1} (${d.width}×${d.height}${d.primary ? `, ${t.primary}` : ''})`,
        click: () => actions.openShowroom(d.id),
      })),
    },
    { label: t.showroomClose, click: actions.closeShowroom },
  ];
  return [
    {
      label: t.file,
      submenu: [
        { label: t.openReports, click: actions.openReportsFolder },
        { label: t.openData, click: actions.openDataFolder },
        { type: 'separator' },
        { label: t.quit, role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: t.edit,
      submenu: [
        { label: t.undo, role: 'undo' },
        { label: t.redo, role: 'redo' },
        { type: 'separator' },
        { label: t.cut, role: 'cut' },
        { label: t.copy, role: 'copy' },
        { label: t.paste, role: 'paste' },
        { label: t.selectAll, role: 'selectAll' },
      ],
    },
    {
      label: t.view,
      submenu: [
        { label: t.reload, role: 'reload' },
        ...(opts.developer ? [{ label: t.devTools, role: 'toggleDevTools' } as const] : []),
        { type: 'separator' },
        { label: t.resetZoom, role: 'resetZoom' },
        { label: t.zoomIn, role: 'zoomIn' },
        { label: t.zoomOut, role: 'zoomOut' },
        { type: 'separator' },
        { label: t.fullScreen, role: 'togglefullscreen' },
      ],
    },
    {
      label: t.window,
      submenu: [{ label: t.minimize, role: 'minimize' }, { label: t.close, role: 'close' }, ...showroomItems],
    },
    { label: t.help, submenu: [{ label: t.about, click: actions.showAbout }] },
  ];
}

/** Build the menu for `language` and make it the application menu. */
export function applyAppMenu(
  language: Language,
  actions: MenuActions,
  opts: { developer: boolean; displays?: readonly MenuDisplay[] },
): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(language, actions, opts)));
}

/** Wrap settings:write so that saving a new language in Settings rebuilds the menu in it. */
export function followLanguageChanges(
  services: ServiceTable,
  onLanguage: (language: Language) => void,
): ServiceTable {
  const write = services['settings:write'];
  return {
    ...services,
    'settings:write': async (patch) => {
      const saved = await write(patch);
      if (patch.language) onLanguage(saved.language);
      return saved;
    },
  };
}
