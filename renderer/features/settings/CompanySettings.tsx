// The company section of Settings: the company's name printed on every form's header, and the
// company's own rest days shown in a year's list beside the official holidays and adjusted
// working days (调休) from the working-day calendar, so the supervisor sees what the State Council
// already gives before adding a day. Both are ledger-wide settings, saved as synced records.
// Test ids: company-form, company-name, company-name-save, error-companyName, company-year,
// company-rest-date, company-rest-add, company-rest-error, company-day-row (data-date,
// data-kind), company-rest-remove-<date>, company-no-official (a year the package does not know).
import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { specialDaysOf, type SpecialDay } from '../../../shared/calendar/company-rest-days';
import { hasOfficialCalendar, officialCalendarYears } from '../../../shared/calendar/workdays';
import { LEDGER_SETTING_SCHEMAS } from '../../../shared/ledger-settings';
import { chinaDay, isoWeekday } from '../../../shared/time/china';
import { useLedger } from '../../app/ledger';
import { DayInput } from '../../components/DateInputs';
import { FormField } from '../../components/FormField';
import { handleFormKeys } from '../../components/form-keys';
import { describeError, zodIssueMessage } from '../../i18n/errors';
import { addRestDay, removeRestDay, saveCompanyName, useCompanySettings } from './data';

const companyFormSchema = z.object({ companyName: LEDGER_SETTING_SCHEMAS.companyName });
type CompanyForm = z.infer<typeof companyFormSchema>;

export function CompanySettings() {
  return (
    <div style={{ maxWidth: 720 }}>
      <CompanyNameCard />
      <RestDaysCard />
    </div>
  );
}

function CompanyNameCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ledger = useLedger();
  const { companyName } = useCompanySettings(ledger);
  const {
    control,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<CompanyForm>({
    resolver: zodResolver(companyFormSchema, { error: zodIssueMessage }),
    defaultValues: { companyName },
  });

  // The name arrives after the ledger answers (or from another PC); keep an edit in progress.
  useEffect(() => {
    if (!isDirty) reset({ companyName });
  }, [companyName, isDirty, reset]);

  const onSubmit = async (values: CompanyForm) => {
    try {
      await saveCompanyName(ledger, values.companyName);
      reset(values);
      void message.success(t('settings.company.nameSaved'));
    } catch (err) {
      void message.error(t('settings.saveFailed', { detail: describeError(err, t) }));
    }
  };

  return (
    <Card title={t('settings.company.nameTitle')} style={{ marginBottom: 16 }}>
      <form
        onSubmit={(e) => void handleSubmit(onSubmit)(e)}
        onKeyDown={handleFormKeys}
        noValidate
        data-testid="company-form"
      >
        <Form layout="vertical" component={false}>
          <FormField
            name="companyName"
            label={t('settings.company.name')}
            error={errors.companyName}
            help={t('settings.company.nameHelp')}
          >
            <Controller
              control={control}
              name="companyName"
              render={({ field }) => <Input {...field} id="field-companyName" data-testid="company-name" />}
            />
          </FormField>
          <Button type="primary" htmlType="submit" loading={isSubmitting} data-testid="company-name-save">
            {t('settings.company.nameSave')}
          </Button>
        </Form>
      </form>
    </Card>
  );
}

function RestDaysCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ledger = useLedger();
  const { companyRestDays } = useCompanySettings(ledger);
  const thisYear = Number(chinaDay(new Date()).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [day, setDay] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);

  const years = useMemo(() => {
    const known = officialCalendarYears();
    const from = Math.min(known[0] ?? thisYear, thisYear - 1);
    const to = Math.max(known[known.length - 1] ?? thisYear, thisYear + 1);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }, [thisYear]);
  const rows = useMemo(() => specialDaysOf(year, companyRestDays), [year, companyRestDays]);

  const add = async () => {
    try {
      const edit = await addRestDay(ledger, day);
      if (!edit.ok) {
        setRefusal(t(`settings.company.refused.${edit.reason}`, { day }));
        return;
      }
      setRefusal(null);
      setDay('');
      // Show the year the day was added to, so the supervisor sees it land.
      setYear(Number(day.slice(0, 4)));
      void message.success(t('settings.company.restAdded', { day }));
    } catch (err) {
      void message.error(t('settings.saveFailed', { detail: describeError(err, t) }));
    }
  };

  const remove = async (date: string) => {
    try {
      await removeRestDay(ledger, date);
      void message.success(t('settings.company.restRemoved', { day: date }));
    } catch (err) {
      void message.error(t('settings.saveFailed', { detail: describeError(err, t) }));
    }
  };

  const kindTag = (row: SpecialDay) => {
    if (row.kind === 'holiday')
      return <Tag color="red">{t('settings.company.kinds.holiday', { name: row.holiday })}</Tag>;
    if (row.kind === 'adjusted-working-day')
      return <Tag color="orange">{t('settings.company.kinds.adjusted', { name: row.holiday })}</Tag>;
    return <Tag color="blue">{t('settings.company.kinds.company')}</Tag>;
  };

  return (
    <Card title={t('settings.company.restTitle')}>
      <Typography.Paragraph type="secondary">{t('settings.company.restHelp')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 8 }}>
        <DayInput
          testId="company-rest-date"
          title={t('settings.company.restDate')}
          placeholder={t('settings.company.restDate')}
          value={day}
          onChange={(value) => {
            setDay(value);
            setRefusal(null);
          }}
          width={160}
        />
        <Button data-testid="company-rest-add" disabled={!day} onClick={() => void add()}>
          {t('settings.company.restAdd')}
        </Button>
      </Space>
      {refusal && (
        <Typography.Paragraph type="danger" data-testid="company-rest-error" role="alert">
          {refusal}
        </Typography.Paragraph>
      )}
      <Space style={{ margin: '8px 0' }}>
        <span>{t('settings.company.year')}</span>
        <Select
          data-testid="company-year"
          showSearch
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: String(y) }))}
          style={{ width: 100 }}
        />
      </Space>
      {!hasOfficialCalendar(year) && (
        <Typography.Paragraph type="warning" data-testid="company-no-official">
          {t('settings.company.noOfficial', { year })}
        </Typography.Paragraph>
      )}
      <Table<SpecialDay>
        size="small"
        rowKey="date"
        pagination={false}
        dataSource={rows}
        scroll={{ y: 360 }}
        onRow={(row) =>
          ({
            'data-testid': 'company-day-row',
            'data-date': row.date,
            'data-kind': row.kind,
          }) as HTMLAttributes<HTMLElement>
        }
        locale={{ emptyText: t('settings.company.noDays') }}
        columns={[
          { key: 'date', title: t('settings.company.date'), dataIndex: 'date', width: 120 },
          {
            key: 'weekday',
            title: t('settings.company.weekday'),
            width: 80,
            render: (_, row) => t(`settings.company.weekdays.${isoWeekday(row.date)}`),
          },
          { key: 'kind', title: t('settings.company.kind'), render: (_, row) => kindTag(row) },
          {
            key: 'action',
            title: '',
            width: 90,
            render: (_, row) =>
              row.kind === 'company-rest-day' && (
                <Popconfirm
                  title={t('settings.company.removeConfirm', { day: row.date })}
                  onConfirm={() => void remove(row.date)}
                >
                  <Button size="small" danger data-testid={`company-rest-remove-${row.date}`}>
                    {t('settings.company.restRemove')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}
