import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AuditValue } from './AuditValue';
import type { AuditEvent } from './api';
import { auditDiff, type DiffRow } from './auditDiff';

export function AuditDiff({ event }: { event: AuditEvent }) {
  const { t, i18n } = useTranslation();
  const rows = auditDiff(event.before, event.after);
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  const fieldLabel = (field: string) =>
    i18n.exists(`audit.fields.${field}`) ? t(`audit.fields.${field}`) : field;
  return (
    <Table<DiffRow>
      rowKey="field"
      size="small"
      pagination={false}
      dataSource={rows}
      aria-label={t('audit.diffField')}
      columns={[
        {
          key: 'field',
          title: t('audit.diffField'),
          width: '24%',
          render: (_, row) => fieldLabel(row.field),
        },
        {
          key: 'before',
          title: t('audit.diffBefore'),
          render: (_, row) => <AuditValue field={row.field} value={row.before} />,
        },
        {
          key: 'after',
          title: t('audit.diffAfter'),
          render: (_, row) => <AuditValue field={row.field} value={row.after} />,
        },
      ]}
    />
  );
}
