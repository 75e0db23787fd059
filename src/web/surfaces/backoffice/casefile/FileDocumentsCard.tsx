import { Anchor, Button, Card, FileInput, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCamera } from '@tabler/icons-react';
import { FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { useApiMutation } from '../../../ui/forms.js';
import { readAsBase64, useDocuments, useRefreshFile } from './casefile-api.js';
import { BreakGlassBadge, formatDateTime, UnitName, useMyUnits } from './file-helpers.js';
import { useUnitOptions } from './useUnitOptions.js';
import { useDocumentTypeLabel, useDocumentTypeOptions } from './document-types.js';

interface UploadValues { unitId: string; documentType: string; title: string; file: File | null }

/** Documents of the sections the viewer may see; upload from a scanner or a phone camera. */
export function FileDocumentsCard({ personId }: { personId: string }) {
  const intl = useIntl();
  const documentTypes = useDocumentTypeOptions();
  const typeLabel = useDocumentTypeLabel();
  const documents = useDocuments(personId);
  const myUnits = useMyUnits('casefile.write');
  const unitOptions = useUnitOptions(myUnits);
  const refresh = useRefreshFile();
  const form = useForm<UploadValues>({ initialValues: { unitId: myUnits[0] ?? '', documentType: 'passport', title: '', file: null } });
  const upload = useApiMutation({
    form,
    successMessageId: 'casefile.documents.uploaded',
    mutationFn: async (values: UploadValues) =>
      api.post(`/api/v1/people/${personId}/documents`, { unitId: values.unitId, documentType: values.documentType, title: values.title, fileName: values.file!.name, contentBase64: await readAsBase64(values.file!) }),
    onSuccess: async () => {
      form.setValues({ title: '', file: null });
      await refresh();
    },
  });
  const list = documents.data ?? [];
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm"><FormattedMessage id="casefile.documents.title" /></Title>
      {list.length === 0 ? <Text c="gray.7"><FormattedMessage id="casefile.documents.empty" /></Text> : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th><FormattedMessage id="casefile.documents.file" /></Table.Th>
              <Table.Th><FormattedMessage id="casefile.unit" /></Table.Th>
              <Table.Th><FormattedMessage id="casefile.documents.size" /></Table.Th>
              <Table.Th><FormattedMessage id="casefile.documents.uploadedAt" /></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((doc) => (
              <Table.Tr key={doc.id}>
                <Table.Td>
                  <Anchor href={`/api/v1/casefile/documents/${doc.id}/content`} download={doc.fileName}>{doc.title || doc.fileName}</Anchor>{' '}
                  <Text span size="xs" c="gray.7">{typeLabel(doc.documentType)}</Text>{' '}
                  <BreakGlassBadge shown={doc.breakGlass} />
                </Table.Td>
                <Table.Td><UnitName id={doc.unitId} /></Table.Td>
                <Table.Td><FormattedNumber value={doc.sizeBytes / 1024} style="unit" unit="kilobyte" maximumFractionDigits={1} /></Table.Td>
                <Table.Td>{formatDateTime(intl.locale, doc.uploadedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {myUnits.length > 0 ? (
        <form onSubmit={form.onSubmit((values) => upload.mutate(values))}>
          <Stack gap="xs" mt="md">
            <Group grow align="flex-end">
              {myUnits.length > 1 ? <Select label={<FormattedMessage id="casefile.unit" />} data={unitOptions} allowDeselect={false} {...form.getInputProps('unitId')} /> : null}
              <Select label={<FormattedMessage id="casefile.documents.kind" />} allowDeselect={false} data={documentTypes} {...form.getInputProps('documentType')} />
              <TextInput label={<FormattedMessage id="casefile.documents.label" />} {...form.getInputProps('title')} />
            </Group>
            <FileInput
              label={<FormattedMessage id="casefile.documents.pick" />}
              description={<Text span size="xs" c="gray.7"><FormattedMessage id="casefile.documents.limits" /></Text>}
              accept="application/pdf,image/jpeg,image/png,image/webp,image/heic,image/heif"
              leftSection={<IconCamera size={18} />}
              required
              clearable
              {...form.getInputProps('file')}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={upload.isPending}><FormattedMessage id="casefile.documents.upload" /></Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Card>
  );
}
