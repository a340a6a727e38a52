import { DeleteOutlined, EditOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../app/api';
import { showError, showSuccess } from '../../app/feedback';
import { errorText } from '../../app/forms';
import { readsMembers } from '../../app/permissions';
import { isSessionError } from '../../app/queryClient';
import { useRoles } from '../../app/session';
import { useIsPhone } from '../../app/useMediaQuery';
import { type CongressPlanDetail, type CongressSubcommittee, planQuery } from './api';
import { SubcommitteeModal } from './SubcommitteeModal';
import { useSubcommitteeLabels } from './subcommitteeLabels';
import { missingStandardKinds, nextKind } from './subcommittees';
import { createSubcommittee, deleteSubcommittee, type SubcommitteeKind } from './subcommitteesApi';

type Editing = { subcommittee: CongressSubcommittee } | { kind: SubcommitteeKind } | null;
type Person = CongressSubcommittee['members'][number];

/** Keeps the plan's page in step with what a write answered, and the audit tab with the write. */
function useApplyList(planId: string) {
  const queryClient = useQueryClient();
  return (list: CongressSubcommittee[]) => {
    queryClient.setQueryData(planQuery(planId).queryKey, (old) =>
      old ? { ...old, subcommittees: list } : old,
    );
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

function MemberList({ people }: { people: Person[] }) {
  const { t } = useTranslation();
  const labels = useSubcommitteeLabels();
  const isPhone = useIsPhone();
  const linked = readsMembers(useRoles());
  const nameOf = (p: Person) =>
    linked ? <Link to={`/members/${p.memberId}`}>{p.fullName}</Link> : p.fullName;
  if (people.length === 0)
    return <Typography.Text type="secondary">{t('congressSetup.subcommittees.noMembers')}</Typography.Text>;
  if (isPhone)
    return (
      <ol className="dh-result-list" aria-label={t('congressSetup.subcommittees.members')}>
        {people.map((p) => (
          <li key={p.memberId}>
            <Flex vertical gap={2}>
              <span style={{ fontWeight: 500 }}>{nameOf(p)}</span>
              <Typography.Text type="secondary">{labels.role(p.role)}</Typography.Text>
              {p.duties && <span>{p.duties}</span>}
            </Flex>
          </li>
        ))}
      </ol>
    );
  return (
    <Table<Person>
      rowKey="memberId"
      size="small"
      pagination={false}
      dataSource={people}
      columns={[
        {
          key: 'index',
          title: t('congressSetup.subcommittees.columns.index'),
          width: 48,
          render: (_, _p, i) => i + 1,
        },
        { key: 'name', title: t('congressSetup.subcommittees.columns.name'), render: (_, p) => nameOf(p) },
        {
          key: 'role',
          title: t('congressSetup.subcommittees.columns.role'),
          width: 200,
          render: (_, p) => labels.role(p.role),
        },
        {
          key: 'duties',
          title: t('congressSetup.subcommittees.columns.duties'),
          render: (_, p) => p.duties ?? t('common.empty'),
        },
      ]}
    />
  );
}

interface CardProps {
  subcommittee: CongressSubcommittee;
  canEdit: boolean;
  busy: boolean;
  onEdit: () => void;
  onDelete: () => Promise<unknown>;
}

function SubcommitteeCard({ subcommittee: s, canEdit, busy, onEdit, onDelete }: CardProps) {
  const { t } = useTranslation();
  const labels = useSubcommitteeLabels();
  const titleId = `dh-subcommittee-${s.id}`;
  return (
    <Card
      size="small"
      role="region"
      aria-labelledby={titleId}
      title={
        <Flex wrap gap={8} align="center">
          <span id={titleId}>{s.name}</span>
          {!labels.isUsualName(s.kind, s.name) ? (
            <Tag style={{ marginInlineEnd: 0 }}>{labels.kind(s.kind)}</Tag>
          ) : null}
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {t('congressSetup.subcommittees.count', { count: s.members.length })}
          </Typography.Text>
        </Flex>
      }
      extra={
        canEdit && (
          <Flex gap={4}>
            <Button
              size="small"
              type="link"
              icon={<EditOutlined aria-hidden />}
              onClick={onEdit}
              disabled={busy}
              aria-label={t('congressSetup.subcommittees.editOf', { name: s.name })}
            >
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('congressSetup.subcommittees.deleteConfirm', { name: s.name })}
              description={t('congressSetup.subcommittees.deleteHint')}
              okText={t('common.remove')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={onDelete}
            >
              <Button
                size="small"
                type="link"
                danger
                icon={<DeleteOutlined aria-hidden />}
                disabled={busy}
                aria-label={t('congressSetup.subcommittees.deleteOf', { name: s.name })}
              >
                {t('common.remove')}
              </Button>
            </Popconfirm>
          </Flex>
        )
      }
    >
      {s.duties && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
          <Typography.Text type="secondary">
            {t('congressSetup.subcommittees.fields.duties')}:{' '}
          </Typography.Text>
          {s.duties}
        </Typography.Paragraph>
      )}
      <MemberList people={s.members} />
    </Card>
  );
}

/**
 * The plan's subcommittees (documents, personnel, logistics and any other) with their members drawn from the
 * organization: the three standard ones formed in one click, each edited in a dialog, deleted after a
 * confirmation. Read only for those who do not manage the plan.
 */
export function SubcommitteesTab({ plan, canEdit }: { plan: CongressPlanDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const labels = useSubcommitteeLabels();
  const queryClient = useQueryClient();
  const apply = useApplyList(plan.id);
  const [editing, setEditing] = useState<Editing>(null);
  const list = plan.subcommittees;
  const missing = missingStandardKinds(list);

  // One request per missing kind, in order; what was formed stays even if a later one fails.
  const formStandard = useMutation({
    meta: { silent: true },
    mutationFn: async (kinds: SubcommitteeKind[]) => {
      for (const kind of kinds) apply(await createSubcommittee(plan.id, { kind, members: [] }));
      return kinds.length;
    },
    onSuccess: (count) => showSuccess(t('congressSetup.subcommittees.standardFormed', { count })),
    onError: (error) => {
      if (isSessionError(error)) return;
      showError(errorText(error, t('errors.unexpected')));
      void queryClient.invalidateQueries({ queryKey: planQuery(plan.id).queryKey });
    },
  });

  const remove = useMutation({
    meta: { silent: true },
    mutationFn: (s: CongressSubcommittee) => deleteSubcommittee(s.id),
    onSuccess: (_, s) => {
      apply(list.filter((x) => x.id !== s.id));
      showSuccess(t('congressSetup.subcommittees.deleted', { name: s.name }));
    },
    onError: (error) => {
      if (isSessionError(error)) return;
      // Already deleted elsewhere: the list reloads without it.
      if (!(isApiError(error) && error.status === 404)) showError(errorText(error, t('errors.unexpected')));
      void queryClient.invalidateQueries({ queryKey: planQuery(plan.id).queryKey });
    },
  });

  const busy = formStandard.isPending || remove.isPending;
  const quick = canEdit && missing.length > 0 && (
    <Button
      type={list.length === 0 ? 'primary' : 'default'}
      icon={<ThunderboltOutlined aria-hidden />}
      loading={formStandard.isPending}
      disabled={remove.isPending}
      onClick={() => formStandard.mutate(missing)}
      title={missing.map((k) => labels.kind(k)).join(', ')}
    >
      {missing.length === 3
        ? t('congressSetup.subcommittees.formStandard')
        : t('congressSetup.subcommittees.formMissing', { count: missing.length })}
    </Button>
  );

  return (
    <section aria-labelledby="dh-subcommittees-title">
      <Flex wrap justify="space-between" align="center" gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} id="dh-subcommittees-title" style={{ margin: 0 }}>
          {t('congressSetup.subcommittees.title')}
        </Typography.Title>
        {canEdit && (
          <Flex wrap gap={8}>
            {quick}
            <Button
              icon={<PlusOutlined aria-hidden />}
              disabled={busy}
              onClick={() => setEditing({ kind: nextKind(list) })}
            >
              {t('congressSetup.subcommittees.add')}
            </Button>
          </Flex>
        )}
      </Flex>
      {list.length === 0 ? (
        <Empty
          description={
            canEdit ? t('congressSetup.subcommittees.emptyHint') : t('congressSetup.subcommittees.empty')
          }
        />
      ) : (
        <Flex vertical gap={12}>
          {list.map((s) => (
            <SubcommitteeCard
              key={s.id}
              subcommittee={s}
              canEdit={canEdit}
              busy={busy}
              onEdit={() => setEditing({ subcommittee: s })}
              onDelete={() => remove.mutateAsync(s).catch(() => undefined)}
            />
          ))}
        </Flex>
      )}
      {editing && (
        <SubcommitteeModal plan={plan} {...editing} onSaved={apply} onClose={() => setEditing(null)} />
      )}
    </section>
  );
}
