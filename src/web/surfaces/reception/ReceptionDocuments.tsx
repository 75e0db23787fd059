import { Button, FileButton, Group, List, Select, Stack, Text } from '@mantine/core';
import { IconCamera, IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../app/api.js';
import { useApiMutation } from '../../ui/forms.js';
import { readAsBase64 } from '../backoffice/casefile/casefile-api.js';
import { useCentreUnits } from './reception-api.js';
import { useDocumentTypeLabel, useDocumentTypeOptions } from '../backoffice/casefile/document-types.js';

interface Uploaded { id: string; fileName: string; documentType: string }

/**
 * Reception digitises the papers the person brings, once, into the file of the unit they go to:
 * from the desk scanner (a PDF or image file) or the phone or tablet camera. Reception does not read
 * the documents back; the unit's staff do (docs/casefile.md).
 */
export function ReceptionDocuments({ centreId, personId }: { centreId: string; personId: string }) {
  const intl = useIntl();
  const documentTypes = useDocumentTypeOptions();
  const typeLabel = useDocumentTypeLabel();
  const units = useCentreUnits(centreId);
  const live = (units.data ?? []).filter((unit) => !unit.archivedAt);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [documentType, setDocumentType] = useState('passport');
  const [uploaded, setUploaded] = useState<Uploaded[]>([]);
  const chosenUnit = unitId ?? live[0]?.id ?? null;
  const upload = useApiMutation({
    successMessageId: 'casefile.documents.uploaded',
    mutationFn: async (file: File) =>
      api.post<Uploaded>(`/api/v1/people/${personId}/documents`, { unitId: chosenUnit, documentType, title: '', fileName: file.name, contentBase64: await readAsBase64(file) }),
    onSuccess: (document) => setUploaded((list) => [...list, document]),
  });
  const send = (file: File | null) => {
    if (file && chosenUnit) upload.mutate(file);
  };
  return (
    <Stack gap="xs" data-testid="reception-documents">
      <Text size="sm" fw={600}>
        <FormattedMessage id="casefile.reception.documents" />
      </Text>
      <Group grow align="flex-end">
        <Select label={<FormattedMessage id="casefile.reception.forUnit" />} data={live.map((unit) => ({ value: unit.id, label: unit.name }))} value={chosenUnit} allowDeselect={false} onChange={setUnitId} comboboxProps={{ withinPortal: true }} />
        <Select
          label={<FormattedMessage id="casefile.documents.kind" />}
          data={documentTypes}
          value={documentType}
          allowDeselect={false}
          onChange={(value) => setDocumentType(value ?? 'other')}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
      <Group gap="xs">
        <FileButton accept="image/*,application/pdf" onChange={send}>
          {(props) => (
            <Button {...props} variant="light" leftSection={<IconFileUpload size={16} />} loading={upload.isPending} disabled={!chosenUnit}>
              <FormattedMessage id="casefile.reception.scan" />
            </Button>
          )}
        </FileButton>
        <FileButton accept="image/*" capture="environment" onChange={send}>
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconCamera size={16} />} disabled={!chosenUnit || upload.isPending}>
              <FormattedMessage id="casefile.reception.photo" />
            </Button>
          )}
        </FileButton>
      </Group>
      <Text size="xs" c="gray.7">
        <FormattedMessage id="casefile.documents.limits" />
      </Text>
      {uploaded.length > 0 ? (
        <List size="sm" aria-label={intl.formatMessage({ id: 'casefile.reception.uploadedList' })}>
          {uploaded.map((document) => (
            <List.Item key={document.id}>
              {document.fileName} · {typeLabel(document.documentType)}
            </List.Item>
          ))}
        </List>
      ) : null}
    </Stack>
  );
}
