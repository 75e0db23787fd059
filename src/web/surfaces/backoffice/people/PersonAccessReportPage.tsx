import { Alert, Badge, Button, Center, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconFileZip, IconPrinter } from '@tabler/icons-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { describeError } from '../../../ui/forms.js';
import { accessReportCsvUrl, subjectExportUrl, useAccessReport } from './people-data-api.js';
import { Loading } from '../../../ui/Loading.js';

/**
 * "Who accessed my file": a page staff print (or save as PDF) and hand to the person. The buttons
 * are hidden when printing; the table is the document.
 */
export function PersonAccessReportPage() {
  const intl = useIntl();
  const { id = '' } = useParams();
  const report = useAccessReport(id);
  if (report.isLoading) {
    return (
      <Center>
        <Loading />
      </Center>
    );
  }
  if (report.error || !report.data) return <Alert color="red">{describeError(intl, report.error)}</Alert>;
  const { person, items, generatedAt, truncated } = report.data;
  return (
    <Stack>
      <style>{'@media print { .no-print { display: none !important; } }'}</style>
      <Title order={1}>
        <FormattedMessage id="people.accessReport.title" />
      </Title>
      <Text>
        <FormattedMessage id="people.accessReport.intro" values={{ name: person.displayName, centre: person.homeCentre.name, generatedAt: intl.formatDate(generatedAt, { dateStyle: 'long', timeStyle: 'short' }) }} />
      </Text>
      <Group className="no-print">
        <Button leftSection={<IconPrinter size={18} />} onClick={() => window.print()}>
          <FormattedMessage id="people.accessReport.print" />
        </Button>
        <Button component="a" href={accessReportCsvUrl(id)} download variant="light" leftSection={<IconDownload size={18} />}>
          <FormattedMessage id="people.accessReport.csv" />
        </Button>
        <Button component="a" href={subjectExportUrl(id)} download variant="subtle" leftSection={<IconFileZip size={18} />}>
          <FormattedMessage id="people.accessReport.export" />
        </Button>
      </Group>
      {truncated ? <Alert color="yellow"><FormattedMessage id="people.accessReport.truncated" /></Alert> : null}
      {items.length === 0 ? (
        <Text c="dimmed"><FormattedMessage id="people.accessReport.empty" /></Text>
      ) : (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              {['when', 'who', 'unit', 'what', 'flags'].map((column) => (
                <Table.Th key={column}><FormattedMessage id={`people.accessReport.column.${column}`} /></Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item, index) => (
              <Table.Tr key={`${item.at}-${index}`}>
                <Table.Td>{intl.formatDate(item.at, { dateStyle: 'medium', timeStyle: 'short' })}</Table.Td>
                <Table.Td>
                  {item.staff.name}
                  {item.staff.roles.length > 0 ? (
                    <Text size="xs" c="dimmed">{intl.formatList(item.staff.roles.map((role) => intl.formatMessage({ id: `people.accessReport.role.${role}`, defaultMessage: role })))}</Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{[item.unit?.name, item.centre?.name].filter(Boolean).join(' · ') || '—'}</Table.Td>
                <Table.Td>
                  <FormattedMessage id={`people.accessReport.kind.${item.kind}`} />
                  <Text size="xs" c="dimmed" dir="ltr" ff="monospace">{item.action}</Text>
                </Table.Td>
                <Table.Td>
                  {item.breakGlass ? (
                    <Badge color="red" tt="none"><FormattedMessage id="people.accessReport.breakGlass" values={{ reason: item.reason ?? '' }} /></Badge>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
