import { PlusOutlined } from '@ant-design/icons';
import type { RuleSetId } from '@daihoi/core';
import { useIsMutating } from '@tanstack/react-query';
import { Alert, Button, Col, Input, Row, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../app/FormError';
import { formatTimestamp } from '../../app/format';
import { errorText } from '../../app/forms';
import { useIsPhone } from '../../app/useMediaQuery';
import type { SetupTabProps } from './setupTab';
import { TemplateActions } from './TemplateActions';
import { Field, invalidProps, PracticeLegend } from './TemplateParts';
import { TemplateStepEditor } from './TemplateStepEditor';
import { type CongressTemplateView, type TemplateApplied, templateWriteKey } from './templateApi';
import {
  addRow,
  baseOf,
  cellsOf,
  type DraftBase,
  type DraftIssue,
  draftAfterSave,
  draftIssues,
  type EditorStart,
  emptyRow,
  localStore,
  messagesAt,
  moveRow,
  removeRow,
  rowOffset,
  type StepRow,
  sameDraft,
  serializeLocal,
  serverIssues,
  shownIssues,
  stepsWithIssues,
  type TemplateDraft,
  updateRow,
  withoutCell,
} from './templateDraft';

const NAME_MAX = 300;
const SOURCE_MAX = 300;

/**
 * The draft as it is being edited: the rows, what they were read from, which of core's messages show
 * and the server's refusal placed at its cells, and the copy kept in this browser as the user types.
 */
function useDraftEditor(start: EditorStart, ruleSetId: RuleSetId, localKey: string) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<TemplateDraft>(start.draft);
  const [base, setBase] = useState<DraftBase>(start.base);
  const [restoredAt, setRestoredAt] = useState(start.restoredAt);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [newRows, setNewRows] = useState<ReadonlySet<string>>(() => new Set());
  const [checkAll, setCheckAll] = useState(false);
  const [server, setServer] = useState<DraftIssue[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [focusRow, setFocusRow] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const startRef = useRef(start.draft);
  // The draft as it is now, for a save that answers after the user typed on.
  const draftRef = useRef(draft);
  draftRef.current = draft;
  // What the last save or publication sent: the server's messages name its rows by their place.
  const sent = useRef<{ ids: string[]; draft: TemplateDraft | null }>({ ids: [], draft: null });

  const dirty = !sameDraft(draft, base.draft);
  // A draft not saved yet is "dirty" from the start; "changed" is what the user typed into it.
  const changed = dirty && (restoredAt !== null || !sameDraft(draft, startRef.current));
  const issues = useMemo(() => draftIssues(draft, ruleSetId), [draft, ruleSetId]);
  const shown = shownIssues(issues, { touched, newRows, all: checkAll });

  // What is typed stays in this browser until it is saved, so that a closed tab loses nothing.
  useEffect(() => {
    const s = localStore();
    if (!s) return;
    try {
      if (changed) s.setItem(localKey, serializeLocal(draft, base.version ?? null, new Date()));
      else s.removeItem(localKey);
    } catch {
      // A full storage only costs the kept copy; the editor itself keeps working.
    }
  }, [draft, changed, base.version, localKey]);

  const clearLocal = () => localStore()?.removeItem(localKey);
  const edited = (row: string | null, cell: DraftIssue['cell']) => {
    setServer((all) => withoutCell(all, row, cell));
    setFormError(null);
  };
  const resetTo = (next: TemplateDraft, nextBase: DraftBase) => {
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
  const markSent = () => {
    sent.current = { ids: draft.steps.map((r) => r.id), draft };
  };

  return {
    draft,
    base,
    restoredAt,
    dirty,
    changed,
    issues,
    formError,
    focusRow,
    attempt,
    messagesOf: (row: string | null, cell: DraftIssue['cell']) => [
      ...new Set([...messagesAt(shown, row, cell), ...messagesAt(server, row, cell)]),
    ],
    touch: (key: string) => setTouched((s) => (s.has(key) ? s : new Set(s).add(key))),
    editRow: (id: string, changes: Partial<StepRow>) => {
      setDraft((d) => ({ ...d, steps: updateRow(d.steps, id, changes) }));
      for (const cell of cellsOf(changes)) edited(id, cell);
    },
    editField: (field: 'nameVi' | 'sourceDocument', value: string) => {
      setDraft((d) => ({ ...d, [field]: value }));
      edited(null, field);
    },
    addStep: () => {
      const row = emptyRow();
      setDraft((d) => ({ ...d, steps: addRow(d.steps, row) }));
      setNewRows((s) => new Set(s).add(row.id));
      setFocusRow(row.id);
    },
    moveStep: (id: string, delta: -1 | 1) => setDraft((d) => ({ ...d, steps: moveRow(d.steps, id, delta) })),
    removeStep: (id: string) => {
      setDraft((d) => ({ ...d, steps: removeRow(d.steps, id) }));
      setServer((all) => all.filter((i) => i.row !== id));
    },
    clearLocal,
    resetTo,
    clearFormError: () => setFormError(null),
    /** Before a save: every message shows from now; false, with the summary above, while core has any. */
    readyToSave: () => {
      setCheckAll(true);
      setAttempt((n) => n + 1);
      if (issues.length > 0) {
        const at = stepsWithIssues(issues, draft.steps);
        setFormError(
          at.length > 0
            ? t('congressTemplate.fixAt', { count: issues.length, steps: at.join(', ') })
            : t('congressTemplate.fix', { count: issues.length }),
        );
        return false;
      }
      markSent();
      return true;
    },
    markSent,
    /** A save answered: the rows show what is stored, unless the user typed on meanwhile. False without a draft. */
    saved: (view: CongressTemplateView) => {
      const next = baseOf(view, ruleSetId);
      if (!next.draft) return false;
      const after = draftAfterSave(draftRef.current, sent.current.draft, next.draft);
      if (!after.kept) clearLocal();
      resetTo(after.draft, next);
      return true;
    },
    /** The current version was read after a conflict: the rows stay as typed, the next save goes against it. */
    rebase: (next: DraftBase) => {
      setBase(next);
      setServer([]);
      setFormError(null);
    },
    /** The server refused: its messages at their cells, the whole of it above, the first brought into view. */
    refuse: (error: unknown) => {
      setServer(serverIssues(error, sent.current.ids) ?? []);
      setFormError(errorText(error, t('errors.unexpected')));
      setAttempt((n) => n + 1);
    },
  };
}

export type DraftEditor = ReturnType<typeof useDraftEditor>;

/** The browser brings a focused field into view at the window's edge, where the sticky action bar covers it. */
function keepAboveBar(target: EventTarget, bar: HTMLElement | null) {
  if (!bar || !(target instanceof HTMLElement) || bar.contains(target)) return;
  if (target.getBoundingClientRect().bottom > bar.getBoundingClientRect().top)
    target.scrollIntoView({ block: 'center' });
}

/** The messages of the template as a whole, above the fields. */
function GeneralMessages({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={
        messages.length === 1 ? (
          messages[0]
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: 16 }}>
            {messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )
      }
    />
  );
}

/** One of the template's own fields, with its messages; the source document with its hint. */
function HeaderField({
  editor,
  field,
  max,
  hint,
}: {
  editor: DraftEditor;
  field: 'nameVi' | 'sourceDocument';
  max: number;
  hint?: string;
}) {
  const { t } = useTranslation();
  const id = field === 'nameVi' ? 'dh-template-name' : 'dh-template-source';
  const messages = editor.messagesOf(null, field);
  const invalid = invalidProps(id, messages);
  return (
    <Field id={id} messages={messages} label={t(`congressTemplate.fields.${field}`)}>
      <Input
        id={id}
        value={editor.draft[field]}
        maxLength={max}
        placeholder={t(`congressTemplate.placeholders.${field}`)}
        {...invalid}
        aria-describedby={invalid['aria-describedby'] ?? (hint ? `${id}-hint` : undefined)}
        onChange={(e) => editor.editField(field, e.target.value)}
        onBlur={() => editor.touch(field)}
      />
      {hint && (
        <Typography.Text id={`${id}-hint`} type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      )}
    </Field>
  );
}

interface Props {
  organization: SetupTabProps['organization'];
  ruleSetId: RuleSetId;
  start: EditorStart;
  localKey: string;
  example: string | null;
  /** The editor closes: published (with what it changed in the plans below, if applied), deleted or given up. */
  onClose: (applied?: TemplateApplied | null) => void;
}

/** The committee's own draft: its name and source, its steps, and the actions at the bottom. */
export function TemplateEditor({ organization, ruleSetId, start, localKey, example, onClose }: Props) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const editor = useDraftEditor(start, ruleSetId, localKey);
  const busy = useIsMutating({ mutationKey: templateWriteKey(organization.id, ruleSetId) }) > 0;
  const rootRef = useRef<HTMLDivElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const { draft, base, attempt } = editor;

  // After a refused save, the first message is brought into view.
  useEffect(() => {
    if (attempt === 0) return;
    const root = rootRef.current;
    const first = root?.querySelector('[aria-invalid="true"]') ?? root?.querySelector('[role="alert"]');
    first?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  }, [attempt]);

  const dropRestored = () => {
    editor.clearLocal();
    if (base.draft) editor.resetTo(base.draft, base);
    else onClose();
  };

  return (
    <div ref={rootRef} onFocusCapture={(e) => keepAboveBar(e.target, barRef.current)}>
      {!base.draft && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('congressTemplate.newDraftHint')}
        </Typography.Paragraph>
      )}
      {editor.restoredAt && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('congressTemplate.restored', { time: formatTimestamp(editor.restoredAt) })}
          action={
            <Button size="small" onClick={dropRestored}>
              {t('congressTemplate.restoredDiscard')}
            </Button>
          }
        />
      )}
      <FormError error={editor.formError} />
      <GeneralMessages messages={editor.messagesOf(null, null)} />
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <HeaderField editor={editor} field="nameVi" max={NAME_MAX} />
        </Col>
        <Col xs={24} md={10}>
          <HeaderField
            editor={editor}
            field="sourceDocument"
            max={SOURCE_MAX}
            hint={t('congressTemplate.hints.sourceDocument')}
          />
        </Col>
      </Row>
      <div style={{ marginTop: 16 }}>
        <TemplateStepEditor
          steps={draft.steps}
          ruleSetId={ruleSetId}
          example={example}
          disabled={busy}
          focusRow={editor.focusRow}
          messagesOf={editor.messagesOf}
          onEdit={editor.editRow}
          onTouch={(id, cell) => editor.touch(`${id}.${cell}`)}
          onMove={editor.moveStep}
          onRemove={editor.removeStep}
        />
        <Button
          icon={<PlusOutlined aria-hidden />}
          onClick={editor.addStep}
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
      <TemplateActions
        editor={editor}
        organization={organization}
        ruleSetId={ruleSetId}
        barRef={barRef}
        onClose={onClose}
      />
    </div>
  );
}
