import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { CONGRESS_HELD_STEP, type RuleSetId } from '@daihoi/core';
import {
  Button,
  Card,
  Flex,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Table,
  type TableColumnsType,
  Tooltip,
  Typography,
} from 'antd';
import type { TextAreaProps } from 'antd/es/input';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../app/useMediaQuery';
import { Field, invalidProps, StepMarks, useTemplateLabels } from './TemplateParts';
import { CalendarNote, DueText, useDuePreview } from './TemplatePreview';
import {
  isRequiredStep,
  type OffsetDirection,
  type OffsetUnit,
  rowOffset,
  type StepCell,
  type StepRow,
} from './templateDraft';

const TITLE_MAX = 500;
const NOTE_MAX = 1000;

export type RowChanges = Partial<
  Pick<StepRow, 'titleVi' | 'noteVi' | 'owner' | 'unit' | 'direction' | 'amount' | 'submission'>
>;

interface Props {
  steps: StepRow[];
  ruleSetId: RuleSetId;
  example: string | null;
  disabled: boolean;
  focusRow: string | null;
  messagesOf: (row: string, cell: StepCell) => string[];
  onEdit: (id: string, changes: RowChanges) => void;
  onTouch: (id: string, cell: StepCell) => void;
  onMove: (id: string, delta: -1 | 1) => void;
  onRemove: (id: string) => void;
}

/** The editor's cells of one step, laid out as a table row on a desk and as a card on a phone. */
interface StepCells {
  title: ReactNode;
  owner: ReactNode;
  offset: ReactNode;
  submission: ReactNode;
  due: ReactNode;
  actions: ReactNode;
}

/** Move up, move down, remove (a required step's remove button says why it is off). */
function RowActions({
  row,
  index,
  count,
  disabled,
  onMove,
  onRemove,
}: {
  row: StepRow;
  index: number;
  count: number;
  disabled: boolean;
  onMove: Props['onMove'];
  onRemove: Props['onRemove'];
}) {
  const { t } = useTranslation();
  const n = index + 1;
  const arrow = (delta: -1 | 1) => {
    const label = t(delta < 0 ? 'congressTemplate.actions.moveUp' : 'congressTemplate.actions.moveDown', {
      n,
    });
    return (
      <Tooltip title={label}>
        <Button
          size="small"
          type="text"
          icon={delta < 0 ? <ArrowUpOutlined aria-hidden /> : <ArrowDownOutlined aria-hidden />}
          disabled={disabled || (delta < 0 ? index === 0 : index === count - 1)}
          onClick={() => onMove(row.id, delta)}
          aria-label={label}
        />
      </Tooltip>
    );
  };
  const remove = t('congressTemplate.actions.remove', { n });
  return (
    <Flex gap={2}>
      {arrow(-1)}
      {arrow(1)}
      {isRequiredStep(row.key) ? (
        <Tooltip title={t('congressTemplate.marks.required')}>
          <Button
            size="small"
            type="text"
            icon={<DeleteOutlined aria-hidden />}
            disabled
            aria-label={`${remove}: ${t('congressTemplate.marks.required')}`}
          />
        </Tooltip>
      ) : (
        // The tooltip goes around a wrapper: a popconfirm does not open through a tooltip's child.
        <Tooltip title={remove}>
          <span>
            <Popconfirm
              title={t('congressTemplate.removeConfirm', {
                title: row.titleVi.trim() || t('congressTemplate.untitled'),
              })}
              description={t('congressTemplate.removeHint')}
              okText={t('common.remove')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => onRemove(row.id)}
            >
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined aria-hidden />}
                disabled={disabled}
                aria-label={remove}
              />
            </Popconfirm>
          </span>
        </Tooltip>
      )}
    </Flex>
  );
}

/** The editable steps: a table on a desk, one card per step on a phone. */
export function TemplateStepEditor(props: Props) {
  const { steps, ruleSetId, example, disabled, focusRow, messagesOf, onEdit, onTouch } = props;
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const labels = useTemplateLabels();
  const preview = useDuePreview(example, steps.map(rowOffset), ruleSetId);
  const idOf = (row: StepRow, cell: string) => `dh-template-${row.id}-${cell}`;
  const column = (name: string) => t(`congressTemplate.columns.${name}`);
  const stepLabel = (index: number) => t('congressTemplate.step', { n: index + 1 });
  /** An input's id and name; tied to its cell's messages unless `errorCell` is false (the offset's selects). */
  const a11y = (row: StepRow, index: number, cell: StepCell, name: string, errorCell = true) => ({
    id: idOf(row, name),
    'aria-label': `${column(name)}, ${stepLabel(index)}`,
    ...(errorCell ? invalidProps(idOf(row, cell), messagesOf(row.id, cell)) : {}),
  });
  const label = (name: string) => (isPhone ? column(name) : undefined);
  /** A cell's input under its name (on a phone) with its messages; `label` where it is not the column's. */
  const field = (
    row: StepRow,
    cell: StepCell,
    children: ReactNode,
    extra?: { htmlFor: string; label: string | undefined },
  ) => (
    <Field
      id={idOf(row, cell)}
      messages={messagesOf(row.id, cell)}
      label={extra ? extra.label : label(cell)}
      htmlFor={extra?.htmlFor}
    >
      {children}
    </Field>
  );

  /** The step's title or note: a text that grows to four lines. */
  const textCell = (row: StepRow, index: number, cell: 'title' | 'note', input: TextAreaProps) =>
    field(
      row,
      cell,
      <Input.TextArea
        {...a11y(row, index, cell, cell)}
        placeholder={t(`congressTemplate.placeholders.${cell}`)}
        autoSize={{ minRows: 1, maxRows: 4 }}
        {...input}
      />,
    );

  const offsetInput = (row: StepRow, index: number) =>
    row.key === CONGRESS_HELD_STEP ? (
      <Typography.Text>{t('congressTemplate.onCongressDate')}</Typography.Text>
    ) : (
      <Flex vertical gap={4}>
        <Flex gap={4}>
          <InputNumber
            {...a11y(row, index, 'offset', 'amount')}
            value={row.amount}
            min={0}
            precision={0}
            inputMode="numeric"
            style={{ width: 76, flex: 'none' }}
            onChange={(v) => onEdit(row.id, { amount: typeof v === 'number' ? v : null })}
            onBlur={() => onTouch(row.id, 'offset')}
          />
          <Select<OffsetUnit>
            {...a11y(row, index, 'offset', 'unit', false)}
            value={row.unit}
            options={labels.unitOptions}
            onChange={(v) => onEdit(row.id, { unit: v })}
            popupMatchSelectWidth={false}
            style={{ flex: 1, minWidth: 0 }}
          />
        </Flex>
        <Select<OffsetDirection>
          {...a11y(row, index, 'offset', 'direction', false)}
          value={row.direction}
          options={labels.directionOptions}
          onChange={(v) => onEdit(row.id, { direction: v })}
          popupMatchSelectWidth={false}
          style={{ width: '100%' }}
        />
      </Flex>
    );

  const cells = (row: StepRow, index: number): StepCells => {
    const isCongress = row.key === CONGRESS_HELD_STEP;
    return {
      title: (
        <Flex vertical gap={4} style={{ minWidth: 0 }}>
          {textCell(row, index, 'title', {
            value: row.titleVi,
            maxLength: TITLE_MAX,
            autoFocus: row.id === focusRow,
            onChange: (e) => onEdit(row.id, { titleVi: e.target.value }),
            onBlur: () => onTouch(row.id, 'title'),
          })}
          {textCell(row, index, 'note', {
            value: row.noteVi,
            maxLength: NOTE_MAX,
            variant: 'filled',
            onChange: (e) => onEdit(row.id, { noteVi: e.target.value }),
          })}
          <StepMarks step={{ key: row.key, offset: rowOffset(row) }} ruleSetId={ruleSetId} />
        </Flex>
      ),
      owner: field(
        row,
        'owner',
        <Select<string>
          {...a11y(row, index, 'owner', 'owner')}
          value={row.owner ?? undefined}
          placeholder={t('congressTemplate.placeholders.owner')}
          options={labels.ownerOptions}
          onChange={(v) => {
            onEdit(row.id, { owner: v });
            onTouch(row.id, 'owner');
          }}
          onBlur={() => onTouch(row.id, 'owner')}
          popupMatchSelectWidth={false}
          style={{ width: '100%' }}
        />,
      ),
      offset: field(row, 'offset', offsetInput(row, index), {
        htmlFor: idOf(row, 'amount'),
        label: isCongress ? undefined : label('offset'),
      }),
      submission: field(
        row,
        'submission',
        <Select<string>
          {...a11y(row, index, 'submission', 'submission')}
          value={row.submission ?? undefined}
          allowClear
          placeholder={t('congressTemplate.placeholders.submission')}
          options={labels.submissionOptions}
          onChange={(v) => onEdit(row.id, { submission: v ?? null })}
          popupMatchSelectWidth={false}
          style={{ width: '100%' }}
        />,
      ),
      due: <DueText offset={isCongress ? { days: 0 } : rowOffset(row)} preview={preview} />,
      actions: (
        <RowActions
          row={row}
          index={index}
          count={steps.length}
          disabled={disabled}
          onMove={props.onMove}
          onRemove={props.onRemove}
        />
      ),
    };
  };

  if (isPhone)
    return (
      <>
        <Flex vertical gap={8} role="list" aria-label={t('congressTemplate.title')}>
          {steps.map((row, index) => {
            const c = cells(row, index);
            return (
              <Card
                key={row.id}
                size="small"
                role="listitem"
                title={stepLabel(index)}
                extra={c.actions}
                styles={{ body: { display: 'flex', flexDirection: 'column', gap: 8 } }}
              >
                {c.title}
                {c.owner}
                {c.offset}
                {c.submission}
                <Flex justify="space-between" gap={8}>
                  <Typography.Text type="secondary">{column('due')}</Typography.Text>
                  {c.due}
                </Flex>
              </Card>
            );
          })}
        </Flex>
        <CalendarNote preview={preview} />
      </>
    );

  const cell = (name: keyof StepCells) => (_: unknown, r: StepRow, i: number) => cells(r, i)[name];
  const columns: TableColumnsType<StepRow> = [
    { key: 'index', title: column('index'), width: 44, render: (_, _r, i) => i + 1 },
    { key: 'step', title: column('step'), render: cell('title') },
    {
      key: 'owner',
      title: `${column('owner')} / ${column('submission')}`,
      width: 210,
      render: (_, r, i) => {
        const c = cells(r, i);
        return (
          <Flex vertical gap={6}>
            {c.owner}
            {c.submission}
          </Flex>
        );
      },
    },
    { key: 'offset', title: column('offset'), width: 236, render: cell('offset') },
    { key: 'due', title: column('due'), width: 104, render: cell('due') },
    { key: 'actions', title: '', width: 100, render: cell('actions') },
  ];
  return (
    <>
      <Table<StepRow>
        rowKey="id"
        size="small"
        dataSource={steps}
        columns={columns}
        pagination={false}
        tableLayout="fixed"
        scroll={{ x: 1000 }}
        aria-label={t('congressTemplate.title')}
      />
      <CalendarNote preview={preview} />
    </>
  );
}
