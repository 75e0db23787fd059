import { Select, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useIntl } from 'react-intl';
import { FilterBar } from '../../../ui/FilterBar.js';
import { useCentres } from '../network/network-api.js';
import { FILTER_FIELDS, type FilterField } from './audit-api.js';

type FilterValues = Record<Exclude<FilterField, 'personalDataOnly' | 'breakGlassOnly'>, string> & {
  personalDataOnly: boolean;
  breakGlassOnly: boolean;
};

function valuesFrom(search: URLSearchParams): FilterValues {
  return {
    fromDay: search.get('fromDay') ?? '',
    toDay: search.get('toDay') ?? '',
    actor: search.get('actor') ?? '',
    action: search.get('action') ?? '',
    resourceType: search.get('resourceType') ?? '',
    resourceId: search.get('resourceId') ?? '',
    centreId: search.get('centreId') ?? '',
    personalDataOnly: search.get('personalDataOnly') === 'true',
    breakGlassOnly: search.get('breakGlassOnly') === 'true',
  };
}

function searchFrom(values: FilterValues): URLSearchParams {
  const search = new URLSearchParams();
  for (const field of FILTER_FIELDS) {
    const value = values[field];
    if (value === true) search.set(field, 'true');
    else if (typeof value === 'string' && value.trim()) search.set(field, value.trim());
  }
  return search;
}

/** The journal's filters; applying them rewrites the page address (so the view can be shared). */
export function AuditFilters({ search, onApply }: { search: URLSearchParams; onApply(search: URLSearchParams): void }) {
  const intl = useIntl();
  const centres = useCentres(true);
  const form = useForm<FilterValues>({
    initialValues: valuesFrom(search),
    validate: {
      toDay: (toDay, values) => (toDay && values.fromDay && toDay < values.fromDay ? intl.formatMessage({ id: 'audit.filter.toBeforeFrom' }) : null),
    },
  });
  const label = (id: string) => intl.formatMessage({ id });

  return (
    <FilterBar
      titleId="audit.filter.title"
      clearId="audit.filter.clear"
      applyId="audit.filter.apply"
      columns={4}
      onSubmit={form.onSubmit((values) => onApply(searchFrom(values)))}
      onClear={() => {
        form.setValues(valuesFrom(new URLSearchParams()));
        onApply(new URLSearchParams());
      }}
      toggles={
        <>
          <Switch label={label('audit.filter.personalDataOnly')} {...form.getInputProps('personalDataOnly', { type: 'checkbox' })} />
          <Switch label={label('audit.filter.breakGlassOnly')} {...form.getInputProps('breakGlassOnly', { type: 'checkbox' })} />
        </>
      }
    >
      <TextInput type="date" label={label('audit.filter.from')} {...form.getInputProps('fromDay')} />
      <TextInput type="date" label={label('audit.filter.to')} {...form.getInputProps('toDay')} />
      <TextInput label={label('audit.filter.actor')} description={label('audit.filter.actorHint')} {...form.getInputProps('actor')} />
      <TextInput label={label('audit.filter.action')} description={label('audit.filter.actionHint')} dir="ltr" {...form.getInputProps('action')} />
      <TextInput label={label('audit.filter.resourceType')} dir="ltr" {...form.getInputProps('resourceType')} />
      <TextInput label={label('audit.filter.resourceId')} dir="ltr" {...form.getInputProps('resourceId')} />
      <Select
        label={label('audit.filter.centre')}
        placeholder={label('audit.filter.anyCentre')}
        clearable
        searchable
        data={(centres.data ?? []).map((centre) => ({ value: centre.id, label: centre.name }))}
        {...form.getInputProps('centreId')}
        onChange={(value) => form.setFieldValue('centreId', value ?? '')}
      />
    </FilterBar>
  );
}
