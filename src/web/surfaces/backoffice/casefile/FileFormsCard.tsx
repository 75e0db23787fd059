import { Button, Card, Group, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { useApiMutation } from '../../../ui/forms.js';
import { labelIn, useRefreshFile } from './casefile-api.js';
import { useMyUnits } from './file-helpers.js';
import { useUnitOptions } from './useUnitOptions.js';

export interface FormDefinition {
  id: string;
  serviceId: string;
  version: number;
  title: Record<string, string>;
  fields: { key: string; label: Record<string, string>; type: 'text' | 'number' | 'date' | 'choice' | 'yes_no'; required: boolean; options?: { value: string; label: Record<string, string> }[] }[];
}

export const useUnitForms = (unitId: string) =>
  useQuery({ queryKey: ['casefile', 'forms', unitId], queryFn: () => api.get<{ items: FormDefinition[] }>(`/api/v1/units/${unitId}/forms`).then((r) => r.items), enabled: Boolean(unitId) });

export const useFormDefinition = (formId: string | null) =>
  useQuery({ queryKey: ['casefile', 'form', formId], queryFn: () => api.get<FormDefinition>(`/api/v1/casefile/forms/${formId}`), enabled: Boolean(formId), staleTime: Infinity });

/** Filling one of the unit's forms; the server checks the answers against the form's fields. */
export function FileFormsCard({ personId }: { personId: string }) {
  const intl = useIntl();
  const myUnits = useMyUnits('casefile.write');
  const unitOptions = useUnitOptions(myUnits);
  const [unitId, setUnitId] = useState(myUnits[0] ?? '');
  const forms = useUnitForms(unitId);
  const [formId, setFormId] = useState<string | null>(null);
  const definition = forms.data?.find((f) => f.id === formId);
  const refresh = useRefreshFile();
  const form = useForm<{ answers: Record<string, unknown> }>({ initialValues: { answers: {} } });
  const submit = useApiMutation({
    form,
    successMessageId: 'casefile.forms.saved',
    mutationFn: (values: { answers: Record<string, unknown> }) => api.post(`/api/v1/people/${personId}/file/forms`, { formId, answers: values.answers }),
    onSuccess: async () => {
      form.setValues({ answers: {} });
      setFormId(null);
      await refresh();
    },
  });
  if (myUnits.length === 0) return null;
  const label = (labels: Record<string, string>, fallback: string) => labelIn(labels, intl.locale, fallback);
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm"><FormattedMessage id="casefile.forms.title" /></Title>
      <Stack gap="xs">
        <Group grow>
          {myUnits.length > 1 ? <Select label={<FormattedMessage id="casefile.unit" />} data={unitOptions} value={unitId} onChange={(v) => { setUnitId(v ?? ''); setFormId(null); }} allowDeselect={false} /> : null}
          <Select label={<FormattedMessage id="casefile.forms.pick" />} data={(forms.data ?? []).map((f) => ({ value: f.id, label: label(f.title, f.id) }))} value={formId} onChange={(v) => { setFormId(v); form.setValues({ answers: {} }); }} />
        </Group>
        {forms.isSuccess && forms.data.length === 0 ? <Text c="gray.7"><FormattedMessage id="casefile.forms.none" /></Text> : null}
        {definition ? (
          <form onSubmit={form.onSubmit((values) => submit.mutate(values))}>
            <Stack gap="xs">
              {definition.fields.map((field) => {
                const props = { label: label(field.label, field.key), required: field.required, ...form.getInputProps(`answers.${field.key}`) };
                switch (field.type) {
                  case 'number':
                    return <NumberInput key={field.key} {...props} />;
                  case 'date':
                    return <TextInput type="date" key={field.key} {...props} />;
                  case 'choice':
                    return <Select key={field.key} {...props} data={(field.options ?? []).map((o) => ({ value: o.value, label: label(o.label, o.value) }))} />;
                  case 'yes_no':
                    return (
                      <Select
                        key={field.key}
                        {...props}
                        value={props.value === undefined ? null : String(props.value)}
                        onChange={(v) => form.setFieldValue(`answers.${field.key}`, v === null ? undefined : v === 'true')}
                        data={[{ value: 'true', label: intl.formatMessage({ id: 'casefile.yes' }) }, { value: 'false', label: intl.formatMessage({ id: 'casefile.no' }) }]}
                      />
                    );
                  default:
                    return <TextInput key={field.key} {...props} />;
                }
              })}
              <Group justify="flex-end"><Button type="submit" loading={submit.isPending}><FormattedMessage id="casefile.forms.save" /></Button></Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Card>
  );
}

/** A filled form's answers with the labels of the form version it was written with. */
export function FormAnswers({ formId, answers }: { formId: string | null; answers: Record<string, unknown> }) {
  const intl = useIntl();
  const definition = useFormDefinition(formId);
  const fields = definition.data?.fields ?? [];
  const show = (key: string, value: unknown) => {
    const field = fields.find((f) => f.key === key);
    if (typeof value === 'boolean') return intl.formatMessage({ id: value ? 'casefile.yes' : 'casefile.no' });
    const option = field?.options?.find((o) => o.value === value);
    return option ? labelIn(option.label, intl.locale, String(value)) : String(value);
  };
  return (
    <Stack gap={0}>
      {definition.data ? <Text size="sm" fw={600}>{labelIn(definition.data.title, intl.locale, '')}</Text> : null}
      {Object.entries(answers).map(([key, value]) => {
        const field = fields.find((f) => f.key === key);
        return <Text key={key} size="sm"><strong>{field ? labelIn(field.label, intl.locale, key) : key}</strong>: {show(key, value)}</Text>;
      })}
    </Stack>
  );
}
