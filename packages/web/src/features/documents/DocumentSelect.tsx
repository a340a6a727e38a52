import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../app/useDebounced';
import { documentSearchQuery } from './api';
import type { PickedDocument } from './form';
import { documentLabel } from './format';

interface Props {
  id?: string;
  value?: PickedDocument | null;
  onChange?: (value: PickedDocument | null) => void;
  /** Only documents of this register (a report names the organization's own document). */
  organizationId?: string;
  /** Documents that may not be chosen (the document itself). */
  excludeIds?: readonly string[];
  disabled?: boolean;
  'aria-label'?: string;
}

/**
 * Pick one document by typing its number or words of its summary (diacritics optional); before typing
 * the newest documents are offered. Each option reads number · date · issuer — summary.
 */
export function DocumentSelect({ value, onChange, organizationId, excludeIds = [], ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const [open, setOpen] = useState(false);
  const { data, isFetching } = useQuery({ ...documentSearchQuery(q, organizationId), enabled: open || !!q });
  const found = (data?.items ?? [])
    .filter((d) => !excludeIds.includes(d.id))
    .map((d) => ({
      value: d.id,
      label: documentLabel(d),
      title: `${documentLabel(d)} — ${d.summary}`,
      summary: d.summary,
    }));
  const options =
    value && !found.some((o) => o.value === value.value)
      ? [{ value: value.value, label: value.label, title: value.label, summary: '' }, ...found]
      : found;

  return (
    <Select
      {...rest}
      labelInValue
      value={value ? { value: value.value, label: value.label } : undefined}
      allowClear
      placeholder={t('documents.links.pickPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={setOpen}
      onChange={(next: { value: string; label?: unknown } | undefined) => {
        setSearch('');
        if (!next) return onChange?.(null);
        const picked = found.find((o) => o.value === next.value);
        onChange?.({ value: next.value, label: picked?.label ?? value?.label ?? next.value });
      }}
      options={options}
      optionRender={(option) => (
        <div style={{ whiteSpace: 'normal', lineHeight: 1.35 }}>
          <div style={{ fontWeight: 500 }}>{option.data.label}</div>
          {option.data.summary && (
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{option.data.summary}</div>
          )}
        </div>
      )}
      notFoundContent={isFetching ? <Spin size="small" /> : t('documents.links.noResults')}
      style={{ width: '100%' }}
    />
  );
}
