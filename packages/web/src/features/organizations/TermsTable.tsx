import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import type { OrganizationDetail, Term } from './api';
import { TermFormModal } from './TermForm';

export function TermsTable({ org, canManage }: { org: OrganizationDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Term | 'new' | null>(null);
  const terms = [...org.terms].sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  return (
    <section aria-labelledby="terms-title">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} id="terms-title" style={{ margin: 0 }}>
          {t('organizations.terms.title')}
        </Typography.Title>
        {canManage && !org.archived && (
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            {t('organizations.terms.add')}
          </Button>
        )}
      </Flex>
      <Table<Term>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={terms}
        locale={{ emptyText: t('organizations.terms.empty') }}
        columns={[
          { key: 'name', dataIndex: 'name', title: t('organizations.terms.name') },
          {
            key: 'startsOn',
            title: t('organizations.terms.startsOn'),
            render: (_, term) => formatDate(term.startsOn),
          },
          {
            key: 'endsOn',
            title: t('organizations.terms.endsOn'),
            render: (_, term) => formatDate(term.endsOn),
          },
          ...(canManage && !org.archived
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 110,
                  render: (_: unknown, term: Term) => (
                    <Button
                      size="small"
                      type="link"
                      icon={<EditOutlined aria-hidden />}
                      aria-label={`${t('common.edit')} ${term.name}`}
                      onClick={() => setEditing(term)}
                    >
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <TermFormModal org={org} term={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </section>
  );
}
