import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
  SaveOutlined,
  SendOutlined,
  StopOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import {
  CONGRESS_HELD_STEP,
  getRuleSet,
  PREPARATION_SUBMISSIONS,
  type RuleSetId,
  type StepOffset,
} from '@daihoi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Segmented,
  Select,
  Skeleton,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { FormError } from '../../app/FormError';
import { showError, showSuccess } from '../../app/feedback';
import { DATE_INPUT_FORMAT, formatDate, formatTimestamp } from '../../app/format';
import { errorText } from '../../app/forms';
import { isSessionError } from '../../app/queryClient';
import { useCurrentSession } from '../../app/session';
import { useIsPhone } from '../../app/useMediaQuery';
import { useCongressLabels } from './labels';
import type { SetupTabProps } from './setupTab';
import {
  type CongressTemplateView,
  congressTemplateQuery,
  discardCongressTemplateDraft,
  publishCongressTemplate,
  putCongressTemplate,
  type TemplateStep,
  useApplyTemplate,
  withdrawCongressTemplate,
} from './templateApi';
import {
  addRow,
  type DraftIssue,
  draftIssues,
  draftOf,
  dueOnFor,
  emptyRow,
  exampleCongressDate,
  followedSteps,
  isRequiredStep,
  localDraftKey,
  messagesAt,
  moveRow,
  type OffsetDirection,
  type OffsetUnit,
  parseLocal,
  removeRow,
  rowOffset,
  type StepCell,
  type StepRow,
  sameDraft,
  serializeLocal,
  serverIssues,
  shownNote,
  splitOffset,
  startingDraft,
  stepMark,
  stepsWithIssues,
  type TemplateDraft,
  templateBody,
  withoutCell,
} from './templateDraft';

const NAME_MAX = 300;
const SOURCE_MAX = 300;
const TITLE_MAX = 500;
const NOTE_MAX = 1000;

type T = ReturnType<typeof useTranslation>['t'];

// ---------------------------------------------------------------------------------------------------
// Labels

function useTemplateLabels() {
  const { t, i18n } = useTranslation();
  const labels = useCongressLabels();
  const submission = (code: string | null | undefined) => {
    if (!code) return t('common.empty');
    const key = `congressTemplate.submissions.${code}`;
    return i18n.exists(key) ? t(key) : code;
  };
  const offset = (value: StepOffset | null) => {
    if (!value) return t('common.empty');
    const { unit, direction, amount } = splitOffset(value);
    if (amount === 0) return t('congressTemplate.onCongressDate');
    return t('congressTemplate.offsetText', {
      n: amount,
      unit: t(`congressTemplate.units.${unit}`),
      direction: t(`congressTemplate.directions.${direction}`),
    });
  };
  return {
    owner: labels.owner,
    ownerOptions: labels.ownerOptions,
    submission,
    submissionOptions: PREPARATION_SUBMISSIONS.map((s) => ({ value: s, label: submission(s) })),
    offset,
    unitOptions: (['days', 'workingDays'] as const).map((u) => ({
      value: u,
      label: t(`congressTemplate.units.${u}`),
    })),
    directionOptions: (['before', 'after'] as const).map((d) => ({
      value: d,
      label: t(`congressTemplate.directions.${d}`),
    })),
  };
}

/** The calendar day of a publication, in Vietnam's time zone. */
const dayOf = (timestamp: string | null) => (timestamp ? formatTimestamp(timestamp).slice(0, 10) : '');

/** Where the inherited template comes from: the shipped one under the directive, or a committee above's. */
function inheritedOrigin(t: T, view: CongressTemplateView, ruleSetId: RuleSetId): string {
  const { organization, publishedAt } = view.inherited;
  if (!organization)
    return t('congressTemplate.origin.shipped', { directive: getRuleSet(ruleSetId).source.document });
  return t('congressTemplate.origin.published', {
    organization: organization.name,
    date: dayOf(publishedAt),
  });
}

/** Where what the subtree follows now comes from: the committee's own published template, else what it inherits. */
function followedOrigin(t: T, view: CongressTemplateView, ruleSetId: RuleSetId): string {
  if (!view.own?.published) return inheritedOrigin(t, view, ruleSetId);
  return t('congressTemplate.origin.published', {
    organization: view.organization.name,
    date: dayOf(view.own.publishedAt),
  });
}

// ---------------------------------------------------------------------------------------------------
// Pieces

/** The rule a step's offset comes from, or that it is practice to check; the congress as the reference. */
function StepMarks({ step, ruleSetId }: { step: Parameters<typeof stepMark>[0]; ruleSetId: RuleSetId }) {
  const { t } = useTranslation();
  if (step.key === CONGRESS_HELD_STEP)
    return (
      <Tag color="blue" style={{ marginInlineEnd: 0, alignSelf: 'flex-start' }}>
        {t('congressTemplate.marks.congress')}
      </Tag>
    );
  const mark = stepMark(step, ruleSetId);
  if (!mark.source && !mark.unverified) return null;
  return (
    <Flex wrap gap={4} align="center">
      {mark.source && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('congressTemplate.marks.source', { source: mark.source })}
        </Typography.Text>
      )}
      {mark.unverified && (
        <Tag color="orange" style={{ marginInlineEnd: 0 }}>
          {t('congressTemplate.marks.unverified')}
        </Tag>
      )}
    </Flex>
  );
}

/** An input with its messages under it, tied together for screen readers. */
function Field({
  id,
  messages,
  label,
  htmlFor = id,
  children,
}: {
  id: string;
  messages: readonly string[];
  label?: string;
  /** The input the label names, when it is not `id` (the offset's number). */
  htmlFor?: string;
  children: ReactNode;
}) {
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      {label && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <label htmlFor={htmlFor}>{label}</label>
        </Typography.Text>
      )}
      {children}
      {messages.length > 0 && (
        <Typography.Text id={`${id}-error`} type="danger" style={{ fontSize: 12 }} role="alert">
          {messages.join(' ')}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** What the "practice, to check" mark means, said once under a list that has it. */
function PracticeLegend({
  steps,
  ruleSetId,
}: {
  steps: readonly Parameters<typeof stepMark>[0][];
  ruleSetId: RuleSetId;
}) {
  const { t } = useTranslation();
  if (!steps.some((s) => s.key !== CONGRESS_HELD_STEP && stepMark(s, ruleSetId).unverified)) return null;
  return (
    <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
      <Tag color="orange" style={{ marginInlineEnd: 6 }}>
        {t('congressTemplate.marks.unverified')}
      </Tag>
      {t('congressTemplate.marks.unverifiedHint')}
    </Typography.Paragraph>
  );
}

/** The congress date the "due (example)" column is counted from. */
function ExampleDate({ value, onChange }: { value: string | null; onChange: (iso: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2} style={{ maxWidth: 420 }}>
      <Flex wrap gap={8} align="center">
        <label htmlFor="dh-template-example">{t('congressTemplate.fields.example')}</label>
        <DatePicker
          id="dh-template-example"
          format={DATE_INPUT_FORMAT}
          value={value ? dayjs(value) : null}
          onChange={(d) => onChange(d?.isValid() ? d.format('YYYY-MM-DD') : null)}
          aria-describedby="dh-template-example-hint"
          style={{ width: 150 }}
        />
      </Flex>
      <Typography.Text id="dh-template-example-hint" type="secondary" style={{ fontSize: 12 }}>
        {t('congressTemplate.hints.example')}
      </Typography.Text>
    </Flex>
  );
}

function DueText({
  offset,
  example,
  ruleSetId,
}: {
  offset: StepOffset | null;
  example: string | null;
  ruleSetId: RuleSetId;
}) {
  const { t } = useTranslation();
  if (!example) return <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
  const due = dueOnFor(offset, example, ruleSetId);
  return due ? (
    <span style={{ whiteSpace: 'nowrap' }}>{formatDate(due)}</span>
  ) : (
    <Typography.Text type="secondary">{t('congressTemplate.noDue')}</Typography.Text>
  );
}

interface ReadOnlyProps {
  steps: TemplateStep[];
  ruleSetId: RuleSetId;
  example: string | null;
}

/** A template's steps as the organizations below receive them, with the example deadlines. */
function ReadOnlySteps({ steps, ruleSetId, example }: ReadOnlyProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const labels = useTemplateLabels();
  const rows = steps.map((s, i) => ({ ...s, index: i }));
  const title = (s: TemplateStep) => (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <span style={{ fontWeight: 500 }}>{s.titleVi}</span>
      {shownNote(s, ruleSetId) && (
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>
          {shownNote(s, ruleSetId)}
        </Typography.Text>
      )}
      <StepMarks step={s} ruleSetId={ruleSetId} />
    </Flex>
  );
  const legend = <PracticeLegend steps={steps} ruleSetId={ruleSetId} />;
  if (isPhone)
    return (
      <div>
        <ol className="dh-result-list" aria-label={t('congressTemplate.title')}>
          {rows.map((s) => (
            <li key={s.key}>
              <Flex vertical gap={4}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('congressTemplate.step', { n: s.index + 1 })}
                </Typography.Text>
                {title(s)}
                <Typography.Text style={{ fontSize: 13 }}>{labels.owner(s.owner)}</Typography.Text>
                <Typography.Text style={{ fontSize: 13 }}>
                  {labels.offset(s.offset)}
                  {example && (
                    <>
                      {' · '}
                      <DueText offset={s.offset} example={example} ruleSetId={ruleSetId} />
                    </>
                  )}
                </Typography.Text>
                {s.submission && (
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {t('congressTemplate.submissionLine', { kind: labels.submission(s.submission) })}
                  </Typography.Text>
                )}
              </Flex>
            </li>
          ))}
        </ol>
        {legend}
      </div>
    );
  const columns: TableColumnsType<(typeof rows)[number]> = [
    { key: 'index', title: t('congressTemplate.columns.index'), width: 48, render: (_, s) => s.index + 1 },
    { key: 'step', title: t('congressTemplate.columns.step'), render: (_, s) => title(s) },
    {
      key: 'owner',
      title: t('congressTemplate.columns.owner'),
      width: 180,
      render: (_, s) => labels.owner(s.owner),
    },
    {
      key: 'offset',
      title: t('congressTemplate.columns.offset'),
      width: 200,
      render: (_, s) => labels.offset(s.offset),
    },
    {
      key: 'submission',
      title: t('congressTemplate.columns.submission'),
      width: 180,
      render: (_, s) =>
        s.submission ? (
          labels.submission(s.submission)
        ) : (
          <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
        ),
    },
    {
      key: 'due',
      title: t('congressTemplate.columns.due'),
      width: 104,
      render: (_, s) => <DueText offset={s.offset} example={example} ruleSetId={ruleSetId} />,
    },
  ];
  return (
    <div>
      <Table
        rowKey="key"
        size="small"
        dataSource={rows}
        columns={columns}
        pagination={false}
        scroll={{ x: 960 }}
        aria-label={t('congressTemplate.title')}
      />
      {legend}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------
// The editor's rows

type RowField = 'titleVi' | 'noteVi' | 'owner' | 'unit' | 'direction' | 'amount' | 'submission';

const FIELD_CELL: Readonly<Record<RowField, StepCell>> = {
  titleVi: 'title',
  noteVi: 'note',
  owner: 'owner',
  unit: 'offset',
  direction: 'offset',
  amount: 'offset',
  submission: 'submission',
};

interface StepsEditorProps {
  steps: StepRow[];
  ruleSetId: RuleSetId;
  example: string | null;
  disabled: boolean;
  focusRow: string | null;
  messagesOf: (row: string, cell: StepCell) => string[];
  onEdit: (id: string, changes: Partial<Pick<StepRow, RowField>>) => void;
  onTouch: (id: string, cell: StepCell) => void;
  onMove: (id: string, delta: -1 | 1) => void;
  onRemove: (id: string) => void;
}

/** The editable steps: a table on a desk, one card per step on a phone. */
function StepsEditor({
  steps,
  ruleSetId,
  example,
  disabled,
  focusRow,
  messagesOf,
  onEdit,
  onTouch,
  onMove,
  onRemove,
}: StepsEditorProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const labels = useTemplateLabels();
  const idOf = (row: StepRow, cell: string) => `dh-template-${row.id}-${cell}`;
  const column = (name: string) => t(`congressTemplate.columns.${name}`);
  const stepLabel = (index: number) => t('congressTemplate.step', { n: index + 1 });
  const a11y = (row: StepRow, index: number, cell: StepCell, name: string, errorCell = true) => {
    const invalid = errorCell && messagesOf(row.id, cell).length > 0;
    return {
      id: idOf(row, name),
      'aria-label': `${column(name)}, ${stepLabel(index)}`,
      'aria-invalid': invalid ? true : undefined,
      'aria-describedby': invalid ? `${idOf(row, cell)}-error` : undefined,
      status: invalid ? ('error' as const) : undefined,
    };
  };
  const label = (name: string) => (isPhone ? column(name) : undefined);

  const inputs = (row: StepRow, index: number) => {
    const isCongress = row.key === CONGRESS_HELD_STEP;
    const offsetCell = isCongress ? (
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
    return {
      title: (
        <Flex vertical gap={4} style={{ minWidth: 0 }}>
          <Field id={idOf(row, 'title')} messages={messagesOf(row.id, 'title')} label={label('title')}>
            <Input.TextArea
              {...a11y(row, index, 'title', 'title')}
              value={row.titleVi}
              placeholder={t('congressTemplate.placeholders.title')}
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={TITLE_MAX}
              autoFocus={row.id === focusRow}
              onChange={(e) => onEdit(row.id, { titleVi: e.target.value })}
              onBlur={() => onTouch(row.id, 'title')}
            />
          </Field>
          <Field id={idOf(row, 'note')} messages={messagesOf(row.id, 'note')} label={label('note')}>
            <Input.TextArea
              {...a11y(row, index, 'note', 'note')}
              value={row.noteVi}
              placeholder={t('congressTemplate.placeholders.note')}
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={NOTE_MAX}
              variant="filled"
              onChange={(e) => onEdit(row.id, { noteVi: e.target.value })}
            />
          </Field>
          <StepMarks step={{ key: row.key, offset: rowOffset(row) }} ruleSetId={ruleSetId} />
        </Flex>
      ),
      owner: (
        <Field id={idOf(row, 'owner')} messages={messagesOf(row.id, 'owner')} label={label('owner')}>
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
          />
        </Field>
      ),
      offset: (
        <Field
          id={idOf(row, 'offset')}
          htmlFor={idOf(row, 'amount')}
          messages={messagesOf(row.id, 'offset')}
          label={isCongress ? undefined : label('offset')}
        >
          {offsetCell}
        </Field>
      ),
      submission: (
        <Field
          id={idOf(row, 'submission')}
          messages={messagesOf(row.id, 'submission')}
          label={label('submission')}
        >
          <Select<string>
            {...a11y(row, index, 'submission', 'submission')}
            value={row.submission ?? undefined}
            allowClear
            placeholder={t('congressTemplate.placeholders.submission')}
            options={labels.submissionOptions}
            onChange={(v) => onEdit(row.id, { submission: v ?? null })}
            popupMatchSelectWidth={false}
            style={{ width: '100%' }}
          />
        </Field>
      ),
      due: (
        <DueText offset={isCongress ? { days: 0 } : rowOffset(row)} example={example} ruleSetId={ruleSetId} />
      ),
      actions: (
        <Flex gap={2}>
          <Tooltip title={t('congressTemplate.actions.moveUp', { n: index + 1 })}>
            <Button
              size="small"
              type="text"
              icon={<ArrowUpOutlined aria-hidden />}
              disabled={disabled || index === 0}
              onClick={() => onMove(row.id, -1)}
              aria-label={t('congressTemplate.actions.moveUp', { n: index + 1 })}
            />
          </Tooltip>
          <Tooltip title={t('congressTemplate.actions.moveDown', { n: index + 1 })}>
            <Button
              size="small"
              type="text"
              icon={<ArrowDownOutlined aria-hidden />}
              disabled={disabled || index === steps.length - 1}
              onClick={() => onMove(row.id, 1)}
              aria-label={t('congressTemplate.actions.moveDown', { n: index + 1 })}
            />
          </Tooltip>
          {isRequiredStep(row.key) ? (
            <Tooltip title={t('congressTemplate.marks.required')}>
              <Button
                size="small"
                type="text"
                icon={<DeleteOutlined aria-hidden />}
                disabled
                aria-label={`${t('congressTemplate.actions.remove', { n: index + 1 })}: ${t('congressTemplate.marks.required')}`}
              />
            </Tooltip>
          ) : (
            // The tooltip goes around a wrapper: a popconfirm does not open through a tooltip's child.
            <Tooltip title={t('congressTemplate.actions.remove', { n: index + 1 })}>
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
                    aria-label={t('congressTemplate.actions.remove', { n: index + 1 })}
                  />
                </Popconfirm>
              </span>
            </Tooltip>
          )}
        </Flex>
      ),
    };
  };

  if (isPhone)
    return (
      <Flex vertical gap={8} role="list" aria-label={t('congressTemplate.title')}>
        {steps.map((row, index) => {
          const cells = inputs(row, index);
          return (
            <Card
              key={row.id}
              size="small"
              role="listitem"
              title={stepLabel(index)}
              extra={cells.actions}
              styles={{ body: { display: 'flex', flexDirection: 'column', gap: 8 } }}
            >
              {cells.title}
              {cells.owner}
              {cells.offset}
              {cells.submission}
              <Flex justify="space-between" gap={8}>
                <Typography.Text type="secondary">{column('due')}</Typography.Text>
                {cells.due}
              </Flex>
            </Card>
          );
        })}
      </Flex>
    );

  const columns: TableColumnsType<StepRow> = [
    { key: 'index', title: column('index'), width: 44, render: (_, _r, i) => i + 1 },
    { key: 'step', title: column('step'), render: (_, r, i) => inputs(r, i).title },
    {
      key: 'owner',
      title: `${column('owner')} / ${column('submission')}`,
      width: 210,
      render: (_, r, i) => {
        const cells = inputs(r, i);
        return (
          <Flex vertical gap={6}>
            {cells.owner}
            {cells.submission}
          </Flex>
        );
      },
    },
    { key: 'offset', title: column('offset'), width: 236, render: (_, r, i) => inputs(r, i).offset },
    { key: 'due', title: column('due'), width: 104, render: (_, r, i) => inputs(r, i).due },
    { key: 'actions', title: '', width: 100, render: (_, r, i) => inputs(r, i).actions },
  ];
  return (
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
  );
}

// ---------------------------------------------------------------------------------------------------
// The editor

/** A secondary action: labelled on a desk, an icon with its name on a phone, where the bar has no room. */
function SideButton({
  label,
  icon,
  danger,
  disabled,
  onClick,
}: {
  label: string;
  icon: ReactNode;
  danger?: boolean;
  disabled: boolean;
  onClick: () => void;
}) {
  const isPhone = useIsPhone();
  const button = (
    <Button
      icon={icon}
      danger={danger}
      disabled={disabled}
      onClick={onClick}
      aria-label={isPhone ? label : undefined}
    >
      {isPhone ? null : label}
    </Button>
  );
  return isPhone ? <Tooltip title={label}>{button}</Tooltip> : button;
}

interface ActionBarProps {
  barRef: RefObject<HTMLDivElement | null>;
  /** The stored draft's version; undefined while the draft is not saved. */
  version: number | undefined;
  dirty: boolean;
  /** The user changed the draft since it opened or was saved. */
  changed: boolean;
  busy: boolean;
  saving: boolean;
  publishing: boolean;
  /** Why the draft cannot be published now; null when it can. */
  publishBlocked: string | null;
  onUndo?: () => void;
  onDiscard?: () => void;
  onCancel?: () => void;
  onPublish: () => void;
  onSave: () => void;
}

/** The draft's actions, kept in view at the bottom of the window while the long list of steps scrolls. */
function ActionBar(props: ActionBarProps) {
  const { barRef, version, dirty, changed, busy, saving, publishing, publishBlocked } = props;
  const { t } = useTranslation();
  return (
    <Flex
      ref={barRef}
      wrap
      gap={8}
      align="center"
      justify="flex-end"
      style={{
        position: 'sticky',
        bottom: 0,
        zIndex: 3,
        background: '#fff',
        borderTop: '1px solid #f0f0f0',
        padding: '12px 0',
        marginTop: 16,
      }}
    >
      <Flex wrap gap={8} align="center" style={{ marginInlineEnd: 'auto' }}>
        {version !== undefined ? (
          <Tag style={{ marginInlineEnd: 0 }}>{t('congressTemplate.versionTag', { version })}</Tag>
        ) : (
          <Tag color="orange" style={{ marginInlineEnd: 0 }}>
            {t('congressTemplate.notSavedTag')}
          </Tag>
        )}
        {changed && (
          <Typography.Text type="warning" role="status">
            {t('congressTemplate.unsaved')}
          </Typography.Text>
        )}
      </Flex>
      <Flex gap={8} align="center">
        {props.onUndo && dirty && (
          <SideButton
            label={t('congressTemplate.actions.undo')}
            icon={<UndoOutlined aria-hidden />}
            disabled={busy}
            onClick={props.onUndo}
          />
        )}
        {props.onDiscard && (
          <SideButton
            label={t('congressTemplate.actions.discardDraft')}
            icon={<DeleteOutlined aria-hidden />}
            danger
            disabled={busy}
            onClick={props.onDiscard}
          />
        )}
        {props.onCancel && (
          <SideButton
            label={t('congressTemplate.actions.cancel')}
            icon={<StopOutlined aria-hidden />}
            disabled={busy}
            onClick={props.onCancel}
          />
        )}
        <Tooltip title={publishBlocked ?? undefined}>
          <Button
            icon={<SendOutlined aria-hidden />}
            disabled={Boolean(publishBlocked) || busy}
            loading={publishing}
            onClick={props.onPublish}
          >
            {t('congressTemplate.actions.publish')}
          </Button>
        </Tooltip>
        <Button
          type="primary"
          icon={<SaveOutlined aria-hidden />}
          onClick={props.onSave}
          loading={saving}
          disabled={(!dirty && version !== undefined) || (busy && !saving)}
        >
          {t('congressTemplate.actions.save')}
        </Button>
      </Flex>
    </Flex>
  );
}

/** What the editor's draft was read from: the version a save or publication sends back, and the stored draft. */
interface Base {
  version: number | undefined;
  draft: TemplateDraft | null;
}

export interface EditorStart {
  draft: TemplateDraft;
  base: Base;
  /** When the draft was restored from this browser: the time it was kept. */
  restoredAt: string | null;
}

/** The browser brings a focused field into view at the window's edge, where the sticky action bar covers it. */
function keepAboveBar(target: EventTarget, bar: HTMLElement | null) {
  if (!bar || !(target instanceof HTMLElement) || bar.contains(target)) return;
  if (target.getBoundingClientRect().bottom > bar.getBoundingClientRect().top)
    target.scrollIntoView({ block: 'center' });
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

interface EditorProps {
  organization: SetupTabProps['organization'];
  ruleSetId: RuleSetId;
  start: EditorStart;
  localKey: string;
  example: string | null;
  onClose: () => void;
}

function TemplateEditor({ organization, ruleSetId, start, localKey, example, onClose }: EditorProps) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const isPhone = useIsPhone();
  const apply = useApplyTemplate(organization.id, ruleSetId);

  const [draft, setDraft] = useState<TemplateDraft>(start.draft);
  const [base, setBase] = useState<Base>(start.base);
  const [restoredAt, setRestoredAt] = useState(start.restoredAt);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [newRows, setNewRows] = useState<ReadonlySet<string>>(() => new Set());
  const [checkAll, setCheckAll] = useState(false);
  const [server, setServer] = useState<DraftIssue[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [focusRow, setFocusRow] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const startRef = useRef(start.draft);
  const sentIds = useRef<string[]>([]);
  const rootRef = useRef<HTMLDivElement>(null);
  const barRef = useRef<HTMLDivElement>(null);

  const dirty = !sameDraft(draft, base.draft);
  // The draft as it is now, for a save that answers after the user typed on.
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const sentDraft = useRef<TemplateDraft | null>(null);
  // A draft not saved yet is "dirty" from the start; "changed" is what the user typed into it.
  const changed = dirty && (restoredAt !== null || !sameDraft(draft, startRef.current));
  const client = useMemo(() => draftIssues(draft, ruleSetId), [draft, ruleSetId]);

  // What is typed stays in this browser until it is saved, so that a closed tab loses nothing.
  useEffect(() => {
    const s = storage();
    if (!s) return;
    try {
      if (changed) s.setItem(localKey, serializeLocal(draft, base.version ?? null, new Date()));
      else s.removeItem(localKey);
    } catch {
      // A full storage only costs the kept copy; the editor itself keeps working.
    }
  }, [draft, changed, base.version, localKey]);

  // After a refused save, the first message is brought into view.
  useEffect(() => {
    if (attempt === 0) return;
    const root = rootRef.current;
    const first = root?.querySelector('[aria-invalid="true"]') ?? root?.querySelector('[role="alert"]');
    first?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  }, [attempt]);

  const clearLocal = () => storage()?.removeItem(localKey);

  const visible = (i: DraftIssue) => {
    if (checkAll) return true;
    if (i.row === null) return i.cell !== 'nameVi' || touched.has('nameVi');
    return !newRows.has(i.row) || touched.has(`${i.row}.${i.cell}`);
  };
  const shown = client.filter(visible);
  const messagesOf = (row: string | null, cell: DraftIssue['cell']) => [
    ...new Set([...messagesAt(shown, row, cell), ...messagesAt(server, row, cell)]),
  ];

  const edited = (row: string | null, cell: DraftIssue['cell']) => {
    setServer((issues) => withoutCell(issues, row, cell));
    setFormError(null);
  };
  const touch = (key: string) => setTouched((s) => (s.has(key) ? s : new Set(s).add(key)));
  const editRow = (id: string, changes: Partial<StepRow>) => {
    setDraft((d) => ({ ...d, steps: d.steps.map((r) => (r.id === id ? { ...r, ...changes } : r)) }));
    for (const field of Object.keys(changes) as RowField[]) edited(id, FIELD_CELL[field]);
  };
  const editField = (field: 'nameVi' | 'sourceDocument', value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    edited(null, field);
  };
  const addStep = () => {
    const row = emptyRow();
    setDraft((d) => ({ ...d, steps: addRow(d.steps, row) }));
    setNewRows((s) => new Set(s).add(row.id));
    setFocusRow(row.id);
  };
  const resetTo = (next: TemplateDraft, nextBase: Base) => {
    setDraft(next);
    setBase(nextBase);
    startRef.current = next;
    setTouched(new Set());
    setNewRows(new Set());
    setCheckAll(false);
    setServer([]);
    setFormError(null);
    setRestoredAt(null);
  };

  const reload = async () => {
    try {
      const fresh = await queryClient.fetchQuery({
        ...congressTemplateQuery(organization.id, ruleSetId),
        staleTime: 0,
      });
      // The rows stay as typed; the next save goes against the current version.
      setBase({
        version: fresh.own?.version,
        draft: fresh.own?.draft ? draftOf(fresh.own.draft, ruleSetId) : null,
      });
      setServer([]);
      setFormError(null);
      void message.info(t('congressTemplate.reloaded'));
    } catch (error) {
      showError(errorText(error, t('errors.unexpected')));
    }
  };

  const onError = (error: unknown) => {
    if (isSessionError(error)) return;
    if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
      modal.confirm({
        title: t('congressTemplate.conflict.title'),
        content: t('congressTemplate.conflict.content'),
        okText: t('congressTemplate.conflict.reload'),
        cancelText: t('common.close'),
        onOk: reload,
      });
      return;
    }
    if (isApiError(error) && error.code === 'CONGRESS_TEMPLATE_NO_DRAFT')
      void queryClient.invalidateQueries({
        queryKey: congressTemplateQuery(organization.id, ruleSetId).queryKey,
      });
    setServer(serverIssues(error, sentIds.current) ?? []);
    setFormError(errorText(error, t('errors.unexpected')));
    setAttempt((n) => n + 1);
  };

  const storedDraftOf = (view: CongressTemplateView) =>
    view.own?.draft ? draftOf(view.own.draft, ruleSetId) : null;

  const save = useMutation({
    mutationFn: () => putCongressTemplate(organization.id, templateBody(draft, ruleSetId, base.version)),
    meta: { silent: true },
    onMutate: () => setFormError(null),
    onSuccess: (view) => {
      apply(view, false);
      const stored = storedDraftOf(view);
      if (!stored) return;
      // What was typed while the save ran stays; otherwise the rows show what was stored.
      const now = draftRef.current;
      const keep = !sameDraft(now, sentDraft.current) || sameDraft(now, stored);
      if (!keep) clearLocal();
      resetTo(keep ? now : stored, { version: view.own?.version, draft: stored });
      showSuccess(t('congressTemplate.saved'));
    },
    onError,
  });

  const publish = useMutation({
    mutationFn: (version: number) => publishCongressTemplate(organization.id, ruleSetId, version),
    meta: { silent: true },
    onSuccess: (view) => {
      apply(view, true);
      clearLocal();
      showSuccess(
        t('congressTemplate.published', { name: draft.nameVi.trim(), organization: organization.name }),
      );
      onClose();
    },
    onError,
  });

  const discard = useMutation({
    mutationFn: (version: number) => discardCongressTemplateDraft(organization.id, ruleSetId, version),
    meta: { silent: true },
    onSuccess: (view) => {
      apply(view, false);
      clearLocal();
      showSuccess(t('congressTemplate.discarded'));
      onClose();
    },
    onError,
  });

  const busy = save.isPending || publish.isPending || discard.isPending;

  const onSave = () => {
    setCheckAll(true);
    setAttempt((n) => n + 1);
    if (client.length > 0) {
      const at = stepsWithIssues(client, draft.steps);
      setFormError(
        at.length > 0
          ? t('congressTemplate.fixAt', { count: client.length, steps: at.join(', ') })
          : t('congressTemplate.fix', { count: client.length }),
      );
      return;
    }
    sentIds.current = draft.steps.map((r) => r.id);
    sentDraft.current = draft;
    save.mutate();
  };

  const publishBlocked =
    dirty || base.draft === null || base.version === undefined
      ? t('congressTemplate.publishNeedsSave')
      : client.length > 0
        ? t('congressTemplate.publishNeedsFix')
        : null;

  const confirmPublish = () => {
    const version = base.version;
    if (version === undefined) return;
    sentIds.current = draft.steps.map((r) => r.id);
    modal.confirm({
      title: t('congressTemplate.publishConfirm.title', { name: draft.nameVi.trim() }),
      content: (
        <Flex vertical gap={6}>
          <span>{t('congressTemplate.publishConfirm.plans', { organization: organization.name })}</span>
          <span>{t('congressTemplate.publishConfirm.adopted')}</span>
          <span>{t('congressTemplate.publishConfirm.notified', { count: organization.childCount })}</span>
        </Flex>
      ),
      okText: t('congressTemplate.actions.publish'),
      cancelText: t('common.cancel'),
      onOk: () => publish.mutateAsync(version).catch(() => undefined),
    });
  };

  const confirmDiscard = () => {
    const version = base.version;
    if (version === undefined) return;
    modal.confirm({
      title: t('congressTemplate.discardConfirm.title'),
      content: t('congressTemplate.discardConfirm.content'),
      okText: t('congressTemplate.actions.discardDraft'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => discard.mutateAsync(version).catch(() => undefined),
    });
  };

  const confirmUndo = () => {
    const stored = base.draft;
    if (!stored) return;
    modal.confirm({
      title: t('congressTemplate.undoConfirm.title'),
      content: t('congressTemplate.undoConfirm.content'),
      okText: t('congressTemplate.actions.undo'),
      cancelText: t('common.cancel'),
      onOk: () => {
        clearLocal();
        resetTo(stored, base);
      },
    });
  };

  const cancelNew = () => {
    const close = () => {
      clearLocal();
      onClose();
    };
    if (!changed) return close();
    modal.confirm({
      title: t('congressTemplate.cancelConfirm.title'),
      content: t('congressTemplate.cancelConfirm.content'),
      okText: t('congressTemplate.actions.cancel'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: close,
    });
  };

  const dropRestored = () => {
    clearLocal();
    if (base.draft) resetTo(base.draft, base);
    else onClose();
  };

  const general = messagesOf(null, null);
  const fieldMessages = (field: 'nameVi' | 'sourceDocument') => messagesOf(null, field);
  const nameMessages = fieldMessages('nameVi');
  const sourceMessages = fieldMessages('sourceDocument');

  return (
    <div ref={rootRef} onFocusCapture={(e) => keepAboveBar(e.target, barRef.current)}>
      {!base.draft && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('congressTemplate.newDraftHint')}
        </Typography.Paragraph>
      )}
      {restoredAt && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('congressTemplate.restored', { time: formatTimestamp(restoredAt) })}
          action={
            <Button size="small" onClick={dropRestored}>
              {t('congressTemplate.restoredDiscard')}
            </Button>
          }
        />
      )}
      <FormError error={formError} />
      {general.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={
            general.length === 1 ? (
              general[0]
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                {general.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Field id="dh-template-name" messages={nameMessages} label={t('congressTemplate.fields.nameVi')}>
            <Input
              id="dh-template-name"
              value={draft.nameVi}
              maxLength={NAME_MAX}
              placeholder={t('congressTemplate.placeholders.nameVi')}
              aria-invalid={nameMessages.length > 0 ? true : undefined}
              aria-describedby={nameMessages.length > 0 ? 'dh-template-name-error' : undefined}
              status={nameMessages.length > 0 ? 'error' : undefined}
              onChange={(e) => editField('nameVi', e.target.value)}
              onBlur={() => touch('nameVi')}
            />
          </Field>
        </Col>
        <Col xs={24} md={10}>
          <Field
            id="dh-template-source"
            messages={sourceMessages}
            label={t('congressTemplate.fields.sourceDocument')}
          >
            <Input
              id="dh-template-source"
              value={draft.sourceDocument}
              maxLength={SOURCE_MAX}
              placeholder={t('congressTemplate.placeholders.sourceDocument')}
              aria-invalid={sourceMessages.length > 0 ? true : undefined}
              aria-describedby={
                sourceMessages.length > 0 ? 'dh-template-source-error' : 'dh-template-source-hint'
              }
              status={sourceMessages.length > 0 ? 'error' : undefined}
              onChange={(e) => editField('sourceDocument', e.target.value)}
            />
            <Typography.Text id="dh-template-source-hint" type="secondary" style={{ fontSize: 12 }}>
              {t('congressTemplate.hints.sourceDocument')}
            </Typography.Text>
          </Field>
        </Col>
      </Row>
      <div style={{ marginTop: 16 }}>
        <StepsEditor
          steps={draft.steps}
          ruleSetId={ruleSetId}
          example={example}
          disabled={busy}
          focusRow={focusRow}
          messagesOf={messagesOf}
          onEdit={editRow}
          onTouch={(id, cell) => touch(`${id}.${cell}`)}
          onMove={(id, delta) => setDraft((d) => ({ ...d, steps: moveRow(d.steps, id, delta) }))}
          onRemove={(id) => {
            setDraft((d) => ({ ...d, steps: removeRow(d.steps, id) }));
            setServer((issues) => issues.filter((i) => i.row !== id));
          }}
        />
        <Button
          icon={<PlusOutlined aria-hidden />}
          onClick={addStep}
          disabled={busy}
          block={isPhone}
          style={{ marginTop: 8 }}
        >
          {t('congressTemplate.actions.addStep')}
        </Button>
        <PracticeLegend
          steps={draft.steps.map((r) => ({ key: r.key, offset: rowOffset(r) }))}
          ruleSetId={ruleSetId}
        />
      </div>
      <ActionBar
        barRef={barRef}
        version={base.draft ? base.version : undefined}
        dirty={dirty}
        changed={changed}
        busy={busy}
        saving={save.isPending}
        publishing={publish.isPending}
        publishBlocked={publishBlocked}
        onUndo={base.draft ? confirmUndo : undefined}
        onDiscard={base.draft ? confirmDiscard : undefined}
        onCancel={base.draft ? undefined : cancelNew}
        onPublish={confirmPublish}
        onSave={onSave}
      />
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------
// The tab

function readLocal(key: string) {
  return parseLocal(storage()?.getItem(key) ?? null, new Date());
}

interface ViewProps extends SetupTabProps {
  data: CongressTemplateView;
}

function TemplateView(props: ViewProps) {
  const { organization, ruleSetId, canManage, data } = props;
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const session = useCurrentSession();
  const isPhone = useIsPhone();
  const apply = useApplyTemplate(organization.id, ruleSetId);
  const mayEdit = canManage && data.abilities.edit;
  const localKey = localDraftKey(session.user.id, organization.id, ruleSetId);
  const [example, setExample] = useState(() => exampleCongressDate(ruleSetId, organization.level));
  const [seq, setSeq] = useState(0);

  /** The editor as it opens: the copy kept in this browser when it says more than what is stored, else the start. */
  const startOf = (view: CongressTemplateView, withLocal: boolean): EditorStart => {
    const stored = view.own?.draft ? draftOf(view.own.draft, ruleSetId) : null;
    const base: Base = { version: view.own?.version, draft: stored };
    const local = withLocal ? readLocal(localKey) : null;
    if (local && !sameDraft(local.draft, stored))
      return {
        draft: local.draft,
        base: { ...base, version: local.baseVersion ?? undefined },
        restoredAt: local.savedAt,
      };
    const draft =
      stored ??
      startingDraft(view, ruleSetId, t('congressTemplate.defaultName', { organization: organization.name }));
    return { draft, base, restoredAt: null };
  };

  const [editing, setEditing] = useState<EditorStart | null>(() => {
    if (!mayEdit) return null;
    const start = startOf(data, true);
    return start.restoredAt || data.own?.draft ? start : null;
  });
  const [shown, setShown] = useState<'draft' | 'followed'>('draft');
  const viewRef = useRef<HTMLDivElement>(null);

  const open = () => {
    setEditing(startOf(data, true));
    setShown('draft');
    setSeq((n) => n + 1);
  };

  const withdraw = useMutation({
    mutationFn: (version: number) => withdrawCongressTemplate(organization.id, ruleSetId, version),
    onSuccess: (view) => {
      apply(view, true);
      storage()?.removeItem(localKey);
      setEditing(null);
      showSuccess(t('congressTemplate.withdrawn', { origin: inheritedOrigin(t, view, ruleSetId) }));
    },
    // The app shows the message (a stale version among them); the template is read again for the next try.
    onError: () =>
      queryClient.invalidateQueries({ queryKey: congressTemplateQuery(organization.id, ruleSetId).queryKey }),
  });

  const confirmWithdraw = () => {
    const version = data.own?.version;
    if (version === undefined) return;
    modal.confirm({
      title: t('congressTemplate.withdrawConfirm.title', { organization: organization.name }),
      content: t('congressTemplate.withdrawConfirm.content', { origin: inheritedOrigin(t, data, ruleSetId) }),
      okText: t('congressTemplate.actions.withdraw'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => withdraw.mutateAsync(version).catch(() => undefined),
    });
  };

  const followedName = data.own?.published?.nameVi ?? data.inherited.nameVi;
  const followedSource = data.own?.published?.sourceDocument;
  const steps = followedSteps(data);
  const startLabel = data.own?.draft
    ? t('congressTemplate.actions.continue')
    : data.own?.published
      ? t('congressTemplate.actions.edit')
      : t('congressTemplate.actions.start');

  // On a phone the buttons go under the text: beside it they leave the text a narrow column.
  const actions = mayEdit && (
    <Flex vertical={!isPhone} wrap gap={6}>
      {!editing && (
        <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={open}>
          {startLabel}
        </Button>
      )}
      {data.own?.published && (
        <Button danger onClick={confirmWithdraw} loading={withdraw.isPending}>
          {t('congressTemplate.actions.withdraw')}
        </Button>
      )}
    </Flex>
  );

  return (
    <Flex vertical gap={16} ref={viewRef}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('congressTemplate.intro')}
      </Typography.Paragraph>
      <Alert
        type="info"
        showIcon
        title={t('congressTemplate.followed', { name: followedName })}
        description={
          <Flex vertical gap={2}>
            <span>
              {followedOrigin(t, data, ruleSetId)} ·{' '}
              {t('congressTemplate.stepsCount', { count: steps.length })}
            </span>
            {followedSource && (
              <span>{t('congressTemplate.sourceDocumentLine', { source: followedSource })}</span>
            )}
            {data.own?.published && (
              <Typography.Text type="secondary">
                {t('congressTemplate.ownPlanFollows', {
                  organization: organization.name,
                  origin: inheritedOrigin(t, data, ruleSetId),
                })}
              </Typography.Text>
            )}
            {isPhone && actions && <div style={{ marginTop: 8 }}>{actions}</div>}
          </Flex>
        }
        action={isPhone ? undefined : actions}
      />
      {!mayEdit && (
        <Typography.Text type="secondary">
          {t('congressTemplate.readOnly', { organization: organization.name })}
        </Typography.Text>
      )}
      <Flex wrap gap={16} align="flex-end" justify="space-between">
        {editing ? (
          <Segmented<'draft' | 'followed'>
            aria-label={t('congressTemplate.views.label')}
            value={shown}
            onChange={setShown}
            options={[
              { value: 'draft', label: t('congressTemplate.views.draft') },
              { value: 'followed', label: t('congressTemplate.views.followed') },
            ]}
          />
        ) : (
          <span />
        )}
        <ExampleDate value={example} onChange={setExample} />
      </Flex>
      {editing && (
        // Hidden rather than unmounted, so that what is typed survives a look at the template in force.
        <div hidden={shown !== 'draft'}>
          <TemplateEditor
            key={seq}
            organization={organization}
            ruleSetId={ruleSetId}
            start={editing}
            localKey={localKey}
            example={example}
            onClose={() => {
              setEditing(null);
              // What the subtree follows now is at the top of the tab.
              viewRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
            }}
          />
        </div>
      )}
      {(!editing || shown === 'followed') && (
        <ReadOnlySteps steps={steps} ruleSetId={ruleSetId} example={example} />
      )}
    </Flex>
  );
}

/**
 * "Mẫu các bước chuẩn bị": the preparation template the organization's subtree follows and where it comes
 * from; for those who manage the organization's congresses, its own draft (steps reordered, added,
 * removed, each with its owner, its offset from the congress date and what it submits above, checked by
 * core as typed, with the due dates for an example congress date), saved, published to the subtree,
 * dropped, or given up. Read only for the others.
 */
export function TemplateTab(props: SetupTabProps) {
  const { t } = useTranslation();
  const query = useQuery(congressTemplateQuery(props.organization.id, props.ruleSetId));
  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError)
    return (
      <Alert
        type="error"
        showIcon
        title={t('congressTemplate.loadFailed')}
        description={errorText(query.error, t('errors.unexpected'))}
        action={
          <Button size="small" onClick={() => void query.refetch()}>
            {t('app.retry')}
          </Button>
        }
      />
    );
  return <TemplateView {...props} data={query.data} />;
}
