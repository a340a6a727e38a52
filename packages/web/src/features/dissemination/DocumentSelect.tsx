import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../app/useDebounced';
import { type DocumentListItem, type DocumentRef, documentRefQuery, documentSearchQuery } from './api';
import { documentLabel } from './helpers';

interface Option {
  value: string;
  label: string;
  title: string;
}

const toOption = (d: DocumentRef): Option => ({ value: d.id, label: documentLabel(d), title: d.summary });

function useLabels(initial: readonly DocumentRef[]) {
  const labels = useRef(new Map<string, Option>());
  for (const d of initial) if (!labels.current.has(d.id)) labels.current.set(d.id, toOption(d));
  return labels.current;
}

function useSearch() {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const query = useQuery(documentSearchQuery(q));
  return { search, setSearch, q, query };
}

/**
 * A found document with the register that holds it: the province's copy of a directive and the bloc's own
 * are two records, and coverage is counted on the one the session studies.
 */
function Found({ d }: { d: DocumentListItem }) {
  const { t } = useTranslation();
  return (
    <div style={{ whiteSpace: 'normal', lineHeight: 1.35, padding: '2px 0' }}>
      <div style={{ fontWeight: 500 }}>{documentLabel(d)}</div>
      <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{d.summary}</div>
      <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
        {t('dissemination.placeholders.inRegister', { name: d.organization.name })}
      </div>
    </div>
  );
}

interface MultiProps {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  /** The documents already chosen, for their labels. */
  initialDocuments?: readonly DocumentRef[];
  disabled?: boolean;
  'aria-label'?: string;
}

/** Pick documents by number, symbol or words of the summary; each shows number + date + issuer. */
export function DocumentMultiSelect({ value, onChange, initialDocuments = [], ...rest }: MultiProps) {
  const { t } = useTranslation();
  const labels = useLabels(initialDocuments);
  const { setSearch, query } = useSearch();
  const found = query.data?.items ?? [];
  for (const d of found) labels.set(d.id, toOption(d));
  const chosen = value ?? [];
  const options = [
    ...found.map((d) => ({ value: d.id, label: <Found d={d} />, title: documentLabel(d) })),
    ...chosen
      .filter((id) => !found.some((d) => d.id === id))
      .map((id) => ({ value: id, label: labels.get(id)?.label ?? id, title: labels.get(id)?.title })),
  ];
  return (
    <Select
      {...rest}
      mode="multiple"
      value={chosen}
      allowClear
      placeholder={t('dissemination.placeholders.searchDocuments')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onChange={(next: string[]) => {
        setSearch('');
        onChange?.(next);
      }}
      options={options}
      labelRender={({ value: v }) => labels.get(String(v))?.label ?? String(v)}
      notFoundContent={query.isFetching ? <Spin size="small" /> : t('dissemination.placeholders.noDocuments')}
      style={{ width: '100%' }}
    />
  );
}

interface SingleProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  'aria-label'?: string;
}

/** One document, for a filter; the label of a value from the URL is fetched. */
export function DocumentSelect({ value, onChange, ...rest }: SingleProps) {
  const { t } = useTranslation();
  const { setSearch, query } = useSearch();
  const picked = useQuery({ ...documentRefQuery(value ?? ''), enabled: Boolean(value), retry: false });
  const labels = useLabels(picked.data ? [picked.data] : []);
  const found = query.data?.items ?? [];
  for (const d of found) labels.set(d.id, toOption(d));
  const options = found.map((d) => ({ value: d.id, label: <Found d={d} />, title: documentLabel(d) }));
  if (value && !found.some((d) => d.id === value))
    options.push({
      value,
      label: <>{labels.get(value)?.label ?? ''}</>,
      title: labels.get(value)?.label ?? '',
    });
  return (
    <Select
      {...rest}
      value={value ?? undefined}
      allowClear
      placeholder={t('dissemination.filters.document')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onChange={(next: string | undefined) => {
        setSearch('');
        onChange?.(next ?? null);
      }}
      options={options}
      labelRender={({ value: v }) => labels.get(String(v))?.label ?? ''}
      notFoundContent={query.isFetching ? <Spin size="small" /> : t('dissemination.placeholders.noDocuments')}
      style={{ width: '100%' }}
    />
  );
}
