import { ActionIcon, Button, Card, Group, Select, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../../../app/api.js';
import { useApiMutation } from '../../../../ui/forms.js';
import { emptyLabels, LabelInputs, labelsFrom, labelsToSend, type Labels } from './admin-labels.js';

const FIELD_TYPES = ['text', 'number', 'date', 'choice', 'yes_no'] as const;
type FieldType = (typeof FIELD_TYPES)[number];

interface FieldValues { key: string; label: Labels; type: FieldType; required: boolean; options: string }
interface Values { title: Labels; fields: FieldValues[] }
interface FormView { id: string; serviceId: string; version: number; title: Record<string, string>; fields: { key: string; label: Record<string, string>; type: FieldType; required: boolean; options?: { value: string; label: Record<string, string> }[] }[] }

const newField = (): FieldValues => ({ key: '', label: emptyLabels(), type: 'text', required: false, options: '' });

/** Options typed one a line as "value = label"; the label is used for every language given. */
function parseOptions(text: string) {
  return text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
    const [value, ...rest] = line.split('=');
    const label = rest.join('=').trim() || value!.trim();
    return { value: value!.trim(), label: { pt: label } };
  });
}

/** The form a unit fills for one service: each save makes a new version; filled forms keep theirs. */
export function UnitFormsEditor({ unitId, serviceId }: { unitId: string; serviceId: string }) {
  const intl = useIntl();
  const client = useQueryClient();
  const forms = useQuery({ queryKey: ['casefile', 'unit-forms', unitId], queryFn: () => api.get<{ items: FormView[] }>(`/api/v1/units/${unitId}/forms`).then((r) => r.items) });
  const current = forms.data?.find((f) => f.serviceId === serviceId);
  const form = useForm<Values>({ initialValues: { title: emptyLabels(), fields: [newField()] } });
  useEffect(() => {
    form.setValues(current
      ? { title: labelsFrom(current.title), fields: current.fields.map((f) => ({ key: f.key, label: labelsFrom(f.label), type: f.type, required: f.required, options: (f.options ?? []).map((o) => `${o.value} = ${o.label.pt ?? ''}`).join('\n') })) }
      : { title: emptyLabels(), fields: [newField()] });
    form.resetDirty();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current?.id, serviceId]);
  const save = useApiMutation({
    form: { setFieldError: (path: string, error: unknown) => form.setFieldError(path.replace(/^body\./, ''), error as string) },
    successMessageId: 'casefile.admin.saved',
    mutationFn: (values: Values) =>
      api.post(`/api/v1/units/${unitId}/forms`, {
        serviceId,
        title: labelsToSend(values.title),
        fields: values.fields.map((f) => ({ key: f.key, label: labelsToSend(f.label), type: f.type, required: f.required, ...(f.type === 'choice' ? { options: parseOptions(f.options) } : {}) })),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['casefile', 'unit-forms', unitId] }),
  });
  const fields = form.getValues().fields;
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack gap="sm">
        <Text size="sm" c="gray.7">
          {current ? <FormattedMessage id="casefile.admin.formVersion" values={{ version: current.version }} /> : <FormattedMessage id="casefile.admin.noForm" />}
        </Text>
        <LabelInputs legend={intl.formatMessage({ id: 'casefile.admin.formTitle' })} path="title" form={form} />
        {fields.map((field, index) => (
          <Card key={index} withBorder padding="sm" data-testid="form-field">
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={4} size="h6"><FormattedMessage id="casefile.admin.field" values={{ number: index + 1 }} /></Title>
                <ActionIcon variant="subtle" color="red" aria-label={intl.formatMessage({ id: 'casefile.admin.removeField' }, { number: index + 1 })} onClick={() => form.removeListItem('fields', index)} disabled={fields.length === 1}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
              <Group grow align="flex-end">
                <TextInput label={<FormattedMessage id="casefile.admin.fieldKey" />} description={<FormattedMessage id="casefile.admin.keyHint" />} required {...form.getInputProps(`fields.${index}.key`)} />
                <Select
                  label={<FormattedMessage id="casefile.admin.fieldType" />}
                  data={FIELD_TYPES.map((value) => ({ value, label: intl.formatMessage({ id: `casefile.admin.type.${value}` }) }))}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps(`fields.${index}.type`)}
                />
                <Switch label={<FormattedMessage id="casefile.admin.required" />} {...form.getInputProps(`fields.${index}.required`, { type: 'checkbox' })} />
              </Group>
              <LabelInputs legend={intl.formatMessage({ id: 'casefile.admin.fieldLabel' })} path={`fields.${index}.label`} form={form} />
              {field.type === 'choice' ? (
                <Textarea label={<FormattedMessage id="casefile.admin.options" />} description={<FormattedMessage id="casefile.admin.optionsHint" />} autosize minRows={2} {...form.getInputProps(`fields.${index}.options`)} />
              ) : null}
            </Stack>
          </Card>
        ))}
        <Group justify="space-between">
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => form.insertListItem('fields', newField())}>
            <FormattedMessage id="casefile.admin.addField" />
          </Button>
          <Button type="submit" loading={save.isPending}><FormattedMessage id="casefile.admin.saveForm" /></Button>
        </Group>
      </Stack>
    </form>
  );
}
