import { EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Segmented, Skeleton, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { showSuccess } from '../../app/feedback';
import { LoadFailed } from '../../app/LoadFailed';
import { useCurrentSession } from '../../app/session';
import { useIsPhone } from '../../app/useMediaQuery';
import type { SetupTabProps } from './setupTab';
import { TemplateEditor } from './TemplateEditor';
import { useTemplateLabels } from './TemplateParts';
import { ExampleDate } from './TemplatePreview';
import { TemplateSteps } from './TemplateSteps';
import {
  type CongressTemplateView,
  congressTemplateQuery,
  type TemplateApplied,
  useApplyTemplate,
  withdrawCongressTemplate,
} from './templateApi';
import {
  type EditorStart,
  editorStart,
  exampleCongressDate,
  followedOrigin,
  followedSteps,
  inheritedOrigin,
  localDraftKey,
  localStore,
  parseLocal,
} from './templateDraft';

/** What a publication applied to the plans below changed, until the user closes it. */
function AppliedSummary({ applied, onClose }: { applied: TemplateApplied; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose, 'aria-label': t('common.close') }}
      title={
        applied.plans > 0
          ? t('congressTemplate.applied.summary', { ...applied })
          : t('congressTemplate.applied.none')
      }
      description={
        applied.plans > 0 && (
          <span>
            {t('congressTemplate.applied.hint')}{' '}
            <Link to="/congress-plans">{t('congressTemplate.applied.link')}</Link>
          </span>
        )
      }
    />
  );
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
  const labels = useTemplateLabels();
  const apply = useApplyTemplate(organization.id, ruleSetId);
  const mayEdit = canManage && data.abilities.edit;
  const localKey = localDraftKey(session.user.id, organization.id, ruleSetId);
  const [example, setExample] = useState(() => exampleCongressDate(ruleSetId, organization.level));
  const [seq, setSeq] = useState(0);
  const [applied, setApplied] = useState<TemplateApplied | null>(null);
  const inherited = (view: CongressTemplateView) => labels.origin(inheritedOrigin(view), ruleSetId);

  /** The editor as it opens: the copy kept in this browser when it says more than what is stored, else the start. */
  const startOf = (view: CongressTemplateView): EditorStart =>
    editorStart(
      view,
      ruleSetId,
      parseLocal(localStore()?.getItem(localKey) ?? null, new Date()),
      t('congressTemplate.defaultName', { organization: organization.name }),
    );

  const [editing, setEditing] = useState<EditorStart | null>(() => {
    if (!mayEdit) return null;
    const start = startOf(data);
    return start.restoredAt || data.own?.draft ? start : null;
  });
  const [shown, setShown] = useState<'draft' | 'followed'>('draft');
  const viewRef = useRef<HTMLDivElement>(null);

  const open = () => {
    setEditing(startOf(data));
    setShown('draft');
    setSeq((n) => n + 1);
    setApplied(null);
  };

  const withdraw = useMutation({
    mutationFn: (version: number) => withdrawCongressTemplate(organization.id, ruleSetId, version),
    onSuccess: (view) => {
      apply(view, true);
      localStore()?.removeItem(localKey);
      setEditing(null);
      showSuccess(t('congressTemplate.withdrawn', { origin: inherited(view) }));
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
      content: t('congressTemplate.withdrawConfirm.content', { origin: inherited(data) }),
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
      {applied && <AppliedSummary applied={applied} onClose={() => setApplied(null)} />}
      <Alert
        type="info"
        showIcon
        title={t('congressTemplate.followed', { name: followedName })}
        description={
          <Flex vertical gap={2}>
            <span>
              {labels.origin(followedOrigin(data), ruleSetId)} ·{' '}
              {t('congressTemplate.stepsCount', { count: steps.length })}
            </span>
            {followedSource && (
              <span>{t('congressTemplate.sourceDocumentLine', { source: followedSource })}</span>
            )}
            {data.own?.published && (
              <Typography.Text type="secondary">
                {t('congressTemplate.ownPlanFollows', {
                  organization: organization.name,
                  origin: inherited(data),
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
            onClose={(result) => {
              setEditing(null);
              setApplied(result ?? null);
              // What the subtree follows now is at the top of the tab.
              viewRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
            }}
          />
        </div>
      )}
      {(!editing || shown === 'followed') && (
        <TemplateSteps steps={steps} ruleSetId={ruleSetId} example={example} />
      )}
    </Flex>
  );
}

/**
 * "Mẫu các bước chuẩn bị": the preparation template the organization's subtree follows and where it comes
 * from; for those who manage the organization's congresses, its own draft (steps reordered, added,
 * removed, each with its owner, its offset from the congress date and what it submits above, checked by
 * core as typed, with the due dates for an example congress date), saved, published to the subtree (and,
 * if chosen, to the plans already adopted there), dropped, or given up. Read only for the others.
 */
export function TemplateTab(props: SetupTabProps) {
  const { t } = useTranslation();
  const query = useQuery(congressTemplateQuery(props.organization.id, props.ruleSetId));
  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError)
    return (
      <LoadFailed title={t('congressTemplate.loadFailed')} error={query.error} onRetry={query.refetch} />
    );
  return <TemplateView {...props} data={query.data} />;
}
