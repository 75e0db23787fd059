import { ActionIcon, Badge, Button, Card, Checkbox, Group, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../../../app/api.js';
import { useApiMutation } from '../../../../ui/forms.js';
import type { Workflow } from '../casefile-api.js';
import { emptyLabels, LabelInputs, labelsFrom, labelsToSend, type Labels } from './admin-labels.js';

interface StateValues { key: string; labels: Labels; final: boolean }
interface Values { states: StateValues[]; transitions: string[]; initialState: string }
interface WorkflowView extends Workflow { version: number; isDefault: boolean; states: { key: string; labels: Record<string, string>; final: boolean }[]; transitions: { from: string; to: string }[]; initialState: string }

const move = (from: string, to: string) => `${from}>${to}`;

/** A service's procedure workflow: states with the label the person reads, and the moves allowed between them. */
export function ServiceWorkflowEditor({ serviceId }: { serviceId: string }) {
  const intl = useIntl();
  const client = useQueryClient();
  const key = ['casefile', 'workflow', serviceId];
  const workflow = useQuery({ queryKey: key, queryFn: () => api.get<WorkflowView>(`/api/v1/services/${serviceId}/workflow`) });
  const form = useForm<Values>({ initialValues: { states: [], transitions: [], initialState: '' } });
  const data = workflow.data;
  useEffect(() => {
    if (!data) return;
    form.setValues({ states: data.states.map((s) => ({ key: s.key, labels: labelsFrom(s.labels), final: s.final })), transitions: data.transitions.map((t) => move(t.from, t.to)), initialState: data.initialState });
    form.resetDirty();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data?.version, serviceId]);
  const save = useApiMutation({
    form: { setFieldError: (path: string, error: unknown) => form.setFieldError(path.replace(/^body\./, ''), error as string) },
    successMessageId: 'casefile.admin.saved',
    mutationFn: (values: Values) =>
      api.put(`/api/v1/services/${serviceId}/workflow`, {
        states: values.states.map((s) => ({ key: s.key, labels: labelsToSend(s.labels), final: s.final })),
        transitions: values.transitions.map((t) => ({ from: t.split('>')[0]!, to: t.split('>')[1]! })).filter((t) => values.states.some((s) => s.key === t.from && !s.final) && values.states.some((s) => s.key === t.to)),
        initialState: values.initialState,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
  const values = form.getValues();
  const keys = values.states.map((s) => s.key).filter(Boolean);
  const toggle = (from: string, to: string, on: boolean) => form.setFieldValue('transitions', on ? [...values.transitions, move(from, to)] : values.transitions.filter((t) => t !== move(from, to)));
  const open = values.states.filter((s) => s.key && !s.final);
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="sm">
        {data ? (
          <Text size="sm" c="gray.7">
            {data.isDefault ? <FormattedMessage id="casefile.admin.defaultWorkflow" /> : <FormattedMessage id="casefile.admin.workflowVersion" values={{ version: data.version }} />}
          </Text>
        ) : null}
        {values.states.map((state, index) => (
          <Card key={index} withBorder padding="sm" data-testid="workflow-state">
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={4} size="h6">
                  <FormattedMessage id="casefile.admin.state" values={{ number: index + 1 }} /> {state.key === values.initialState ? <Badge size="xs"><FormattedMessage id="casefile.admin.initial" /></Badge> : null}
                </Title>
                <ActionIcon variant="subtle" color="red" aria-label={intl.formatMessage({ id: 'casefile.admin.removeState' }, { number: index + 1 })} onClick={() => form.removeListItem('states', index)} disabled={values.states.length <= 2}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
              <Group grow align="flex-end">
                <TextInput label={<FormattedMessage id="casefile.admin.stateKey" />} description={<FormattedMessage id="casefile.admin.keyHint" />} required {...form.getInputProps(`states.${index}.key`)} />
                <Switch label={<FormattedMessage id="casefile.admin.final" />} {...form.getInputProps(`states.${index}.final`, { type: 'checkbox' })} />
              </Group>
              <LabelInputs legend={intl.formatMessage({ id: 'casefile.admin.personLabel' })} path={`states.${index}.labels`} form={form} />
            </Stack>
          </Card>
        ))}
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => form.insertListItem('states', { key: '', labels: emptyLabels(), final: false })} w="fit-content">
          <FormattedMessage id="casefile.admin.addState" />
        </Button>
        <Select label={<FormattedMessage id="casefile.admin.initialState" />} data={open.map((s) => s.key)} allowDeselect={false} comboboxProps={{ withinPortal: true }} {...form.getInputProps('initialState')} />
        <Stack gap={4}>
          <Text size="sm" fw={500}><FormattedMessage id="casefile.admin.transitions" /></Text>
          <Text size="xs" c="gray.7"><FormattedMessage id="casefile.admin.transitionsHint" /></Text>
          {form.errors.transitions ? <Text size="xs" c="red.8">{form.errors.transitions}</Text> : null}
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th><FormattedMessage id="casefile.admin.from" /></Table.Th>
                {keys.map((to) => <Table.Th key={to}>{to}</Table.Th>)}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {open.map((from) => (
                <Table.Tr key={from.key}>
                  <Table.Th scope="row">{from.key}</Table.Th>
                  {keys.map((to) => (
                    <Table.Td key={to}>
                      {to === from.key ? null : (
                        <Checkbox aria-label={intl.formatMessage({ id: 'casefile.admin.moveLabel' }, { from: from.key, to })} checked={values.transitions.includes(move(from.key, to))} onChange={(event) => toggle(from.key, to, event.currentTarget.checked)} />
                      )}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}><FormattedMessage id="casefile.admin.saveWorkflow" /></Button>
        </Group>
      </Stack>
    </form>
  );
}
