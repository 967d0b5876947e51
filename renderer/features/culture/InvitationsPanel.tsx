// 邀请投稿: the staff asked to write for the website, filtered by status — who, asked when, how it
// went, and the update the contribution became. "Mark published" opens the invitation with the
// article to pick; logging the invited person's article in the website form publishes it too.
// Test ids: invitations, invitation-filter (its options: invitation-filter-<status>),
// add-invitation, invitation-row (data-person, data-status, data-article), invitation-edit,
// invitation-publish, invitation-delete.
import { CheckCircleOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Segmented, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { isOpenInvitation } from '../../../shared/culture/invitations';
import { WEBSITE_INVITATION_STATUSES } from '../../../shared/schemas/records';
import type { WebsiteInvitation, WebsiteUpdate } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { RowAction } from '../../components/RowAction';
import { useDirectory } from '../../directory/directory';
import { formatTime } from '../../i18n/dates';
import { describeError } from '../../i18n/errors';
import { removeInvitation, useWebsiteInvitations } from './data';
import { InvitationForm, type InvitationEditing } from './InvitationForm';

const FILTERS = ['open', 'all', ...WEBSITE_INVITATION_STATUSES] as const;
type Filter = (typeof FILTERS)[number];
const STATUS_COLOR = {
  asked: 'blue',
  accepted: 'cyan',
  declined: 'default',
  published: 'green',
  lapsed: 'orange',
};

export function InvitationsPanel({ updates }: { updates: readonly WebsiteUpdate[] }) {
  const { t } = useTranslation();
  const { db, repo } = useLedger();
  const { message, modal } = App.useApp();
  const invitations = useWebsiteInvitations(db);
  const directory = useDirectory();
  const [filter, setFilter] = useState<Filter>('open');
  const [editing, setEditing] = useState<InvitationEditing | null>(null);
  const updateById = useMemo(() => new Map(updates.map((u) => [u.id, u])), [updates]);

  const shown = useMemo(
    () =>
      (invitations ?? []).filter((i) =>
        filter === 'all' ? true : filter === 'open' ? isOpenInvitation(i) : i.status === filter,
      ),
    [invitations, filter],
  );
  const personName = (id: string) => directory?.personById.get(id)?.name ?? '—';

  const remove = (i: WebsiteInvitation) =>
    modal.confirm({
      title: t('culture.invitations.deleteConfirm', { name: personName(i.personId) }),
      okButtonProps: { danger: true, 'data-testid': 'invitation-delete-confirm' },
      onOk: async () => {
        try {
          await removeInvitation(repo, i.id);
        } catch (err) {
          void message.error(describeError(err, t));
        }
      },
    });

  const columns: TableColumnsType<WebsiteInvitation> = [
    {
      title: t('culture.invitations.fields.person'),
      key: 'person',
      width: 140,
      render: (_, i) => {
        const person = directory?.personById.get(i.personId);
        const department = person?.departmentId
          ? directory?.departmentById.get(person.departmentId)?.name
          : '';
        return `${person?.name ?? '—'}${department ? ` · ${department}` : ''}`;
      },
    },
    {
      title: t('culture.invitations.fields.askedAt'),
      key: 'askedAt',
      width: 150,
      render: (_, i) => formatTime(i.askedAt),
    },
    {
      title: t('culture.invitations.fields.status'),
      key: 'status',
      width: 100,
      render: (_, i) => (
        <Tag color={STATUS_COLOR[i.status]}>{t(`culture.invitations.statuses.${i.status}`)}</Tag>
      ),
    },
    {
      title: t('culture.invitations.fields.article'),
      key: 'article',
      ellipsis: true,
      render: (_, i) =>
        i.websiteUpdateId
          ? (updateById.get(i.websiteUpdateId)?.title ?? t('culture.invitations.articleGone'))
          : '',
    },
    { title: t('culture.invitations.fields.note'), dataIndex: 'note', ellipsis: true },
    {
      key: 'actions',
      width: 110,
      render: (_, i) => (
        <Space size={0}>
          {isOpenInvitation(i) && (
            <RowAction
              icon={<CheckCircleOutlined />}
              label={t('culture.invitations.markPublished')}
              testId="invitation-publish"
              onClick={() => setEditing({ invitation: i, publish: true })}
            />
          )}
          <RowAction
            icon={<EditOutlined />}
            label={t('common.edit')}
            testId="invitation-edit"
            onClick={() => setEditing({ invitation: i })}
          />
          <RowAction
            icon={<DeleteOutlined />}
            label={t('common.delete')}
            testId="invitation-delete"
            danger
            onClick={() => remove(i)}
          />
        </Space>
      ),
    },
  ];

  return (
    <Card
      size="small"
      data-testid="invitations"
      title={t('culture.invitations.title')}
      style={{ marginTop: 16 }}
      extra={
        <Button
          icon={<PlusOutlined />}
          data-testid="add-invitation"
          disabled={!directory}
          onClick={() => setEditing({ invitation: null })}
        >
          {t('culture.invitations.add')}
        </Button>
      }
    >
      <Segmented<Filter>
        data-testid="invitation-filter"
        style={{ marginBottom: 12 }}
        value={filter}
        onChange={setFilter}
        options={FILTERS.map((f) => ({
          value: f,
          label: (
            <span data-testid={`invitation-filter-${f}`}>
              {f === 'open' || f === 'all'
                ? t(`culture.invitations.filters.${f}`)
                : t(`culture.invitations.statuses.${f}`)}
            </span>
          ),
        }))}
      />
      <Table<WebsiteInvitation>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={shown}
        loading={invitations === undefined}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('culture.invitations.empty') }}
        onRow={(i) =>
          ({
            'data-testid': 'invitation-row',
            'data-person': personName(i.personId),
            'data-status': i.status,
            'data-article': i.websiteUpdateId ? (updateById.get(i.websiteUpdateId)?.title ?? '') : '',
          }) as HTMLAttributes<HTMLElement>
        }
      />
      {directory && (
        <InvitationForm
          editing={editing}
          directory={directory}
          updates={updates}
          invitations={invitations ?? []}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
