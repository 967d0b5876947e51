// 打印资产标签: before the label sheet prints, which devices (the list on screen, or the ticked
// ones) and on what sheet — a preset (3 × 8, 3 × 7, 2 × 5, 4 × 10) or any columns × rows the
// layout fits, cut lines for plain paper, and the positions already used on a part-used first
// sheet. The sheet is remembered (label-sheet.ts); the used positions are asked each time.
// All from the keyboard: the sheet field has focus, Tab moves on, Enter prints, Esc closes.
// Test ids: labels-dialog, labels-which (labels-which-shown, labels-which-selected), labels-preset,
// labels-cols, labels-rows, labels-skip, labels-outline, labels-summary, labels-print, labels-cancel.
import { Button, Checkbox, Form, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import type { RefSelectProps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LABEL_PRESETS,
  loadLabelSheet,
  saveLabelSheet,
  sheetGrid,
  sheetLimits,
  type GridOf,
  type LabelSheet,
} from './label-sheet';
import type { LabelPrintChoice } from './print-labels';
import { handleFormKeys } from '../../components/form-keys';

export type LabelTarget = 'shown' | 'selected';

const CUSTOM = 'custom';
const presetKey = (p: { cols: number; rows: number }) => `${p.cols}x${p.rows}`;
const mm = (value: number) => value.toFixed(1).replace(/\.0$/, '');

/** Mount it anew for each opening (a new `key`): it starts from the remembered sheet. */
export function LabelSheetDialog(props: {
  open: boolean;
  shownCount: number;
  selectedCount: number;
  printing: boolean;
  onCancel: () => void;
  onPrint: (choice: LabelPrintChoice, target: LabelTarget) => void;
}) {
  const { t } = useTranslation();
  const { open, shownCount, selectedCount } = props;
  const [sheet, setSheet] = useState<LabelSheet>(loadLabelSheet);
  const [skip, setSkip] = useState(0);
  // Ticked rows are what the supervisor just pointed at: they are the default when there are any.
  const [target, setTarget] = useState<LabelTarget>(() => (selectedCount > 0 ? 'selected' : 'shown'));
  // The layout (with jsPDF behind it) loads with the dialog, not with the device list.
  const [gridOf, setGridOf] = useState<GridOf | null>(null);
  const presetRef = useRef<RefSelectProps>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    void import('../../../shared/pdf/forms/labels').then(({ labelGrid }) => {
      if (live) setGridOf(() => (choice: Parameters<GridOf>[0]) => labelGrid(choice, 'a4'));
    });
    const focus = setTimeout(() => presetRef.current?.focus(), 0);
    return () => {
      live = false;
      clearTimeout(focus);
    };
  }, [open]);

  const limits = gridOf ? sheetLimits(gridOf) : { cols: 10, rows: 30 };
  const grid = gridOf ? sheetGrid(gridOf, sheet) : null;
  const perPage = sheet.cols * sheet.rows;
  const count = target === 'selected' ? selectedCount : shownCount;
  const pages = Math.ceil((count + skip) / perPage);
  const preset = LABEL_PRESETS.some((p) => presetKey(p) === presetKey(sheet)) ? presetKey(sheet) : CUSTOM;
  const canPrint = grid !== null && count > 0 && skip < perPage && !props.printing;

  const presetLabel = (p: { cols: number; rows: number }) => {
    const size = gridOf ? sheetGrid(gridOf, p) : null;
    return size
      ? t('devices.labelSheet.preset', {
          cols: p.cols,
          rows: p.rows,
          perPage: p.cols * p.rows,
          width: mm(size.labelWidth),
          height: mm(size.labelHeight),
        })
      : `${p.cols} × ${p.rows}`;
  };

  const print = () => {
    if (!canPrint) return;
    saveLabelSheet(sheet);
    props.onPrint({ ...sheet, skip }, target);
  };

  return (
    <Modal
      open={open}
      title={t('devices.labelSheet.title')}
      onCancel={props.onCancel}
      footer={null}
      destroyOnHidden
      keyboard
      width={560}
    >
      <form
        data-testid="labels-dialog"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          print();
        }}
        onKeyDown={handleFormKeys}
      >
        <Form layout="vertical" component={false}>
          <Form.Item label={t('devices.labelSheet.which')}>
            <Radio.Group
              data-testid="labels-which"
              value={target}
              onChange={(e) => setTarget(e.target.value as LabelTarget)}
            >
              <Radio value="shown" data-testid="labels-which-shown">
                {t('devices.labelSheet.whichShown', { count: shownCount })}
              </Radio>
              <Radio value="selected" data-testid="labels-which-selected" disabled={selectedCount === 0}>
                {t('devices.labelSheet.whichSelected', { count: selectedCount })}
              </Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item label={t('devices.labelSheet.sheet')} htmlFor="labels-preset">
            <Select
              ref={presetRef}
              id="labels-preset"
              data-testid="labels-preset"
              value={preset}
              onChange={(key: string) => {
                const chosen = LABEL_PRESETS.find((p) => presetKey(p) === key);
                if (chosen) setSheet((s) => ({ ...s, ...chosen }));
              }}
              options={[
                ...LABEL_PRESETS.map((p) => ({ value: presetKey(p), label: presetLabel(p) })),
                { value: CUSTOM, label: t('devices.labelSheet.custom'), disabled: true },
              ]}
            />
          </Form.Item>
          <Space size="large" align="start" wrap>
            <Form.Item label={t('devices.labelSheet.cols')} htmlFor="labels-cols">
              <InputNumber<number>
                id="labels-cols"
                data-testid="labels-cols"
                min={1}
                max={limits.cols}
                precision={0}
                value={sheet.cols}
                onChange={(v) => v !== null && setSheet((s) => ({ ...s, cols: v }))}
              />
            </Form.Item>
            <Form.Item label={t('devices.labelSheet.rows')} htmlFor="labels-rows">
              <InputNumber<number>
                id="labels-rows"
                data-testid="labels-rows"
                min={1}
                max={limits.rows}
                precision={0}
                value={sheet.rows}
                onChange={(v) => v !== null && setSheet((s) => ({ ...s, rows: v }))}
              />
            </Form.Item>
            <Form.Item
              label={t('devices.labelSheet.skip')}
              htmlFor="labels-skip"
              help={t('devices.labelSheet.skipHelp')}
            >
              <InputNumber<number>
                id="labels-skip"
                data-testid="labels-skip"
                min={0}
                max={perPage - 1}
                precision={0}
                value={skip}
                onChange={(v) => setSkip(v ?? 0)}
              />
            </Form.Item>
          </Space>
          <Checkbox
            data-testid="labels-outline"
            checked={sheet.outline}
            onChange={(e) => setSheet((s) => ({ ...s, outline: e.target.checked }))}
            style={{ margin: '8px 0 12px' }}
          >
            {t('devices.labelSheet.outline')}
          </Checkbox>
          <Typography.Paragraph data-testid="labels-summary" type={grid || !gridOf ? 'secondary' : 'danger'}>
            {!gridOf
              ? t('devices.labelSheet.loading')
              : grid
                ? t('devices.labelSheet.summary', {
                    width: mm(grid.labelWidth),
                    height: mm(grid.labelHeight),
                    perPage,
                    count,
                    pages,
                  })
                : t('devices.labelSheet.doesNotFit', { cols: sheet.cols, rows: sheet.rows })}
          </Typography.Paragraph>
        </Form>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography.Text type="secondary">{t('devices.labelSheet.keysHint')}</Typography.Text>
          <Space>
            <Button onClick={props.onCancel} data-testid="labels-cancel">
              {t('common.cancel')}
            </Button>
            <Button
              type="primary"
              htmlType="submit"
              loading={props.printing}
              disabled={!canPrint && !props.printing}
              data-testid="labels-print"
            >
              {t('devices.labelSheet.print')}
            </Button>
          </Space>
        </div>
      </form>
    </Modal>
  );
}
