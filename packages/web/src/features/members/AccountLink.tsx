import { DisconnectOutlined, LinkOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Form, Modal, Popconfirm, Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Page, request } from '../../app/api';
import { FormError } from '../../app/FormError';
import { showSuccess } from '../../app/feedback';
import { errorText } from '../../app/forms';
import { useDebounced } from '../../app/useDebounced';
import type { User } from '../auth/api';
import { linkAccount, MEMBERS_KEY, type MemberDetail, memberQuery } from './api';
import { AccountLine } from './MemberSections';

/** `silent`: the caller shows the error itself (in the dialog); otherwise a message does. */
function useRelink(member: MemberDetail, onDone: () => void, silent: boolean) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent },
    mutationFn: async ({ userId, link }: { userId: string; link: boolean }) => {
      // The account's current version: the link is a change of the account.
      const user = await request<User>(`/users/${encodeURIComponent(userId)}`);
      return linkAccount(userId, link ? member.id : null, user.version);
    },
    onSuccess: async (_data, { link }) => {
      await queryClient.invalidateQueries({ queryKey: memberQuery(member.id).queryKey });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: [MEMBERS_KEY, 'list'] });
      showSuccess(link ? t('members.account.linkedDone') : t('members.account.unlinkedDone'));
      onDone();
    },
  });
}

function LinkModal({ member, onClose }: { member: MemberDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [userId, setUserId] = useState<string | null>(null);
  const q = useDebounced(search.trim(), 250);
  const users = useQuery({
    queryKey: ['users', 'pick', q],
    queryFn: ({ signal }) => request<Page<User>>('/users', { query: { q, limit: 20 }, signal }),
  });
  const relink = useRelink(member, onClose, true);
  return (
    <Modal
      open
      title={t('members.account.linkTitle', { name: member.fullName })}
      okText={t('members.account.link')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !userId, loading: relink.isPending }}
      onOk={() => userId && relink.mutate({ userId, link: true })}
      onCancel={onClose}
    >
      <FormError error={relink.error ? errorText(relink.error, t('errors.unexpected')) : null} />
      <Form layout="vertical">
        <Form.Item label={t('members.account.pick')} htmlFor="member-account-pick">
          <Select
            id="member-account-pick"
            value={userId ?? undefined}
            onChange={(v: string) => setUserId(v)}
            showSearch={{ filterOption: false, onSearch: setSearch }}
            notFoundContent={users.isFetching ? <Spin size="small" /> : t('common.noData')}
            options={(users.data?.items ?? []).map((u) => ({
              value: u.id,
              label: `${u.displayName} (${u.username})`,
            }))}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The account that signs in as this member; the administrator links and unlinks it. */
export function AccountLink({ member, canLink }: { member: MemberDetail; canLink: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const unlink = useRelink(member, () => undefined, false);
  return (
    <Flex gap={12} align="center" wrap>
      <AccountLine account={member.account} />
      {canLink && !member.account && (
        <Button size="small" icon={<LinkOutlined aria-hidden />} onClick={() => setOpen(true)}>
          {t('members.account.link')}
        </Button>
      )}
      {canLink && member.account && (
        <Popconfirm
          title={t('members.account.unlinkConfirm', { username: member.account.username })}
          okText={t('members.account.unlink')}
          cancelText={t('common.cancel')}
          onConfirm={() => {
            if (member.account) return unlink.mutateAsync({ userId: member.account.id, link: false });
          }}
        >
          <Button size="small" danger icon={<DisconnectOutlined aria-hidden />} loading={unlink.isPending}>
            {t('members.account.unlink')}
          </Button>
        </Popconfirm>
      )}
      {open && <LinkModal member={member} onClose={() => setOpen(false)} />}
    </Flex>
  );
}
