import { EditOutlined, FolderOutlined, InboxOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Flex, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { showSuccess } from '../../app/feedback';
import type { OrganizationAbilities } from '../../app/permissions';
import { type OrganizationDetail, updateOrganization } from './api';
import { MoveOrganizationModal } from './MoveOrganizationModal';
import { OrganizationFormModal } from './OrganizationForm';
import { childLevels } from './rules';
import { useInvalidateOrganizations } from './useInvalidateOrganizations';

type Dialog = 'create' | 'edit' | 'move' | null;

function useArchive(org: OrganizationDetail) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: () => updateOrganization(org.id, { version: org.version, archived: !org.archived }),
    meta: { silent: true },
    onSuccess: async () => {
      showSuccess(t(org.archived ? 'organizations.unarchived' : 'organizations.archived'));
      await invalidate();
    },
    onError: async (error) => {
      const conflict = isApiError(error) && error.code === 'VERSION_CONFLICT';
      void message.error(conflict ? t('errors.conflict') : error.message);
      if (conflict) await invalidate();
    },
  });
}

export function OrganizationActions({ org, can }: { org: OrganizationDetail; can: OrganizationAbilities }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const archive = useArchive(org);
  const close = () => setDialog(null);
  if (!can.createChild && !can.edit && !can.move && !can.archive) return null;

  return (
    <Flex wrap gap={8}>
      {can.createChild && !org.archived && childLevels(org).length > 0 && (
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog('create')}>
          {t('organizations.addChild')}
        </Button>
      )}
      {can.edit && !org.archived && (
        <Button icon={<EditOutlined aria-hidden />} onClick={() => setDialog('edit')}>
          {t('organizations.edit')}
        </Button>
      )}
      {can.move && !org.archived && (
        <Button icon={<SwapOutlined aria-hidden />} onClick={() => setDialog('move')}>
          {t('organizations.move')}
        </Button>
      )}
      {can.archive && (
        <Popconfirm
          title={t(org.archived ? 'organizations.unarchive' : 'organizations.archive')}
          description={t(org.archived ? 'organizations.unarchiveConfirm' : 'organizations.archiveConfirm', {
            name: org.name,
          })}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: !org.archived, loading: archive.isPending }}
          onConfirm={() => archive.mutateAsync().catch(() => undefined)}
        >
          <Button
            danger={!org.archived}
            icon={org.archived ? <FolderOutlined aria-hidden /> : <InboxOutlined aria-hidden />}
            loading={archive.isPending}
          >
            {t(org.archived ? 'organizations.unarchive' : 'organizations.archive')}
          </Button>
        </Popconfirm>
      )}
      {dialog === 'create' && <OrganizationFormModal mode="create" parent={org} onClose={close} />}
      {dialog === 'edit' && <OrganizationFormModal mode="edit" org={org} onClose={close} />}
      {dialog === 'move' && <MoveOrganizationModal org={org} onClose={close} />}
    </Flex>
  );
}
