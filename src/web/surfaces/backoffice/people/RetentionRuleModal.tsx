import { Autocomplete, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { DOCUMENT_TYPE_PATTERN } from '../../../../shared/document-types.js';
import { api } from '../../../app/api.js';
import { FormActions } from '../../../ui/FormActions.js';
import { useApiMutation } from '../../../ui/forms.js';
import { useDocumentTypeLabel } from '../casefile/document-types.js';
import { useKnownDocumentTypes, useUnitGroups, type RetentionRule, type RetentionRuleInput } from './retention-api.js';

interface Values {
  unitId: string | null;
  appliesTo: 'person' | 'document';
  documentType: string;
  retainYears: number | string;
  note: string;
}

/**
 * Adds a rule, or changes the years and note of one. A rule is keyed by its unit and document type
 * (setting the same pair again replaces it), so those two are chosen when adding only; to move a
 * rule, delete it and add another.
 */
export function RetentionRuleModal({ rule, onClose }: { rule: RetentionRule | null; onClose: () => void }) {
  const intl = useIntl();
  const client = useQueryClient();
  const unitGroups = useUnitGroups();
  const known = useKnownDocumentTypes();
  const typeLabel = useDocumentTypeLabel();
  const editing = rule !== null;
  const form = useForm<Values>({
    initialValues: {
      unitId: rule?.unit?.id ?? null,
      appliesTo: rule?.documentType ? 'document' : 'person',
      documentType: rule?.documentType ?? '',
      retainYears: rule?.retainYears ?? 10,
      note: rule?.note ?? '',
    },
    validate: {
      documentType: (value, values) =>
        values.appliesTo === 'person' || DOCUMENT_TYPE_PATTERN.test(value.trim()) ? null : intl.formatMessage({ id: 'retention.form.typeInvalid' }),
      retainYears: (value) => (Number.isInteger(Number(value)) && Number(value) >= 1 && Number(value) <= 100 ? null : intl.formatMessage({ id: 'retention.form.yearsInvalid' })),
    },
  });
  const save = useApiMutation<RetentionRule, Values>({
    form,
    successMessageId: 'retention.saved',
    mutationFn: (values) => {
      const body: RetentionRuleInput = {
        unitId: values.unitId,
        documentType: values.appliesTo === 'document' ? values.documentType.trim() : null,
        retainYears: Number(values.retainYears),
        note: values.note.trim(),
      };
      return api.put<RetentionRule>('/api/v1/people/retention/rules', body);
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['retention'] });
      onClose();
    },
  });
  const suggestions = (known.data ?? []).map((entry) => entry.type);
  const described = new Map((known.data ?? []).map((entry) => [entry.type, entry]));
  const values = form.getValues();
  return (
    <Modal opened onClose={onClose} title={intl.formatMessage({ id: editing ? 'retention.form.editTitle' : 'retention.form.addTitle' })} size="lg" closeButtonProps={{ 'aria-label': intl.formatMessage({ id: 'common.close' }) }}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack>
          <Select
            label={intl.formatMessage({ id: 'retention.form.unit' })}
            placeholder={intl.formatMessage({ id: 'retention.everyUnit' })}
            description={intl.formatMessage({ id: 'retention.form.unitHelp' })}
            data={unitGroups}
            clearable
            searchable
            disabled={editing}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('unitId')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="retention-applies-to">
              <FormattedMessage id="retention.form.appliesTo" />
            </Text>
            <SegmentedControl
              aria-labelledby="retention-applies-to"
              disabled={editing}
              data={[
                { value: 'person', label: intl.formatMessage({ id: 'retention.wholePerson' }) },
                { value: 'document', label: intl.formatMessage({ id: 'retention.form.documentType' }) },
              ]}
              {...form.getInputProps('appliesTo')}
            />
            <Text size="xs" c="gray.7">
              <FormattedMessage id={values.appliesTo === 'person' ? 'retention.form.personHelp' : 'retention.form.documentHelp'} />
            </Text>
          </Stack>
          {values.appliesTo === 'document' ? (
            <Autocomplete
              label={intl.formatMessage({ id: 'retention.form.documentType' })}
              description={intl.formatMessage({ id: 'retention.form.typeHelp' })}
              withAsterisk
              disabled={editing}
              data={suggestions}
              limit={30}
              comboboxProps={{ withinPortal: true }}
              // Staff search by the label they read as well as by the stored name.
              filter={({ options, search }) => {
                const needle = search.trim().toLowerCase();
                return options.filter((option) => 'value' in option && (option.value.includes(needle) || typeLabel(option.value).toLowerCase().includes(needle)));
              }}
              renderOption={({ option }) => {
                const entry = described.get(option.value);
                return (
                  <Stack gap={0}>
                    <Text size="sm">{typeLabel(option.value)}</Text>
                    <Text size="xs" c="gray.7" dir="ltr">
                      {option.value}
                      {entry && entry.casefileDocuments > 0 ? <> · <FormattedMessage id="retention.form.inFiles" values={{ count: entry.casefileDocuments }} /></> : null}
                    </Text>
                  </Stack>
                );
              }}
              {...form.getInputProps('documentType')}
            />
          ) : null}
          <Group grow align="flex-start">
            <NumberInput label={intl.formatMessage({ id: 'retention.form.years' })} description={intl.formatMessage({ id: 'retention.form.yearsHelp' })} min={1} max={100} allowDecimal={false} withAsterisk {...form.getInputProps('retainYears')} />
          </Group>
          <Textarea label={intl.formatMessage({ id: 'retention.form.note' })} description={intl.formatMessage({ id: 'retention.form.noteHelp' })} autosize minRows={2} maxLength={500} {...form.getInputProps('note')} />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
