import { Badge, Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { useApiMutation } from '../../../ui/forms.js';
import { useEntries, useRefreshFile } from './casefile-api.js';
import { BreakGlassBadge, formatDateTime, UnitName, useMyUnits } from './file-helpers.js';
import { useUnitOptions } from './useUnitOptions.js';
import { FormAnswers } from './FileFormsCard.js';

/** Notes, filled forms and purposes of visit the viewer may see, and a note for one's own unit. */
export function FileEntriesCard({ personId }: { personId: string }) {
  const intl = useIntl();
  const entries = useEntries(personId);
  const myUnits = useMyUnits('casefile.write');
  const unitOptions = useUnitOptions(myUnits);
  const refresh = useRefreshFile();
  const form = useForm({ initialValues: { unitId: myUnits[0] ?? '', text: '' } });
  const add = useApiMutation({
    form,
    successMessageId: 'casefile.notes.added',
    mutationFn: (values: { unitId: string; text: string }) => api.post(`/api/v1/people/${personId}/file/notes`, values),
    onSuccess: async () => {
      form.setFieldValue('text', '');
      await refresh();
    },
  });
  const list = entries.data ?? [];
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm"><FormattedMessage id="casefile.notes.title" /></Title>
      <Stack gap="sm">
        {list.length === 0 ? <Text c="gray.7"><FormattedMessage id="casefile.notes.empty" /></Text> : null}
        {list.map((entry) => (
          <Card key={entry.id} withBorder padding="sm">
            <Group justify="space-between" mb={4}>
              <Group gap="xs">
                <Badge variant="filled" color="oneroof.7"><FormattedMessage id={`casefile.section.${entry.section}`} /></Badge>
                <Text size="sm" fw={600}><UnitName id={entry.unitId} /></Text>
                <BreakGlassBadge shown={entry.breakGlass} />
              </Group>
              <Text size="xs" c="gray.7">{formatDateTime(intl.locale, entry.createdAt)}</Text>
            </Group>
            {entry.text ? <Text style={{ whiteSpace: 'pre-wrap' }}>{entry.text}</Text> : null}
            {entry.answers ? <FormAnswers formId={entry.formId} answers={entry.answers} /> : null}
          </Card>
        ))}
        {myUnits.length > 0 ? (
          <form onSubmit={form.onSubmit((values) => add.mutate(values))}>
            <Stack gap="xs">
              {myUnits.length > 1 ? <Select label={<FormattedMessage id="casefile.unit" />} data={unitOptions} allowDeselect={false} {...form.getInputProps('unitId')} /> : null}
              <Textarea label={<FormattedMessage id="casefile.notes.new" />} required minRows={2} autosize {...form.getInputProps('text')} />
              <Group justify="flex-end">
                <Button type="submit" loading={add.isPending}><FormattedMessage id="casefile.notes.add" /></Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Card>
  );
}
