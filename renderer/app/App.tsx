// The application shell: antd theme and locale following the UI language, the left navigation,
// the header (operator, language switch), the settings warning banner and the current screen.
// Test ids: nav-<route> (each navigation item), language-switch (the header's switch, with
// options language-zh-CN / language-en), settings-problem (the damaged-settings banner).
import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, ConfigProvider, Layout, Menu, Segmented, Spin, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getNetdesk } from '../api/netdesk';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import { GlobalSearch } from '../features/search/GlobalSearch';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { SyncProvider } from '../features/sync/SyncProvider';
import { applyLanguage } from '../i18n';
import { describeError } from '../i18n/errors';
import { useSettingsStore } from '../store/settings';
import { FEATURES, featureOf } from '../features/manifest';
import { useUiStore, type Route } from '../store/ui';
import type { Language } from '../../shared/settings';
import { ErrorBoundary } from './ErrorBoundary';
import { firstRunDone } from '../features/setup/first-run-flag';
import { LedgerGate, LedgerProvider, useOpenLedger } from './ledger';
import { markStart } from './marks';

// Ant Design's styles come from its prebuilt stylesheet (imported in main.tsx) instead of being
// generated in JavaScript while the first screen renders: that generation was most of a cold start.
const THEME = { zeroRuntime: true } as const;

export function App() {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  useEffect(() => {
    dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  }, [language]);

  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={THEME}>
      <AntApp>
        <LedgerProvider>
          <SyncProvider>
            <Shell />
          </SyncProvider>
        </LedgerProvider>
      </AntApp>
    </ConfigProvider>
  );
}

// The navigation folds to its icons so a 1024-px window has room for a list's columns. The
// choice is remembered in this window's storage; until one is made, narrow windows start folded.
const SIDER_KEY = 'netdesk.siderCollapsed';
const SIDER_FOLD_BELOW_PX = 1200;

function initialSiderCollapsed(): boolean {
  try {
    const kept = globalThis.localStorage?.getItem(SIDER_KEY);
    if (kept === 'true' || kept === 'false') return kept === 'true';
  } catch {
    // Storage refused (private mode): fall back to the window's width.
  }
  return typeof window !== 'undefined' && window.innerWidth < SIDER_FOLD_BELOW_PX;
}

function Shell() {
  const { t } = useTranslation();
  const route = useUiStore((s) => s.route);
  const navigate = useUiStore((s) => s.navigate);
  const [collapsed, setCollapsed] = useState(initialSiderCollapsed);
  useEffect(() => {
    markStart('frame');
  }, []);
  const fold = (value: boolean) => {
    setCollapsed(value);
    try {
      globalThis.localStorage?.setItem(SIDER_KEY, String(value));
    } catch {
      // Not remembered; the fold still applies in this window.
    }
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        width={188}
        collapsedWidth={64}
        collapsible
        collapsed={collapsed}
        onCollapse={fold}
        trigger={
          <span data-testid="sider-toggle" aria-label={collapsed ? t('app.expandNav') : t('app.collapseNav')}>
            {collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
          </span>
        }
        theme="light"
        data-testid="sider"
        style={{ borderRight: '1px solid rgba(5, 5, 5, 0.06)' }}
      >
        <div
          style={{
            padding: collapsed ? '16px 8px 8px' : '16px 20px 8px',
            textAlign: collapsed ? 'center' : 'left',
          }}
        >
          <Typography.Title level={4} style={{ margin: 0 }} ellipsis>
            {collapsed ? t('app.titleShort') : t('app.title')}
          </Typography.Title>
          {!collapsed && <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>}
        </div>
        <Menu
          mode="inline"
          selectedKeys={[route]}
          onClick={({ key }) => navigate(key as Route)}
          items={FEATURES.map(({ route: r, icon: Icon }) => ({
            key: r,
            icon: <Icon />,
            label: <span data-testid={`nav-${r}`}>{t(`nav.${r}`)}</span>,
          }))}
          style={{ borderInlineEnd: 'none' }}
        />
      </Layout.Sider>
      <Layout style={{ minWidth: 0 }}>
        <Header />
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <SettingsBanner />
          <DataFolderBanner />
          <FirstRun />
          <ErrorBoundary key={route}>
            <Screen route={route} />
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

// The placeholder loads when first opened, like every screen but the dashboard (the manifest's
// screens are lazy): a cold start parses only what the dashboard needs.
const PlaceholderScreen = lazy(() =>
  import('../features/placeholder/PlaceholderScreen').then((m) => ({ default: m.PlaceholderScreen })),
);

// The first-run setup loads only while it may be needed: an empty ledger, never set up here.
const FirstRunSetup = lazy(() =>
  import('../features/setup/FirstRunSetup').then((m) => ({ default: m.FirstRunSetup })),
);

function FirstRun() {
  const ledger = useOpenLedger();
  const settingsLoaded = useSettingsStore((s) => s.loaded);
  const [wanted] = useState(() => !firstRunDone());
  if (!wanted || !ledger || !settingsLoaded) return null;
  return (
    <Suspense fallback={null}>
      <FirstRunSetup db={ledger.db} repo={ledger.repo} />
    </Suspense>
  );
}

function Screen({ route }: { route: Route }) {
  return (
    <Suspense fallback={<Spin style={{ display: 'block', marginTop: 48 }} />}>
      {/* The dashboard draws its counts before the ledger is open and gates the rest itself. */}
      {route === 'dashboard' ? (
        <DashboardScreen />
      ) : (
        <LedgerGate>
          <RouteScreen route={route} />
        </LedgerGate>
      )}
    </Suspense>
  );
}

function RouteScreen({ route }: { route: Route }) {
  const Screen = featureOf(route).screen;
  return Screen ? <Screen /> : <PlaceholderScreen route={route} />;
}

function Header() {
  const { t } = useTranslation();
  const operatorName = useSettingsStore((s) => s.settings.operatorName);
  const pcCode = useSettingsStore((s) => s.settings.pcCode);
  return (
    <Layout.Header
      style={{
        background: 'transparent',
        display: 'flex',
        justifyContent: 'flex-end',
        alignItems: 'center',
        gap: 16,
        paddingInline: 24,
        borderBottom: '1px solid rgba(5, 5, 5, 0.06)',
      }}
    >
      <GlobalSearch />
      <Typography.Text type="secondary" data-testid="header-pc">
        {t('app.pcCode', { code: pcCode })}
      </Typography.Text>
      <Typography.Text type="secondary" data-testid="header-operator">
        {operatorName ? t('app.operator', { name: operatorName }) : t('app.operatorUnset')}
      </Typography.Text>
      <SyncIndicator />
      <LanguageSwitch />
    </Layout.Header>
  );
}

/** Switches the UI at once and saves the choice in this PC's settings. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const save = useSettingsStore((s) => s.save);
  const value: Language = i18n.language === 'en' ? 'en' : 'zh-CN';

  const change = async (language: Language) => {
    await applyLanguage(language);
    try {
      await save(getNetdesk(), { language });
    } catch (err) {
      void message.warning(t('app.languageSaveFailed', { detail: describeError(err, t) }));
    }
  };

  return (
    <Segmented<Language>
      data-testid="language-switch"
      aria-label={t('app.language')}
      value={value}
      onChange={(language) => void change(language)}
      options={(['zh-CN', 'en'] as const).map((lang) => ({
        value: lang,
        label: <span data-testid={`language-${lang}`}>{t(`app.languageNames.${lang}`)}</span>,
      }))}
    />
  );
}

// A data folder NetDesk cannot write in (a read-only drive, no write rights): said at once, with
// what still works, rather than at the first backup or PDF that fails.
function DataFolderBanner() {
  const { t } = useTranslation();
  const info = useSettingsStore((s) => s.appInfo);
  if (!info || info.dataDirWritable !== false) return null;
  return (
    <Alert
      data-testid="data-folder-read-only"
      type="warning"
      showIcon
      closable
      style={{ marginBottom: 16 }}
      title={t('app.dataDirReadOnly')}
      description={t('app.dataDirReadOnlyDetail', { dir: info.dataDir })}
    />
  );
}

function SettingsBanner() {
  const { t } = useTranslation();
  const problem = useSettingsStore((s) => s.problem);
  if (!problem) return null;
  return (
    <Alert
      data-testid="settings-problem"
      type="warning"
      showIcon
      closable
      style={{ marginBottom: 16 }}
      title={
        problem.kind === 'corrupt'
          ? t('app.settingsCorrupt')
          : t('app.settingsLoadFailed', { detail: problem.detail })
      }
      description={
        problem.kind === 'corrupt'
          ? t('app.settingsCorruptDetail', { path: problem.path, detail: problem.detail })
          : undefined
      }
    />
  );
}
