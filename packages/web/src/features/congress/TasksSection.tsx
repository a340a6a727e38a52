import {
  CheckOutlined,
  EditOutlined,
  PaperClipOutlined,
  PlusOutlined,
  StopOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Flex, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showSuccess } from '../../app/feedback';
import { formatDate } from '../../app/format';
import { useIsPhone } from '../../app/useMediaQuery';
import { CONGRESS_KEY, type CongressPlanDetail, type CongressTask, planQuery, updateTask } from './api';
import { sortTasks, type TaskAction, taskActionBody, taskActions, taskCounts, taskStateTag } from './helpers';
import { useCongressLabels } from './labels';
import { TaskEvidence } from './TaskEvidence';
import { TaskModal } from './TaskModal';

const ACTION_ICONS: Record<TaskAction, ReactNode> = {
  done: <CheckOutlined aria-hidden />,
  reopen: <UndoOutlined aria-hidden />,
  skip: <StopOutlined aria-hidden />,
};

export function StateTag({ state }: { state: string }) {
  const labels = useCongressLabels();
  return (
    <Tag color={taskStateTag(state)} style={{ marginInlineEnd: 0 }}>
      {labels.state(state)}
    </Tag>
  );
}

function useTaskAction(plan: CongressPlanDetail) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ task, action }: { task: CongressTask; action: TaskAction }) =>
      updateTask(task.id, taskActionBody(task, action)),
    onSuccess: (saved, { action }) => {
      queryClient.setQueryData(planQuery(plan.id).queryKey, (old) =>
        old ? { ...old, tasks: old.tasks.map((x) => (x.id === saved.id ? saved : x)) } : old,
      );
      showSuccess(t(`congress.tasks.applied.${action}`, { title: saved.title }));
      void queryClient.invalidateQueries({ queryKey: [CONGRESS_KEY] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
    // A stale version: the message says so (the app shows it); the plan reloads for the next try.
    onError: () => queryClient.invalidateQueries({ queryKey: planQuery(plan.id).queryKey }),
  });
}

function DueCell({ task }: { task: CongressTask }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      <span style={{ whiteSpace: 'nowrap' }}>
        {task.dueOn ? formatDate(task.dueOn) : t('congress.tasks.noDue')}
      </span>
      {task.doneOn && (
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {t('congress.tasks.doneOn', { date: formatDate(task.doneOn) })}
        </Typography.Text>
      )}
    </Flex>
  );
}

interface ActionsProps {
  task: CongressTask;
  canEdit: boolean;
  evidenceOpen: boolean;
  busy: boolean;
  onAction: (action: TaskAction) => void;
  onEdit: () => void;
  onEvidence: () => void;
}

function TaskButtons({ task, canEdit, evidenceOpen, busy, onAction, onEdit, onEvidence }: ActionsProps) {
  const { t } = useTranslation();
  const [main, ...others] = canEdit ? taskActions(task) : [];
  const icon = (title: string, node: ReactNode) => <Tooltip title={title}>{node}</Tooltip>;
  return (
    <Flex gap={4} wrap align="center">
      {main && (
        <Button
          size="small"
          type={main === 'done' ? 'primary' : 'default'}
          ghost={main === 'done'}
          icon={ACTION_ICONS[main]}
          disabled={busy}
          onClick={() => onAction(main)}
          aria-label={`${t(`congress.tasks.actions.${main}`)}: ${task.title}`}
        >
          {t(`congress.tasks.actions.${main}`)}
        </Button>
      )}
      {others.map((action) => (
        <Tooltip key={action} title={t(`congress.tasks.actions.${action}`)}>
          <Button
            size="small"
            icon={ACTION_ICONS[action]}
            disabled={busy}
            onClick={() => onAction(action)}
            aria-label={`${t(`congress.tasks.actions.${action}`)}: ${task.title}`}
          />
        </Tooltip>
      ))}
      {canEdit &&
        icon(
          t('common.edit'),
          <Button
            size="small"
            icon={<EditOutlined aria-hidden />}
            onClick={onEdit}
            aria-label={`${t('common.edit')}: ${task.title}`}
          />,
        )}
      {icon(
        t('congress.tasks.evidence'),
        <Button
          size="small"
          type={evidenceOpen ? 'primary' : 'default'}
          ghost={evidenceOpen}
          icon={<PaperClipOutlined aria-hidden />}
          onClick={onEvidence}
          aria-expanded={evidenceOpen}
          aria-label={`${t('congress.tasks.evidence')}: ${task.title}`}
        />,
      )}
    </Flex>
  );
}

function TitleCell({ task }: { task: CongressTask }) {
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <span style={{ fontWeight: 500 }}>{task.title}</span>
      {task.note && (
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>
          {task.note}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** The preparation tasks of a plan, by due date: state, owner, quick actions, evidence; a task added by hand. */
export function TasksSection({ plan }: { plan: CongressPlanDetail }) {
  const { t } = useTranslation();
  const labels = useCongressLabels();
  const isPhone = useIsPhone();
  const [editing, setEditing] = useState<CongressTask | 'new' | null>(null);
  const [open, setOpen] = useState<string[]>([]);
  const action = useTaskAction(plan);
  const canEdit = plan.abilities.edit;
  const tasks = sortTasks(plan.tasks);
  const counts = taskCounts(tasks);
  const toggle = (id: string) =>
    setOpen((keys) => (keys.includes(id) ? keys.filter((k) => k !== id) : [...keys, id]));
  const busyOn = (task: CongressTask) => action.isPending && action.variables?.task.id === task.id;
  const buttons = (task: CongressTask) => (
    <TaskButtons
      task={task}
      canEdit={canEdit}
      evidenceOpen={open.includes(task.id)}
      busy={busyOn(task)}
      onAction={(a) => action.mutate({ task, action: a })}
      onEdit={() => setEditing(task)}
      onEvidence={() => toggle(task.id)}
    />
  );

  const columns: TableColumnsType<CongressTask> = [
    {
      key: 'title',
      title: t('congress.tasks.columns.title'),
      render: (_, task) => <TitleCell task={task} />,
    },
    {
      key: 'ownerKind',
      title: t('congress.tasks.columns.ownerKind'),
      width: 160,
      render: (_, task) => labels.owner(task.ownerKind),
    },
    {
      key: 'ownerName',
      title: t('congress.tasks.columns.ownerName'),
      width: 140,
      render: (_, task) =>
        task.ownerName ?? <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>,
    },
    {
      key: 'dueOn',
      title: t('congress.tasks.columns.dueOn'),
      width: 112,
      render: (_, task) => <DueCell task={task} />,
    },
    {
      key: 'state',
      title: t('congress.tasks.columns.state'),
      width: 124,
      render: (_, task) => <StateTag state={task.state} />,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: canEdit ? 236 : 80,
      render: (_, task) => buttons(task),
    },
  ];

  return (
    <section aria-labelledby="dh-congress-tasks">
      <Flex wrap justify="space-between" align="center" gap={8} style={{ marginBottom: 12 }}>
        <Flex vertical gap={2}>
          <Typography.Title level={4} id="dh-congress-tasks" style={{ margin: 0 }}>
            {t('congress.tasks.title')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('congressTemplate.planFollows', { name: plan.template.name })}
          </Typography.Text>
          <Typography.Text type="secondary" role="status">
            {t('congress.tasks.summary', { done: counts.done, total: counts.total, overdue: counts.overdue })}
          </Typography.Text>
        </Flex>
        {canEdit && (
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            {t('congress.tasks.add')}
          </Button>
        )}
      </Flex>
      {tasks.length === 0 ? (
        <Empty description={t('congress.tasks.empty')} />
      ) : isPhone ? (
        <ol className="dh-result-list" aria-labelledby="dh-congress-tasks">
          {tasks.map((task) => (
            <li key={task.id}>
              <Flex vertical gap={6}>
                <TitleCell task={task} />
                <Flex gap={8} wrap align="center">
                  <StateTag state={task.state} />
                  <Typography.Text style={{ fontSize: 13 }}>
                    {task.dueOn
                      ? t('congress.tasks.dueLine', { date: formatDate(task.dueOn) })
                      : t('congress.tasks.noDue')}
                  </Typography.Text>
                  {task.doneOn && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('congress.tasks.doneOn', { date: formatDate(task.doneOn) })}
                    </Typography.Text>
                  )}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {[labels.owner(task.ownerKind), task.ownerName].filter(Boolean).join(' · ')}
                </Typography.Text>
                {buttons(task)}
                {open.includes(task.id) && <TaskEvidence task={task} canEdit={canEdit} />}
              </Flex>
            </li>
          ))}
        </ol>
      ) : (
        <Table<CongressTask>
          rowKey="id"
          size="small"
          dataSource={tasks}
          columns={columns}
          pagination={false}
          scroll={{ x: 960 }}
          expandable={{
            expandedRowKeys: open,
            showExpandColumn: false,
            expandedRowRender: (task) => <TaskEvidence task={task} canEdit={canEdit} />,
          }}
        />
      )}
      {editing && (
        <TaskModal
          plan={plan}
          task={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}
