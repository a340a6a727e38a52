import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Col, Input, InputNumber, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../app/useMediaQuery';
import { useOrganizationOption } from '../members/MemberFilters';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { activeFilterCount, type DocumentFilters, MIN_YEAR, normalizeIssuer } from './filters';
import { useDocumentLabels } from './labels';

interface Props {
  filters: DocumentFilters;
  onChange: (next: DocumentFilters) => void;
  /** The business year: the last year one can choose. */
  maxYear: number;
}

export function DocumentFilterBar({ filters, onChange, maxYear }: Props) {
  const { t } = useTranslation();
  const labels = useDocumentLabels();
  const orgOptions = useOrganizationOption(filters.organizationId);
  const isPhone = useIsPhone();
  const [open, setOpen] = useState(false);
  const [issuer, setIssuer] = useState(filters.issuer ?? '');
  const active = activeFilterCount(filters);
  const set = <K extends keyof DocumentFilters>(key: K, value: DocumentFilters[K] | null | undefined) =>
    onChange({ ...filters, [key]: value ?? undefined });

  // The issuer box follows the URL when the filters are cleared or the page is opened from a link.
  useEffect(() => setIssuer(filters.issuer ?? ''), [filters.issuer]);
  const commitIssuer = () => {
    const next = normalizeIssuer(issuer);
    if (next !== (filters.issuer ?? '')) set('issuer', next || undefined);
  };

  if (isPhone && !open)
    return (
      <div style={{ marginBottom: 12 }}>
        <Badge count={active} size="small">
          <Button icon={<FilterOutlined aria-hidden />} onClick={() => setOpen(true)} aria-expanded={false}>
            {t('documents.filters.show')}
          </Button>
        </Badge>
      </div>
    );

  const col = { xs: 24, sm: 12, lg: 6, xl: 4 };
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      <Col xs={24} lg={12} xl={8}>
        <OrganizationSelect
          aria-label={t('documents.fields.organization')}
          value={filters.organizationId ?? null}
          initialOptions={orgOptions}
          onChange={(id) => set('organizationId', id)}
        />
      </Col>
      <Col {...col}>
        <Select
          aria-label={t('documents.fields.direction')}
          placeholder={t('documents.filters.direction')}
          allowClear
          value={filters.direction}
          onChange={(v) => set('direction', v)}
          options={labels.directionOptions}
          style={{ width: '100%' }}
        />
      </Col>
      <Col {...col}>
        <Select
          aria-label={t('documents.fields.type')}
          placeholder={t('documents.fields.type')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={filters.type}
          onChange={(v) => set('type', v)}
          options={labels.typeOptions}
          style={{ width: '100%' }}
        />
      </Col>
      <Col {...col}>
        <Input
          aria-label={t('documents.fields.issuer')}
          placeholder={t('documents.filters.issuer')}
          allowClear
          maxLength={30}
          value={issuer}
          onChange={(e) => {
            setIssuer(e.target.value);
            if (e.target.value === '' && filters.issuer) set('issuer', undefined);
          }}
          onBlur={commitIssuer}
          onPressEnter={commitIssuer}
        />
      </Col>
      <Col {...col}>
        <InputNumber
          aria-label={t('documents.fields.year')}
          placeholder={t('documents.fields.year')}
          min={MIN_YEAR}
          max={maxYear}
          precision={0}
          value={filters.year ?? null}
          onChange={(v) =>
            set('year', typeof v === 'number' && v >= MIN_YEAR && v <= maxYear ? v : undefined)
          }
          style={{ width: '100%' }}
        />
      </Col>
      {active > 0 && (
        <Col {...col}>
          <Button onClick={() => onChange(filters.q ? { q: filters.q } : {})}>
            {t('documents.filters.clear')}
          </Button>
        </Col>
      )}
    </Row>
  );
}
