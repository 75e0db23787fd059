import { Alert, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useApiMutation } from '../../../ui/forms.js';
import { useDocumentTypeLabel } from '../casefile/document-types.js';
import { fetchRetentionReport, type ReportPerson, type RetentionReport } from './retention-api.js';

/** A table shows this many rows; the counts above it always say how many there are. */
const SHOWN = 100;

/**
 * The dry run of the nightly anonymisation: who it would anonymise now, who is held back by an open
 * ticket or appointment, and which documents it would delete before their owner. People appear by
 * id and home centre only: setting retention gives no right to read anyone's file.
 */
export function RetentionReportCard() {
  const intl = useIntl();
  const run = useApiMutation<RetentionReport, void>({ mutationFn: () => fetchRetentionReport() });
  const report = run.data;
  return (
    <Card withBorder component="section" aria-labelledby="retention-report-title">
      <Group justify="space-between" align="flex-start" mb="xs">
        <Stack gap={4}>
          <Title order={2} size="h4" id="retention-report-title">
            <FormattedMessage id="retention.report.title" />
          </Title>
          <Text size="sm" c="gray.7">
            <FormattedMessage id="retention.report.explain" />
          </Text>
        </Stack>
        <Button variant="light" leftSection={<IconPlayerPlay size={16} />} loading={run.isPending} onClick={() => run.mutate()}>
          <FormattedMessage id={report ? 'retention.report.runAgain' : 'retention.report.run'} />
        </Button>
      </Group>
      {report ? (
        <Stack gap="md" data-testid="retention-report">
          <Alert color={report.people.length + report.documents.length > 0 ? 'orange' : 'teal'}>
            <FormattedMessage
              id="retention.report.summary"
              values={{
                asOf: intl.formatDate(report.asOf, { dateStyle: 'medium', timeStyle: 'short' }),
                people: report.people.length,
                documents: report.documents.length,
                heldBack: report.blockedByOpenActivity,
                years: report.defaultYears,
              }}
            />
          </Alert>
          <PeopleTable titleId="retention.report.people" emptyId="retention.report.noPeople" people={report.people} testId="retention-report-people" />
          <PeopleTable titleId="retention.report.heldBack" emptyId="retention.report.noneHeldBack" people={report.heldBack} testId="retention-report-held-back" />
          <DocumentsTable documents={report.documents} />
        </Stack>
      ) : null}
    </Card>
  );
}

function Section({ titleId, count, children }: { titleId: string; count: number; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        <FormattedMessage id={titleId} values={{ count }} />
      </Title>
      {children}
      {count > SHOWN ? (
        <Text size="xs" c="gray.7">
          <FormattedMessage id="retention.report.firstRows" values={{ shown: SHOWN, count }} />
        </Text>
      ) : null}
    </Stack>
  );
}

const Id = ({ value }: { value: string }) => (
  <Text span size="xs" ff="monospace" dir="ltr">
    {value}
  </Text>
);

function PeopleTable({ titleId, emptyId, people, testId }: { titleId: string; emptyId: string; people: ReportPerson[]; testId: string }) {
  const intl = useIntl();
  const date = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium' });
  return (
    <Section titleId={titleId} count={people.length}>
      {people.length === 0 ? (
        <Text size="sm" c="gray.7"><FormattedMessage id={emptyId} /></Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing={4} data-testid={testId}>
            <Table.Thead>
              <Table.Tr>
                {['person', 'homeCentre', 'lastActivity', 'years', 'dueSince'].map((column) => (
                  <Table.Th key={column}><FormattedMessage id={`retention.report.column.${column}`} /></Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.slice(0, SHOWN).map((person) => (
                <Table.Tr key={person.personId}>
                  <Table.Td><Id value={person.personId} /></Table.Td>
                  <Table.Td>{person.homeCentre.name}</Table.Td>
                  <Table.Td>{date(person.lastActivityAt)}</Table.Td>
                  <Table.Td><FormattedMessage id="retention.years" values={{ years: person.retainYears }} /></Table.Td>
                  <Table.Td>{date(person.dueSince)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

function DocumentsTable({ documents }: { documents: RetentionReport['documents'] }) {
  const intl = useIntl();
  const typeLabel = useDocumentTypeLabel();
  return (
    <Section titleId="retention.report.documents" count={documents.length}>
      {documents.length === 0 ? (
        <Text size="sm" c="gray.7"><FormattedMessage id="retention.report.noDocuments" /></Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing={4} data-testid="retention-report-documents">
            <Table.Thead>
              <Table.Tr>
                {['documentType', 'store', 'unit', 'person', 'years', 'dueSince'].map((column) => (
                  <Table.Th key={column}><FormattedMessage id={`retention.report.column.${column}`} /></Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {documents.slice(0, SHOWN).map((document) => (
                <Table.Tr key={document.documentId}>
                  <Table.Td>{typeLabel(document.type)}</Table.Td>
                  <Table.Td><FormattedMessage id={`retention.report.store.${document.store}`} /></Table.Td>
                  <Table.Td>
                    {document.unit ? (
                      <>
                        {document.unit.name}
                        <Text size="xs" c="gray.7">{document.unit.centre.name}</Text>
                      </>
                    ) : '—'}
                  </Table.Td>
                  <Table.Td><Id value={document.personId} /></Table.Td>
                  <Table.Td><FormattedMessage id="retention.years" values={{ years: document.retainYears }} /></Table.Td>
                  <Table.Td>{intl.formatDate(document.dueSince, { dateStyle: 'medium' })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
