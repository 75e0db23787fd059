import { ActionIcon, Alert, Button, Card, Center, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { useCan } from '../../../app/session.js';
import { describeError, useApiMutation } from '../../../ui/forms.js';
import { PageHeader } from '../../../ui/PageHeader.js';
import { useDocumentTypeLabel } from '../casefile/document-types.js';
import { formatDateTime } from '../casefile/file-helpers.js';
import { RetentionReportCard } from './RetentionReportCard.js';
import { RetentionRuleModal } from './RetentionRuleModal.js';
import { useRetentionRules, type RetentionRule } from './retention-api.js';

/**
 * How long people's data is kept (docs/people.md, "Retention and anonymisation"), for network
 * administrators (people.retention at network scope): the rules, and the dry run of the nightly task.
 */
export function RetentionPage() {
  const intl = useIntl();
  const can = useCan();
  const rules = useRetentionRules();
  const [editing, setEditing] = useState<RetentionRule | 'new' | null>(null);
  const [deleting, setDeleting] = useState<RetentionRule | null>(null);
  if (!can('people.retention')) {
    return (
      <Alert color="gray.7">
        <FormattedMessage id="error.forbidden" />
      </Alert>
    );
  }
  return (
    <>
      <PageHeader
        title={<FormattedMessage id="retention.title" />}
        description={<FormattedMessage id="retention.description" />}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            <FormattedMessage id="retention.add" />
          </Button>
        }
      />
      <Stack gap="lg">
        <Card withBorder component="section" aria-labelledby="retention-rules-title">
          <Title order={2} size="h4" mb="xs" id="retention-rules-title">
            <FormattedMessage id="retention.rules.title" />
          </Title>
          <Text size="sm" c="gray.7" mb="sm">
            <FormattedMessage id="retention.rules.explain" />
          </Text>
          {rules.isPending ? (
            <Center py="md"><Loader size="sm" /></Center>
          ) : rules.isError ? (
            <Alert color="red">{describeError(intl, rules.error)}</Alert>
          ) : rules.data.length === 0 ? (
            <Text c="gray.7"><FormattedMessage id="retention.rules.empty" /></Text>
          ) : (
            <RulesTable rules={rules.data} onEdit={setEditing} onDelete={setDeleting} />
          )}
        </Card>
        <RetentionReportCard />
      </Stack>
      {editing ? <RetentionRuleModal rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {deleting ? <DeleteRuleModal rule={deleting} onClose={() => setDeleting(null)} /> : null}
    </>
  );
}

function useRuleDescription(): (rule: RetentionRule) => { unit: string; appliesTo: string } {
  const intl = useIntl();
  const typeLabel = useDocumentTypeLabel();
  return (rule) => ({
    unit: rule.unit ? `${rule.unit.name} · ${rule.unit.centre.name}` : intl.formatMessage({ id: 'retention.everyUnit' }),
    appliesTo: rule.documentType ? typeLabel(rule.documentType) : intl.formatMessage({ id: 'retention.wholePerson' }),
  });
}

function RulesTable({ rules, onEdit, onDelete }: { rules: RetentionRule[]; onEdit(rule: RetentionRule): void; onDelete(rule: RetentionRule): void }) {
  const intl = useIntl();
  const describe = useRuleDescription();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="xs" data-testid="retention-rules">
        <Table.Thead>
          <Table.Tr>
            {['unit', 'appliesTo', 'years', 'note', 'updated'].map((column) => (
              <Table.Th key={column}><FormattedMessage id={`retention.column.${column}`} /></Table.Th>
            ))}
            <Table.Th><FormattedMessage id="common.actions" /></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((rule) => {
            const { unit, appliesTo } = describe(rule);
            return (
              <Table.Tr key={rule.id}>
                <Table.Td>
                  {rule.unit ? (
                    <>
                      {rule.unit.name}
                      <Text size="xs" c="gray.7">{rule.unit.centre.name}</Text>
                    </>
                  ) : (
                    <Text span size="sm" fs="italic">{unit}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {rule.documentType ? (
                    <>
                      {appliesTo}{' '}
                      <Text span size="xs" c="gray.7" dir="ltr">({rule.documentType})</Text>
                    </>
                  ) : (
                    <Text span size="sm" fs="italic">{appliesTo}</Text>
                  )}
                </Table.Td>
                <Table.Td><FormattedMessage id="retention.years" values={{ years: rule.retainYears }} /></Table.Td>
                <Table.Td><Text size="sm" lineClamp={2}>{rule.note}</Text></Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(intl.locale, rule.updatedAt)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon variant="subtle" size="lg" aria-label={intl.formatMessage({ id: 'retention.editRule' }, { unit, appliesTo })} onClick={() => onEdit(rule)}>
                      <IconPencil size={18} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red" size="lg" aria-label={intl.formatMessage({ id: 'retention.deleteRule' }, { unit, appliesTo })} onClick={() => onDelete(rule)}>
                      <IconTrash size={18} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DeleteRuleModal({ rule, onClose }: { rule: RetentionRule; onClose(): void }) {
  const intl = useIntl();
  const client = useQueryClient();
  const { unit, appliesTo } = useRuleDescription()(rule);
  const remove = useApiMutation<unknown, string>({
    successMessageId: 'retention.deleted',
    mutationFn: (id) => api.delete(`/api/v1/people/retention/rules/${id}`),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['retention'] });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={intl.formatMessage({ id: 'retention.delete.title' })} closeButtonProps={{ 'aria-label': intl.formatMessage({ id: 'common.close' }) }}>
      <Stack>
        <Text>
          <FormattedMessage id="retention.delete.confirm" values={{ unit, appliesTo, years: rule.retainYears }} />
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}><FormattedMessage id="common.cancel" /></Button>
          <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(rule.id)}><FormattedMessage id="common.delete" /></Button>
        </Group>
      </Stack>
    </Modal>
  );
}
