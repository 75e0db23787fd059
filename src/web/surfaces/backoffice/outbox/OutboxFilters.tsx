import { Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useIntl } from 'react-intl';
import { FilterBar } from '../../../ui/FilterBar.js';
import { useCentres } from '../network/network-api.js';
import { FILTER_FIELDS, STATUSES } from './outbox-api.js';

// Hints under the fields in a grey that keeps 4.5:1 contrast (Mantine's dimmed does not).
const hintStyles = { description: { color: 'var(--mantine-color-gray-7)' } };

type FilterValues = Record<(typeof FILTER_FIELDS)[number], string>;

function valuesFrom(search: URLSearchParams): FilterValues {
  return Object.fromEntries(FILTER_FIELDS.map((field) => [field, search.get(field) ?? ''])) as FilterValues;
}

function searchFrom(values: FilterValues): URLSearchParams {
  const search = new URLSearchParams();
  for (const field of FILTER_FIELDS) if (values[field].trim()) search.set(field, values[field].trim());
  return search;
}

/** The outbox filters; applying them rewrites the page address. */
export function OutboxFilters({ search, onApply }: { search: URLSearchParams; onApply(search: URLSearchParams): void }) {
  const intl = useIntl();
  const centres = useCentres(true);
  const form = useForm<FilterValues>({ initialValues: valuesFrom(search) });
  const label = (id: string) => intl.formatMessage({ id });
  const select = (field: 'centreId' | 'status' | 'channel') => ({
    ...form.getInputProps(field),
    onChange: (value: string | null) => form.setFieldValue(field, value ?? ''),
  });

  return (
    <FilterBar
      titleId="outbox.filter.title"
      clearId="outbox.filter.clear"
      applyId="outbox.filter.apply"
      columns={5}
      onSubmit={form.onSubmit((values) => onApply(searchFrom(values)))}
      onClear={() => {
        form.setValues(valuesFrom(new URLSearchParams()));
        onApply(new URLSearchParams());
      }}
    >
      <TextInput label={label('outbox.filter.recipient')} description={label('outbox.filter.recipientHint')} styles={hintStyles} dir="ltr" {...form.getInputProps('recipient')} />
      <Select
        label={label('outbox.filter.centre')}
        placeholder={label('outbox.filter.anyCentre')}
        clearable
        searchable
        data={(centres.data ?? []).map((centre) => ({ value: centre.id, label: centre.name }))}
        {...select('centreId')}
      />
      <TextInput label={label('outbox.filter.template')} description={label('outbox.filter.templateHint')} styles={hintStyles} dir="ltr" {...form.getInputProps('template')} />
      <Select
        label={label('outbox.filter.status')}
        placeholder={label('outbox.filter.anyStatus')}
        clearable
        data={STATUSES.map((status) => ({ value: status, label: label(`outbox.status.${status}`) }))}
        {...select('status')}
      />
      <Select
        label={label('outbox.filter.channel')}
        placeholder={label('outbox.filter.anyChannel')}
        clearable
        data={[
          { value: 'email', label: label('outbox.channel.email') },
          { value: 'sms', label: label('outbox.channel.sms') },
        ]}
        {...select('channel')}
      />
    </FilterBar>
  );
}
