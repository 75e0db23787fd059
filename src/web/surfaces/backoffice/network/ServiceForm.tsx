import { ActionIcon, Button, Divider, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { useApiMutation } from '../../../ui/forms.js';
import { useFullScreenModal } from './network-layout.js';
import { useRefreshNetwork, type Localised, type Service } from './network-api.js';
import { COMMON_LANGUAGES, useLanguageName } from './network-labels.js';
import { FormActions } from '../../../ui/FormActions.js';

interface ServiceValues {
  code: string;
  ticketPrefix: string;
  typicalMinutes: number | string;
  names: Localised;
  requiredDocuments: { names: Localised }[];
  languages: string[];
}

/** Drops names left empty in languages other than the host's (the host language is always sent). */
function filled(names: Localised, hostLanguage: string): Localised {
  return Object.fromEntries(Object.entries(names).filter(([language, text]) => language === hostLanguage || text.trim() !== ''));
}

/** Creates a service of a unit, or edits one: names and documents in every language it is written in. */
export function ServiceForm({ unitId, service, hostLanguage, onClose }: { unitId: string; service?: Service; hostLanguage: string; onClose: () => void }) {
  const intl = useIntl();
  const fullScreen = useFullScreenModal();
  const languageName = useLanguageName();
  const refresh = useRefreshNetwork();
  const form = useForm<ServiceValues>({
    initialValues: {
      code: service?.code ?? '',
      ticketPrefix: service?.ticketPrefix ?? '',
      typicalMinutes: service?.typicalMinutes ?? 15,
      names: service?.names ?? { [hostLanguage]: '', ...(hostLanguage === 'en' ? {} : { en: '' }) },
      requiredDocuments: service?.requiredDocuments ?? [],
      languages: service?.languages ?? [hostLanguage],
    },
  });
  // The host language first, then the others in the order they were added.
  const nameLanguages = [hostLanguage, ...Object.keys(form.values.names).filter((language) => language !== hostLanguage)];
  const addable = COMMON_LANGUAGES.filter((language) => !nameLanguages.includes(language)).map((code) => ({ value: code, label: `${languageName(code)} (${code})` }));
  const offered = useMemo(
    () => [...new Set([...COMMON_LANGUAGES, ...form.values.languages])].map((code) => ({ value: code, label: `${languageName(code)} (${code})` })),
    [form.values.languages, languageName],
  );
  const save = useApiMutation<Service, ServiceValues>({
    form,
    successMessageId: 'network.saved',
    mutationFn: (values) => {
      const body = {
        code: values.code.trim().toUpperCase(),
        ticketPrefix: values.ticketPrefix.trim().toUpperCase(),
        typicalMinutes: Number(values.typicalMinutes),
        names: filled(values.names, hostLanguage),
        requiredDocuments: values.requiredDocuments.map((document) => ({ names: filled(document.names, hostLanguage) })),
        languages: values.languages,
      };
      return service ? api.patch<Service>(`/api/v1/services/${service.id}`, body) : api.post<Service>(`/api/v1/units/${unitId}/services`, body);
    },
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });

  function removeLanguage(language: string) {
    const { [language]: _removed, ...rest } = form.values.names;
    form.setFieldValue('names', rest);
    form.setFieldValue(
      'requiredDocuments',
      form.values.requiredDocuments.map((document) => ({ names: Object.fromEntries(Object.entries(document.names).filter(([key]) => key !== language)) })),
    );
  }

  return (
    <Modal fullScreen={fullScreen} opened onClose={onClose} size="xl" title={intl.formatMessage({ id: service ? 'network.service.edit' : 'network.service.new' })}>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput required label={intl.formatMessage({ id: 'network.field.code' })} {...form.getInputProps('code')} />
            <TextInput required maxLength={3} label={intl.formatMessage({ id: 'network.field.ticketPrefix' })} description={intl.formatMessage({ id: 'network.field.ticketPrefixHint' })} {...form.getInputProps('ticketPrefix')} />
            <NumberInput required min={1} max={480} label={intl.formatMessage({ id: 'network.field.typicalMinutes' })} {...form.getInputProps('typicalMinutes')} />
          </SimpleGrid>
          <Divider label={intl.formatMessage({ id: 'network.service.names' })} labelPosition="left" />
          {nameLanguages.map((language) => (
            <Group key={language} gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                required={language === hostLanguage}
                lang={language}
                label={`${languageName(language)} (${language})`}
                value={form.values.names[language] ?? ''}
                error={form.errors[`names.${language}`]}
                onChange={(event) => form.setFieldValue(`names.${language}`, event.currentTarget.value)}
              />
              {language !== hostLanguage ? (
                <ActionIcon variant="subtle" color="red" size="lg" mb={4} aria-label={intl.formatMessage({ id: 'network.service.removeLanguage' })} onClick={() => removeLanguage(language)}>
                  <IconTrash size={18} />
                </ActionIcon>
              ) : null}
            </Group>
          ))}
          <Select
            w={{ base: '100%', sm: 280 }}
            searchable
            value={null}
            placeholder={intl.formatMessage({ id: 'network.service.addLanguage' })}
            aria-label={intl.formatMessage({ id: 'network.service.addLanguage' })}
            data={addable}
            onChange={(language) => language && form.setFieldValue(`names.${language}`, '')}
          />
          <Divider label={intl.formatMessage({ id: 'network.service.documents' })} labelPosition="left" />
          {form.values.requiredDocuments.length === 0 ? (
            <Text c="dimmed" size="sm">
              <FormattedMessage id="network.service.noDocuments" />
            </Text>
          ) : null}
          {form.values.requiredDocuments.map((document, index) => (
            <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
              <SimpleGrid cols={{ base: 1, sm: Math.min(nameLanguages.length, 3) }} style={{ flex: 1 }}>
                {nameLanguages.map((language) => (
                  <TextInput
                    key={language}
                    lang={language}
                    required={language === hostLanguage}
                    label={`${index + 1}. ${languageName(language)}`}
                    value={document.names[language] ?? ''}
                    error={form.errors[`requiredDocuments.${index}.names.${language}`]}
                    onChange={(event) => form.setFieldValue(`requiredDocuments.${index}.names.${language}`, event.currentTarget.value)}
                  />
                ))}
              </SimpleGrid>
              <ActionIcon variant="subtle" color="red" size="lg" mb={4} aria-label={intl.formatMessage({ id: 'network.service.removeDocument' })} onClick={() => form.removeListItem('requiredDocuments', index)}>
                <IconTrash size={18} />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button variant="default" size="xs" leftSection={<IconPlus size={16} />} onClick={() => form.insertListItem('requiredDocuments', { names: { [hostLanguage]: '' } })}>
              <FormattedMessage id="network.service.addDocument" />
            </Button>
          </Group>
          <MultiSelect searchable label={intl.formatMessage({ id: 'network.field.languages' })} description={intl.formatMessage({ id: 'network.field.languagesHint' })} data={offered} {...form.getInputProps('languages')} />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
