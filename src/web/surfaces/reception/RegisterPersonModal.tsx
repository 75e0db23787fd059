import { Alert, Badge, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../app/api.js';
import { FormActions } from '../../ui/FormActions.js';
import { useApiMutation } from '../../ui/forms.js';
import { COMMON_LANGUAGES, useLanguageName } from '../backoffice/network/network-labels.js';
import { personName, type DuplicateCandidate, type Person, type RegisterResult } from './reception-api.js';

interface Values {
  givenNames: string;
  familyNames: string;
  nativeGivenNames: string;
  nativeFamilyNames: string;
  birthDate: string;
  phone: string;
  preferredLanguage: string | null;
}

/** Minimal registration; likely duplicates are shown with their reasons before anything is created. */
export function RegisterPersonModal({ centreId, initialName, onClose, onPerson }: { centreId: string; initialName: string; onClose: () => void; onPerson: (person: Person) => void }) {
  const intl = useIntl();
  const languageName = useLanguageName();
  const phone = useMediaQuery('(max-width: 36em)');
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[]>([]);
  const initialIsPhone = /^[+\d\s]+$/.test(initialName);
  const form = useForm<Values>({
    initialValues: { givenNames: initialIsPhone ? '' : initialName, familyNames: '', nativeGivenNames: '', nativeFamilyNames: '', birthDate: '', phone: initialIsPhone ? initialName : '', preferredLanguage: null },
    validate: {
      birthDate: (value) => (value && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value) ? intl.formatMessage({ id: 'reception.birthDateFormat' }) : null),
    },
  });
  const register = useApiMutation<RegisterResult, { values: Values; confirm: boolean }>({
    form,
    mutationFn: ({ values, confirm }) =>
      api.post<RegisterResult>('/api/v1/people', {
        homeCentreId: centreId,
        givenNames: values.givenNames,
        familyNames: values.familyNames,
        nativeGivenNames: values.nativeGivenNames,
        nativeFamilyNames: values.nativeFamilyNames,
        birthDate: values.birthDate || null,
        preferredLanguage: values.preferredLanguage,
        languages: values.preferredLanguage ? [values.preferredLanguage] : [],
        contacts: values.phone ? [{ kind: 'phone', value: values.phone }] : [],
        confirmNotDuplicate: confirm,
      }),
    onSuccess: (result) => (result.person ? onPerson(result.person) : setDuplicates(result.duplicates)),
  });
  const languages = COMMON_LANGUAGES.map((code) => ({ value: code, label: languageName(code) }));

  return (
    <Modal opened onClose={onClose} size="lg" fullScreen={phone} title={intl.formatMessage({ id: 'reception.registerTitle' })}>
      <form onSubmit={form.onSubmit((values) => register.mutate({ values, confirm: false }))}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={<FormattedMessage id="reception.givenNames" />} {...form.getInputProps('givenNames')} />
            <TextInput label={<FormattedMessage id="reception.familyNames" />} {...form.getInputProps('familyNames')} />
            <TextInput label={<FormattedMessage id="reception.nativeGivenNames" />} {...form.getInputProps('nativeGivenNames')} dir="auto" />
            <TextInput label={<FormattedMessage id="reception.nativeFamilyNames" />} {...form.getInputProps('nativeFamilyNames')} dir="auto" />
            <TextInput label={<FormattedMessage id="reception.birthDate" />} placeholder="1990 · 1990-05 · 1990-05-17" {...form.getInputProps('birthDate')} />
            <TextInput label={<FormattedMessage id="reception.phone" />} type="tel" {...form.getInputProps('phone')} />
            <Select label={<FormattedMessage id="reception.preferredLanguage" />} data={languages} searchable clearable comboboxProps={{ withinPortal: true }} {...form.getInputProps('preferredLanguage')} />
          </SimpleGrid>
          {duplicates.length > 0 ? (
            <Alert color="yellow" title={intl.formatMessage({ id: 'reception.duplicatesTitle' })}>
              <Stack gap="xs">
                {duplicates.map((candidate) => (
                  <Card key={candidate.person.id} withBorder padding="xs">
                    <Stack gap={6} align="flex-start">
                      <Stack gap={2}>
                        <Text fw={600}>{personName(candidate.person)}</Text>
                        <Text size="xs" c="dimmed">
                          {[candidate.person.birthDate, ...candidate.person.contacts.map((contact) => contact.value)].filter(Boolean).join(' · ')}
                        </Text>
                        <Group gap={4} wrap="wrap">
                          {candidate.reasons.map((reason) => (
                            <Badge key={reason.code} size="xs" variant="light" color={reason.weight >= 0 ? 'blue' : 'gray'} maw="100%">
                              {reason.text}
                            </Badge>
                          ))}
                        </Group>
                      </Stack>
                      <Button size="xs" onClick={() => onPerson(candidate.person)}>
                        <FormattedMessage id="reception.thisIsThePerson" />
                      </Button>
                    </Stack>
                  </Card>
                ))}
                <Button variant="default" h="auto" py={6} styles={{ label: { whiteSpace: 'normal' } }} loading={register.isPending} onClick={() => register.mutate({ values: form.getValues(), confirm: true })}>
                  <FormattedMessage id="reception.registerAnyway" />
                </Button>
              </Stack>
            </Alert>
          ) : null}
          <FormActions onCancel={onClose} saving={register.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
