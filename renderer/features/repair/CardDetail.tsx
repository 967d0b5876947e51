// One repair card (#/repairs/<id>), in a drawer over the list: the header with its number, status
// and 24-hour clock; who asked, for which device; the steps it went through as a timeline; the
// next steps the workflow allows (the expected one first and highlighted); the repair record; the
// scanned signed card (a wrong one removed, the removal kept in the history); print (also Ctrl+P);
// correcting the intake fields (更正登记信息) and deleting a card logged by mistake, with undo.
// Test ids: card-detail, card-detail-no, card-detail-status, card-detail-clock, card-detail-due,
// card-signature-pending, card-requester, card-department, card-device, card-description,
// action-<event type> (one per allowed step), card-actions, timeline, timeline-item (data-type),
// record-edit, record-view, attach-scan, attach-input, attachment (each; data-name),
// attachment-view, attachment-remove, attachment-remove-confirm, print-card, print-paper-a4 /
// print-paper-a5, print-go, print-missing, print-anyway, card-not-found, card-edit, card-delete,
// card-delete-confirm, card-delete-undo, timeline-correction (a correction's line; data-fields).
import {
  DeleteOutlined,
  EditOutlined,
  FileTextOutlined,
  PaperClipOutlined,
  PrinterOutlined,
} from '@ant-design/icons';
import {
  App,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Empty,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseScanRemovedNote } from '../../../shared/repair/attachment-notes';
import { parseCorrectionNote, type CorrectionChange } from '../../../shared/repair/corrections';
import { evaluateSla } from '../../../shared/repair/sla';
import { formatSlaMargin } from '../../../shared/repair/sla-margin';
import { allowedRepairEvents, expectedRepairEvent } from '../../../shared/repair/workflow';
import type { RepairCard, RepairEvent } from '../../../shared/schemas';
import { useLedger } from '../../app/ledger';
import { FileUpload } from '../../components/FileUpload';
import { useUiStore } from '../../store/ui';
import type { Directory } from '../../directory/directory';
import { CheckOrigin } from '../checks/CheckFollowUp';
import { CardEditForm } from './CardEditForm';
import {
  attachSignedCard,
  getCardTimeline,
  getRepairCard,
  removeRepairCard,
  removeSignedCard,
  restoreRepairCard,
} from './data';
import { EventActionForm, type ActionType } from './EventActionForm';
import { isPrintKey, PrintCardDialog } from './PrintCardDialog';
import { RepairRecordForm } from './RepairRecordForm';
import { repairErrorText } from './repair-errors';
import { deviceChoiceLabel } from '../../../shared/devices/choices';
import { formatTime } from './repair-format';
import { StatusTag } from './StatusTag';
import { readScanFile, SCAN_ACCEPT } from '../../components/scan-file';
import { useNow } from '../../components/use-now';
import { useAllDevices, useMarginLang, useRepairContext } from './use-repair';

/** Steps that record something beside the work and leave the status as it is. */
const SIDE_STEPS: ReadonlySet<string> = new Set(['head-signed', 'vendor-contact', 'note']);

export function CardDetail(props: { cardId: string; directory: Directory; onClose: () => void }) {
  const { t } = useTranslation();
  const { db } = useLedger();
  const card = useLiveQuery(async () => (await getRepairCard(db, props.cardId)) ?? null, [db, props.cardId]);
  const timeline = useLiveQuery(() => getCardTimeline(db, props.cardId), [db, props.cardId]);

  return (
    <Drawer
      open
      size={820}
      onClose={props.onClose}
      destroyOnHidden
      title={card ? card.cardNo : t('repair.title')}
      extra={
        <Button onClick={props.onClose} data-testid="card-detail-close">
          {t('repair.detail.close')}
        </Button>
      }
    >
      {card === undefined || timeline === undefined ? (
        <Spin />
      ) : card === null ? (
        <Empty data-testid="card-not-found" description={t('repair.detail.notFound')} />
      ) : (
        <CardBody card={card} timeline={timeline} directory={props.directory} onDeleted={props.onClose} />
      )}
    </Drawer>
  );
}

function CardBody({
  card,
  timeline,
  directory,
  onDeleted,
}: {
  card: RepairCard;
  timeline: RepairEvent[];
  directory: Directory;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const now = useNow(30_000);
  const lang = useMarginLang();
  const devices = useAllDevices();
  const [action, setAction] = useState<ActionType | null>(null);
  const [record, setRecord] = useState<{ focus?: 'suggestion' } | null>(null);
  const [printing, setPrinting] = useState(false);
  const [editing, setEditing] = useState(false);
  const confirmDelete = useDeleteCard(card, onDeleted);

  // Ctrl+P prints the open card (while no step or record form is on top of it).
  const formOpen = action !== null || record !== null || printing || editing;
  useEffect(() => {
    if (formOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (!isPrintKey(e)) return;
      e.preventDefault();
      setPrinting(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [formOpen]);

  // `now` ticks every 30 s; an event just recorded may be stamped after it, and the clock ignores
  // events after the moment it is asked about, so ask no earlier than the latest event.
  const latestEvent = timeline.reduce((t, e) => Math.max(t, Date.parse(e.at)), 0);
  const clock = evaluateSla(card.receivedAt, timeline, new Date(Math.max(now.getTime(), latestEvent)));
  const device = card.deviceId ? devices?.byId.get(card.deviceId) : undefined;
  const department = card.departmentId ? directory.departmentById.get(card.departmentId) : undefined;
  const requester = card.requesterId ? directory.personById.get(card.requesterId) : undefined;
  // Re-signing a card the head already signed says nothing new: the step is offered while pending.
  // The step the workflow expects next first and highlighted, its other steps, the side notes last.
  const expected = expectedRepairEvent(card.status, timeline);
  const rank = (e: ActionType) => (e === expected ? 0 : SIDE_STEPS.has(e) ? 2 : 1);
  const actions = allowedRepairEvents(card.status)
    .filter((e): e is ActionType => e !== 'received' && !(e === 'head-signed' && card.deptHeadSignedAt))
    .sort((a, b) => rank(a) - rank(b));

  const clockText = (() => {
    switch (clock.state) {
      case 'running':
      case 'overdue':
        return formatSlaMargin(clock.marginMs!, lang);
      case 'paused':
        return t('repair.clock.paused');
      case 'refused':
        return t('repair.clock.refused');
      case 'met':
        return t('repair.clock.met');
      case 'late':
        return t('repair.clock.late', { margin: formatSlaMargin(clock.marginMs!, lang) });
    }
  })();
  const clockColor =
    clock.state === 'overdue' || clock.state === 'late'
      ? 'red'
      : clock.state === 'met'
        ? 'green'
        : clock.state === 'running'
          ? 'blue'
          : 'default';

  return (
    <div data-testid="card-detail" data-card-no={card.cardNo} data-status={card.status}>
      <Space wrap align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="card-detail-no">
          {card.cardNo}
        </Typography.Title>
        <span data-testid="card-detail-status">
          <StatusTag status={card.status} />
        </span>
        <Tag color={clockColor} data-testid="card-detail-clock" data-state={clock.state}>
          {clockText}
        </Tag>
        {clock.dueAt && (
          <Typography.Text type="secondary" data-testid="card-detail-due">
            {t('repair.clock.due', { time: formatTime(clock.dueAt) })}
          </Typography.Text>
        )}
        {!card.deptHeadSignedAt && (
          <Tag color="orange" data-testid="card-signature-pending">
            {t('repair.signaturePending')}
          </Tag>
        )}
      </Space>

      <Descriptions size="small" bordered column={2}>
        <Descriptions.Item label={t('repair.fields.requester')}>
          <span data-testid="card-requester">
            {card.requesterName}
            {requester ? `（${requester.employeeNo}${requester.phone ? ` · ${requester.phone}` : ''}）` : ''}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('repair.fields.department')}>
          <span data-testid="card-department">{department?.name ?? t('common.none')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('repair.fields.device')} span={2}>
          <span data-testid="card-device">
            {device
              ? `${deviceChoiceLabel(device)}${device.location ? ` · ${device.location}` : ''}`
              : card.deviceTag || t('common.none')}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('repair.fields.faultCategory')}>
          {t(`repair.fault.${card.faultCategory}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('repair.fields.receivedAt')}>
          {formatTime(card.receivedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('repair.fields.description')} span={2}>
          <span data-testid="card-description" style={{ whiteSpace: 'pre-wrap' }}>
            {card.description}
          </span>
        </Descriptions.Item>
        {card.fromCheckId && (
          <Descriptions.Item label={t('checkFollowUp.fromCheck')} span={2}>
            <CheckOrigin checkId={card.fromCheckId} />
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('repair.fields.headSigned')} span={2}>
          {card.deptHeadSignedAt
            ? t('repair.signedOn', { time: formatTime(card.deptHeadSignedAt) })
            : t('repair.signaturePending')}
        </Descriptions.Item>
        {card.refusalCause && (
          <Descriptions.Item label={t('repair.detail.refusal')} span={2}>
            {t(`repair.refusalCause.${card.refusalCause}`)}：{card.refusalReason}
          </Descriptions.Item>
        )}
      </Descriptions>

      <Divider titlePlacement="start">{t('repair.detail.actions')}</Divider>
      {actions.length === 0 ? (
        <Typography.Text type="secondary">{t('repair.detail.noActions')}</Typography.Text>
      ) : (
        <Space wrap data-testid="card-actions">
          {actions.map((type) => (
            <Button
              key={type}
              type={type === expected ? 'primary' : 'default'}
              danger={type === 'refused' || type === 'approval-denied'}
              data-testid={`action-${type}`}
              onClick={() => setAction(type)}
            >
              {t(`repair.event.${type}`)}
            </Button>
          ))}
        </Space>
      )}
      <div style={{ marginTop: 12 }}>
        <Space wrap>
          <Button icon={<PrinterOutlined />} data-testid="print-card" onClick={() => setPrinting(true)}>
            {t('repair.detail.print')}
          </Button>
          <AttachButton card={card} />
          <Button icon={<EditOutlined />} data-testid="card-edit" onClick={() => setEditing(true)}>
            {t('repair.edit.button')}
          </Button>
          <Button danger icon={<DeleteOutlined />} data-testid="card-delete" onClick={confirmDelete}>
            {t('repair.remove.button')}
          </Button>
        </Space>
      </div>

      <Divider titlePlacement="start">{t('repair.detail.record')}</Divider>
      <RecordView card={card} onEdit={() => setRecord({})} />

      <Divider titlePlacement="start">{t('repair.detail.attachments')}</Divider>
      <Attachments card={card} />

      <Divider titlePlacement="start">{t('repair.detail.timeline')}</Divider>
      <Timeline
        data-testid="timeline"
        items={timeline.map((e) => ({
          key: e.id,
          color: eventColor(e.type),
          content: <EventLine event={e} />,
        }))}
      />

      {action && (
        <EventActionForm
          card={card}
          type={action}
          onClose={() => setAction(null)}
          onRecorded={(type) => {
            if (type === 'repaired') setRecord({});
            if (type === 'suggestion-given') setRecord({ focus: 'suggestion' });
          }}
        />
      )}
      {record && <RepairRecordForm card={card} focus={record.focus} onClose={() => setRecord(null)} />}
      {printing && <PrintCardDialog card={card} onClose={() => setPrinting(false)} />}
      {editing && devices && (
        <CardEditForm card={card} directory={directory} devices={devices} onClose={() => setEditing(false)} />
      )}
    </div>
  );
}

function eventColor(type: RepairEvent['type']): string {
  if (type === 'refused' || type === 'approval-denied') return 'red';
  if (type === 'repaired' || type === 'suggestion-given' || type === 'signed-off') return 'green';
  if (type === 'note' || type === 'vendor-contact' || type === 'head-signed') return 'gray';
  return 'blue';
}

/**
 * Delete the card after a confirmation, then offer undo for a few seconds: the card is a
 * tombstone until then (and after: its number is never given out again).
 */
function useDeleteCard(card: RepairCard, onDeleted: () => void): () => void {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const ctx = useRepairContext();
  const navigate = useUiStore((s) => s.navigate);
  return () => {
    modal.confirm({
      title: t('repair.remove.confirmTitle', { no: card.cardNo }),
      content: t('repair.remove.confirmBody'),
      okText: t('repair.remove.confirmOk'),
      okButtonProps: { danger: true, 'data-testid': 'card-delete-confirm' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await removeRepairCard(ctx, card.id);
        } catch (err) {
          void message.error(repairErrorText(err, t).message);
          return;
        }
        onDeleted();
        const key = `deleted-${card.id}`;
        const undo = async () => {
          message.destroy(key);
          try {
            await restoreRepairCard(ctx, card.id);
            void message.success(t('repair.remove.restored', { no: card.cardNo }));
            navigate('repairs', encodeURIComponent(card.id));
          } catch (err) {
            void message.error(repairErrorText(err, t).message);
          }
        };
        void message.open({
          key,
          type: 'success',
          duration: 8,
          content: (
            <span data-testid="card-deleted">
              {t('repair.remove.done', { no: card.cardNo })}{' '}
              <Button size="small" type="link" data-testid="card-delete-undo" onClick={() => void undo()}>
                {t('repair.remove.undo')}
              </Button>
            </span>
          ),
        });
      },
    });
  };
}

/** A corrected value as the timeline shows it: times and fault categories in the UI language. */
function correctionValue(change: CorrectionChange, value: string, t: (key: string) => string): string {
  if (value === '') return t('repair.correction.empty');
  if (change.field === 'receivedAt' || change.field === 'deptHeadSignedAt') return formatTime(value);
  if (change.field === 'faultCategory') return t(`repair.fault.${value}`);
  return value;
}

/** One step as a sentence: 2026-11-05 14:30 订配件 · 配件：内存条 8G — 王网管. */
function EventLine({ event: e }: { event: RepairEvent }) {
  const { t } = useTranslation();
  const removedScan = e.type === 'note' ? parseScanRemovedNote(e.note) : null;
  if (removedScan) {
    // 2026-11-05 14:30 删除扫描件 · 工资表.jpg — 王网管
    return (
      <div data-testid="timeline-item" data-type="scan-removed">
        <Typography.Text type="secondary">{formatTime(e.at)}</Typography.Text>{' '}
        <Typography.Text strong>{t('repair.scan.removedLabel')}</Typography.Text>
        <span> · {removedScan.name}</span>
        <Typography.Text type="secondary"> — {e.by || t('repair.detail.nobody')}</Typography.Text>
      </div>
    );
  }
  const corrected = e.type === 'note' ? parseCorrectionNote(e.note) : null;
  if (corrected) {
    // 2026-11-05 14:30 更正 · 故障描述：开机黑屏 → 开机蓝屏 — 王网管
    return (
      <div
        data-testid="timeline-item"
        data-type="correction"
        data-fields={corrected.map((c) => c.field).join(' ')}
      >
        <Typography.Text type="secondary">{formatTime(e.at)}</Typography.Text>{' '}
        <Typography.Text strong>{t('repair.correction.label')}</Typography.Text>
        <span data-testid="timeline-correction">
          {corrected.map((c) => (
            <span key={c.field}>
              {' · '}
              {t('repair.correction.change', {
                field: t(`repair.correction.fields.${c.field}`),
                from: correctionValue(c, c.from, t),
                to: correctionValue(c, c.to, t),
              })}
            </span>
          ))}
        </span>
        <Typography.Text type="secondary"> — {e.by || t('repair.detail.nobody')}</Typography.Text>
      </div>
    );
  }
  const details = [
    e.partName && t('repair.detail.eventPart', { part: e.partName }),
    e.vendor && t('repair.detail.eventVendor', { vendor: e.vendor }),
    e.approverRole &&
      t('repair.detail.eventApprover', {
        role: t(`repair.approverRole.${e.approverRole}`),
        name: e.approverName,
      }),
    e.note,
  ].filter(Boolean);
  return (
    <div data-testid="timeline-item" data-type={e.type}>
      <Typography.Text type="secondary">{formatTime(e.at)}</Typography.Text>{' '}
      <Typography.Text strong>{t(`repair.event.${e.type}`)}</Typography.Text>
      {details.length > 0 && <span> · {details.join(' · ')}</span>}
      <Typography.Text type="secondary"> — {e.by || t('repair.detail.nobody')}</Typography.Text>
    </div>
  );
}

function RecordView({ card, onEdit }: { card: RepairCard; onEdit: () => void }) {
  const { t } = useTranslation();
  const empty =
    !card.diagnosis &&
    !card.workDone &&
    !card.result &&
    !card.suggestion &&
    card.parts.length === 0 &&
    card.minutesSpent === null;
  return (
    <div data-testid="record-view">
      {empty ? (
        <Typography.Paragraph type="secondary">{t('repair.detail.noRecord')}</Typography.Paragraph>
      ) : (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 8 }}>
          {(['diagnosis', 'workDone', 'result', 'suggestion'] as const)
            .filter((k) => card[k])
            .map((k) => (
              <Descriptions.Item key={k} label={t(`repair.fields.${k}`)}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{card[k]}</span>
              </Descriptions.Item>
            ))}
          {card.minutesSpent !== null && (
            <Descriptions.Item label={t('repair.fields.minutesSpent')}>{card.minutesSpent}</Descriptions.Item>
          )}
          {card.parts.length > 0 && (
            <Descriptions.Item label={t('repair.fields.parts')}>
              <Table
                size="small"
                pagination={false}
                rowKey={(_, i) => String(i)}
                dataSource={card.parts}
                columns={[
                  { title: t('repair.fields.partName'), dataIndex: 'name' },
                  { title: t('repair.fields.partQuantity'), dataIndex: 'quantity', width: 70 },
                  { title: t('repair.fields.partCost'), dataIndex: 'cost', width: 100 },
                ]}
              />
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      <Button icon={<FileTextOutlined />} data-testid="record-edit" onClick={onEdit}>
        {t('repair.detail.editRecord')}
      </Button>
    </div>
  );
}

/** Pick the scanned signed card (image or PDF) and attach it; the same file twice is kept once. */
function AttachButton({ card }: { card: RepairCard }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ctx = useRepairContext();
  const [busy, setBusy] = useState(false);

  const attach = async (file: File) => {
    setBusy(true);
    try {
      const picked = await readScanFile(file, t);
      if ('refused' in picked) return void message.error(picked.refused);
      await attachSignedCard(ctx, card.id, picked.scan);
      void message.success(t('repair.detail.attached', { name: file.name }));
    } catch (err) {
      void message.error(repairErrorText(err, t).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <FileUpload accept={SCAN_ACCEPT} testId="attach-input" onFile={(file) => void attach(file)}>
        <Button icon={<PaperClipOutlined />} loading={busy} data-testid="attach-scan">
          {t('repair.detail.attach')}
        </Button>
      </FileUpload>
    </>
  );
}

function Attachments({ card }: { card: RepairCard }) {
  const { t } = useTranslation();
  const { db } = useLedger();
  const stored = useLiveQuery(
    async () => (await db.attachments.bulkGet(card.attachmentShas)).filter((a) => a !== undefined),
    [db, card.attachmentShas.join(',')],
  );
  const confirmRemove = useRemoveScan(card);
  if (!stored || stored.length === 0) {
    return <Typography.Paragraph type="secondary">{t('repair.detail.noAttachments')}</Typography.Paragraph>;
  }
  return (
    <Space wrap align="start">
      {stored.map((a) => (
        <AttachmentTile
          key={a.sha256}
          name={a.name}
          mime={a.mime}
          blob={a.blob}
          size={a.size}
          onRemove={() => confirmRemove(a)}
        />
      ))}
    </Space>
  );
}

/**
 * Take a wrongly uploaded scan off the card, after a confirmation naming the file; the card's
 * history keeps the removal (who, when, which file).
 */
function useRemoveScan(card: RepairCard): (scan: { sha256: string; name: string }) => void {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const ctx = useRepairContext();
  return (scan) => {
    modal.confirm({
      title: t('repair.scan.confirmTitle', { name: scan.name }),
      content: t('repair.scan.confirmBody'),
      okText: t('repair.scan.confirmOk'),
      okButtonProps: { danger: true, 'data-testid': 'attachment-remove-confirm' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await removeSignedCard(ctx, card.id, scan.sha256);
          void message.success(t('repair.scan.removed', { name: scan.name }));
        } catch (err) {
          void message.error(repairErrorText(err, t).message);
        }
      },
    });
  };
}

function AttachmentTile(props: {
  name: string;
  mime: string;
  blob: Blob;
  size: number;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  // One object URL per stored file, released when the tile goes.
  const url = useMemo(() => URL.createObjectURL(props.blob), [props.blob]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  const isImage = props.mime.startsWith('image/') && props.mime !== 'image/tiff';
  return (
    <div
      data-testid="attachment"
      data-name={props.name}
      style={{ border: '1px solid rgba(5,5,5,0.1)', borderRadius: 6, padding: 8, width: 180 }}
    >
      {isImage && url && (
        <img
          src={url}
          alt={props.name}
          style={{ width: '100%', height: 120, objectFit: 'contain', background: '#fafafa' }}
        />
      )}
      <Typography.Text ellipsis style={{ display: 'block' }} title={props.name}>
        {props.name}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {(props.size / 1024).toFixed(0)} KB
      </Typography.Text>{' '}
      <Button
        size="small"
        type="link"
        data-testid="attachment-view"
        disabled={!url}
        onClick={() => url && window.open(url, '_blank', 'noopener')}
      >
        {t('repair.detail.view')}
      </Button>
      <Button size="small" type="link" danger data-testid="attachment-remove" onClick={props.onRemove}>
        {t('repair.scan.remove')}
      </Button>
    </div>
  );
}
