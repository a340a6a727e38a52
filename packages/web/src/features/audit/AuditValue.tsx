import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatTimestamp, isIsoDate, isIsoTimestamp } from '../../app/format';
import { useOrganizationLabels } from '../organizations/labels';
import { OrganizationName } from '../organizations/OrganizationName';

const ORGANIZATION_FIELDS = new Set(['parentId', 'organizationId']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface RoleValue {
  role?: unknown;
  organizationId?: unknown;
  organizationName?: unknown;
}

export function AuditValue({ field, value }: { field: string; value: unknown }) {
  const { t, i18n } = useTranslation();
  const labels = useOrganizationLabels();
  if (value === null || value === undefined || value === '') {
    return <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
  }
  if (typeof value === 'boolean') return <>{t(value ? 'common.yes' : 'common.no')}</>;
  if (typeof value === 'string') {
    if (ORGANIZATION_FIELDS.has(field) && UUID.test(value)) return <OrganizationName id={value} />;
    if (field === 'level') return <>{labels.level(value)}</>;
    if (field === 'kind') return <>{labels.kind(value)}</>;
    if (isIsoDate(value)) return <>{formatDate(value)}</>;
    if (isIsoTimestamp(value)) return <>{formatTimestamp(value)}</>;
    return <>{value}</>;
  }
  if (field === 'roles' && Array.isArray(value)) {
    return (
      <>
        {(value as RoleValue[]).map((r, i) => {
          const role =
            typeof r.role === 'string' && i18n.exists(`roles.${r.role}`)
              ? t(`roles.${r.role}`)
              : String(r.role);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a snapshot of roles has no ids of its own
            <div key={i}>
              {role}
              {typeof r.organizationName === 'string' && ` — ${r.organizationName}`}
              {typeof r.organizationName !== 'string' && typeof r.organizationId === 'string' && (
                <>
                  {' — '}
                  <OrganizationName id={r.organizationId} />
                </>
              )}
            </div>
          );
        })}
      </>
    );
  }
  if (typeof value === 'object')
    return <code style={{ whiteSpace: 'pre-wrap' }}>{JSON.stringify(value, null, 1)}</code>;
  return <>{String(value)}</>;
}
