import { DeleteOutlined, SaveOutlined, SendOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import type { RuleSetId } from '@daihoi/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Flex, Tag, Tooltip, Typography } from 'antd';
import { type ReactNode, type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { showError, showSuccess } from '../../app/feedback';
import { errorText } from '../../app/forms';
import { isSessionError } from '../../app/queryClient';
import { useIsPhone } from '../../app/useMediaQuery';
import type { SetupTabProps } from './setupTab';
import type { DraftEditor } from './TemplateEditor';
import {
  congressTemplateQuery,
  discardCongressTemplateDraft,
  type PublishTemplateInput,
  publishCongressTemplate,
  putCongressTemplate,
  type TemplateApplied,
  templateWriteKey,
  useApplyTemplate,
} from './templateApi';
import { baseOf, publishBlock, templateBody } from './templateDraft';

const PUBLISH_BLOCKED = {
  save: 'congressTemplate.publishNeedsSave',
  fix: 'congressTemplate.publishNeedsFix',
} as const;

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

/**
 * What the publication says it does, and the choice to bring the plans already adopted below (those that
 * have not held their congress) to the new steps; off unless ticked.
 */
function PublishConfirm({
  organization,
  onApplyChange,
}: {
  organization: SetupTabProps['organization'];
  onApplyChange: (apply: boolean) => void;
}) {
  const { t } = useTranslation();
  const [apply, setApply] = useState(false);
  return (
    <Flex vertical gap={6}>
      <span>{t('congressTemplate.publishConfirm.plans', { organization: organization.name })}</span>
      {!apply && <span>{t('congressTemplate.publishConfirm.adopted')}</span>}
      <Flex vertical gap={2} style={{ marginBlock: 4 }}>
        <Checkbox
          checked={apply}
          aria-describedby="dh-template-apply-hint"
          onChange={(e) => {
            setApply(e.target.checked);
            onApplyChange(e.target.checked);
          }}
        >
          {t('congressTemplate.publishConfirm.apply')}
        </Checkbox>
        <Typography.Text
          id="dh-template-apply-hint"
          type="secondary"
          style={{ fontSize: 12, paddingInlineStart: 24 }}
        >
          {t('congressTemplate.publishConfirm.applyHint')}
        </Typography.Text>
      </Flex>
      <span>{t('congressTemplate.publishConfirm.notified', { count: organization.childCount })}</span>
    </Flex>
  );
}

interface Props {
  editor: DraftEditor;
  organization: SetupTabProps['organization'];
  ruleSetId: RuleSetId;
  barRef: RefObject<HTMLDivElement | null>;
  onClose: (applied?: TemplateApplied | null) => void;
}

/**
 * The writes of the draft and their confirmations: save, publish (optionally to the plans already
 * adopted), delete the draft, undo, give up a new one; a refusal goes to its cells, a stale version is
 * offered to be read again.
 */
function useDraftCommands({ editor, organization, ruleSetId, onClose }: Omit<Props, 'barRef'>) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const apply = useApplyTemplate(organization.id, ruleSetId);
  const { draft, base, changed } = editor;
  const templateQuery = congressTemplateQuery(organization.id, ruleSetId);

  const ask = (options: {
    title: string;
    content: ReactNode;
    okText: string;
    danger?: boolean;
    onOk: () => unknown;
  }) =>
    modal.confirm({
      ...options,
      okButtonProps: options.danger ? { danger: true } : undefined,
      cancelText: t('common.cancel'),
    });

  const reload = async () => {
    try {
      const fresh = await queryClient.fetchQuery({ ...templateQuery, staleTime: 0 });
      editor.rebase(baseOf(fresh, ruleSetId));
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
      void queryClient.invalidateQueries({ queryKey: templateQuery.queryKey });
    editor.refuse(error);
  };
  // The editor shows what a write answers at its place, not the app's toast.
  const write = {
    mutationKey: templateWriteKey(organization.id, ruleSetId),
    meta: { silent: true },
    onError,
  };
  /** The draft is gone from the editor: published or deleted. */
  const closeWith = (text: string, applied?: TemplateApplied | null) => {
    editor.clearLocal();
    showSuccess(text);
    onClose(applied);
  };

  const save = useMutation({
    ...write,
    mutationFn: () => putCongressTemplate(organization.id, templateBody(draft, ruleSetId, base.version)),
    onMutate: editor.clearFormError,
    onSuccess: (view) => {
      apply(view, false);
      if (editor.saved(view)) showSuccess(t('congressTemplate.saved'));
    },
  });

  const publish = useMutation({
    ...write,
    mutationFn: (input: PublishTemplateInput) => publishCongressTemplate(organization.id, ruleSetId, input),
    onSuccess: (view) => {
      apply(view, true);
      const name = draft.nameVi.trim();
      closeWith(t('congressTemplate.published', { name, organization: organization.name }), view.applied);
    },
  });

  const discard = useMutation({
    ...write,
    mutationFn: (version: number) => discardCongressTemplateDraft(organization.id, ruleSetId, version),
    onSuccess: (view) => {
      apply(view, false);
      closeWith(t('congressTemplate.discarded'));
    },
  });

  return {
    save,
    publish,
    busy: save.isPending || publish.isPending || discard.isPending,
    onSave: () => {
      if (editor.readyToSave()) save.mutate();
    },
    confirmPublish: () => {
      const version = base.version;
      if (version === undefined) return;
      editor.markSent();
      const choice = { applyToPlans: false };
      ask({
        title: t('congressTemplate.publishConfirm.title', { name: draft.nameVi.trim() }),
        content: (
          <PublishConfirm
            organization={organization}
            onApplyChange={(value) => {
              choice.applyToPlans = value;
            }}
          />
        ),
        okText: t('congressTemplate.actions.publish'),
        onOk: () => publish.mutateAsync({ version, ...choice }).catch(() => undefined),
      });
    },
    confirmDiscard: () => {
      const version = base.version;
      if (version === undefined) return;
      ask({
        title: t('congressTemplate.discardConfirm.title'),
        content: t('congressTemplate.discardConfirm.content'),
        okText: t('congressTemplate.actions.discardDraft'),
        danger: true,
        onOk: () => discard.mutateAsync(version).catch(() => undefined),
      });
    },
    confirmUndo: () => {
      const stored = base.draft;
      if (!stored) return;
      ask({
        title: t('congressTemplate.undoConfirm.title'),
        content: t('congressTemplate.undoConfirm.content'),
        okText: t('congressTemplate.actions.undo'),
        onOk: () => {
          editor.clearLocal();
          editor.resetTo(stored, base);
        },
      });
    },
    cancelNew: () => {
      const close = () => {
        editor.clearLocal();
        onClose();
      };
      if (!changed) return close();
      ask({
        title: t('congressTemplate.cancelConfirm.title'),
        content: t('congressTemplate.cancelConfirm.content'),
        okText: t('congressTemplate.actions.cancel'),
        danger: true,
        onOk: close,
      });
    },
  };
}

/** The draft's actions, kept in view at the bottom of the window while the long list of steps scrolls. */
export function TemplateActions(props: Props) {
  const { editor, barRef } = props;
  const { t } = useTranslation();
  const commands = useDraftCommands(props);
  const { base, dirty, changed } = editor;
  const { busy } = commands;
  const blocked = publishBlock(dirty, base, editor.issues);
  const version = base.draft ? base.version : undefined;
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
        {base.draft && dirty && (
          <SideButton
            label={t('congressTemplate.actions.undo')}
            icon={<UndoOutlined aria-hidden />}
            disabled={busy}
            onClick={commands.confirmUndo}
          />
        )}
        {base.draft ? (
          <SideButton
            label={t('congressTemplate.actions.discardDraft')}
            icon={<DeleteOutlined aria-hidden />}
            danger
            disabled={busy}
            onClick={commands.confirmDiscard}
          />
        ) : (
          <SideButton
            label={t('congressTemplate.actions.cancel')}
            icon={<StopOutlined aria-hidden />}
            disabled={busy}
            onClick={commands.cancelNew}
          />
        )}
        <Tooltip title={blocked ? t(PUBLISH_BLOCKED[blocked]) : undefined}>
          <Button
            icon={<SendOutlined aria-hidden />}
            disabled={Boolean(blocked) || busy}
            loading={commands.publish.isPending}
            onClick={commands.confirmPublish}
          >
            {t('congressTemplate.actions.publish')}
          </Button>
        </Tooltip>
        <Button
          type="primary"
          icon={<SaveOutlined aria-hidden />}
          onClick={commands.onSave}
          loading={commands.save.isPending}
          disabled={(!dirty && version !== undefined) || (busy && !commands.save.isPending)}
        >
          {t('congressTemplate.actions.save')}
        </Button>
      </Flex>
    </Flex>
  );
}
