// What a screen that is not built yet shows: what will live there (in the supervisor's terms) and
// what can usefully be done now, with buttons that go there. It says plainly that the part is not
// built; nothing on it pretends to work.
// Test ids: placeholder-<route> (the panel), placeholder-go-people, placeholder-go-dashboard,
// placeholder-go-settings.
import { Button, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUiStore, type Route } from '../../store/ui';
import { featureOf } from '../manifest';

const STEP_LABEL = {
  people: 'placeholder.goPeople',
  dashboard: 'placeholder.goDashboard',
  settings: 'placeholder.goSettings',
} as const;

export function PlaceholderScreen({ route }: { route: Route }) {
  const { t } = useTranslation();
  const navigate = useUiStore((s) => s.navigate);
  // Where an unbuilt screen sends the user meanwhile comes from the features manifest.
  const steps = featureOf(route).nextSteps;
  if (!steps) return null;
  return (
    <div data-testid={`placeholder-${route}`}>
      <Typography.Title level={3}>{t(`nav.${route}`)}</Typography.Title>
      <Result
        status="info"
        title={t('placeholder.notBuilt')}
        subTitle={
          <div style={{ maxWidth: 640, margin: '0 auto' }}>
            <Typography.Paragraph>{t(`placeholder.${route}.what`)}</Typography.Paragraph>
            <Typography.Paragraph strong>{t('placeholder.nowYouCan')}</Typography.Paragraph>
            <Typography.Paragraph>{t(`placeholder.${route}.now`)}</Typography.Paragraph>
          </div>
        }
        extra={
          <Space wrap>
            {steps.map((step, i) => (
              <Button
                key={step}
                type={i === 0 ? 'primary' : 'default'}
                onClick={() => navigate(step)}
                data-testid={`placeholder-go-${step}`}
              >
                {t(STEP_LABEL[step])}
              </Button>
            ))}
          </Space>
        }
      />
    </div>
  );
}
