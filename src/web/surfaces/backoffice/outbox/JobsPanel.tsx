import { Alert, Badge, Center, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { describeError } from '../../../ui/forms.js';
import { useJobsOverview } from './outbox-api.js';
import { Loading } from '../../../ui/Loading.js';

const Code = ({ children }: { children: string }) => (
  <Text span size="sm" ff="monospace" dir="ltr">
    {children}
  </Text>
);

/** Operations: how much background work there is, what failed and why, when each recurring task last ran. */
export function JobsPanel() {
  const intl = useIntl();
  const overview = useJobsOverview();
  const when = (iso: string | null) => (iso ? intl.formatDate(iso, { dateStyle: 'short', timeStyle: 'medium' }) : '—');
  if (overview.isLoading) {
    return (
      <Center>
        <Loading />
      </Center>
    );
  }
  if (overview.error) return <Alert color="red">{describeError(intl, overview.error)}</Alert>;
  const data = overview.data!;
  const kinds = [...new Set(data.counts.map((row) => row.kind))];
  const statuses = ['pending', 'running', 'done', 'failed', 'cancelled'];
  const count = (kind: string, status: string) => data.counts.find((row) => row.kind === kind && row.status === status)?.count ?? 0;

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Paper withBorder p="md">
          <Text size="sm" c="gray.7">
            <FormattedMessage id="outbox.jobs.overdue" />
          </Text>
          <Text fz="xl" fw={700} c={data.overdue.count > 0 ? 'orange' : undefined}>
            {intl.formatNumber(data.overdue.count)}
          </Text>
          {data.overdue.oldestRunAt ? (
            <Text size="sm">
              <FormattedMessage id="outbox.jobs.oldestDue" values={{ when: when(data.overdue.oldestRunAt) }} />
            </Text>
          ) : null}
        </Paper>
        <Paper withBorder p="md">
          <Text size="sm" c="gray.7">
            <FormattedMessage id="outbox.jobs.failedCount" />
          </Text>
          <Text fz="xl" fw={700} c={data.failed.length > 0 ? 'red' : undefined}>
            {intl.formatNumber(data.counts.filter((row) => row.status === 'failed').reduce((sum, row) => sum + row.count, 0))}
          </Text>
        </Paper>
      </SimpleGrid>

      <Title order={2} size="h4">
        <FormattedMessage id="outbox.jobs.byKind" />
      </Title>
      {kinds.length === 0 ? (
        <Text c="gray.7">
          <FormattedMessage id="outbox.jobs.none" />
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  <FormattedMessage id="outbox.jobs.kind" />
                </Table.Th>
                {statuses.map((status) => (
                  <Table.Th key={status} ta="end">
                    <FormattedMessage id={`outbox.jobStatus.${status}`} />
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {kinds.map((kind) => (
                <Table.Tr key={kind}>
                  <Table.Td>
                    <Code>{kind}</Code>
                  </Table.Td>
                  {statuses.map((status) => (
                    <Table.Td key={status} ta="end">
                      {intl.formatNumber(count(kind, status))}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Title order={2} size="h4">
        <FormattedMessage id="outbox.jobs.failedTitle" />
      </Title>
      {data.failed.length === 0 ? (
        <Text c="gray.7">
          <FormattedMessage id="outbox.jobs.noFailures" />
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th><FormattedMessage id="outbox.jobs.kind" /></Table.Th>
                <Table.Th><FormattedMessage id="outbox.jobs.finished" /></Table.Th>
                <Table.Th><FormattedMessage id="outbox.detail.attempts" /></Table.Th>
                <Table.Th><FormattedMessage id="outbox.detail.lastError" /></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.failed.map((job) => (
                <Table.Tr key={job.id}>
                  <Table.Td><Code>{job.kind}</Code></Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(job.finishedAt)}</Table.Td>
                  <Table.Td>{intl.formatNumber(job.attempts)}</Table.Td>
                  <Table.Td dir="ltr" style={{ overflowWrap: 'anywhere' }}>{job.lastError ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Title order={2} size="h4">
        <FormattedMessage id="outbox.jobs.recurringTitle" />
      </Title>
      {data.recurring.length === 0 ? (
        <Text c="gray.7">
          <FormattedMessage id="outbox.jobs.noRecurring" />
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th><FormattedMessage id="outbox.jobs.task" /></Table.Th>
                <Table.Th><FormattedMessage id="outbox.jobs.schedule" /></Table.Th>
                <Table.Th><FormattedMessage id="outbox.jobs.lastMoment" /></Table.Th>
                <Table.Th><FormattedMessage id="outbox.jobs.outcome" /></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.recurring.map((task) => (
                <Table.Tr key={task.task}>
                  <Table.Td><Code>{task.task}</Code></Table.Td>
                  <Table.Td>{task.cron ? <Code>{`${task.cron} UTC`}</Code> : '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(task.lastScheduledFor)}</Table.Td>
                  <Table.Td>
                    {!task.lastScheduledFor ? (
                      <Text span size="sm" c="gray.7"><FormattedMessage id="outbox.jobs.neverRan" /></Text>
                    ) : task.lastError ? (
                      <Badge color="red" variant="light" tt="none" title={task.lastError}>
                        <FormattedMessage id="outbox.jobs.taskFailed" values={{ error: task.lastError }} />
                      </Badge>
                    ) : !task.lastFinishedAt ? (
                      <Badge color="blue" variant="light" tt="none"><FormattedMessage id="outbox.jobs.taskRunning" /></Badge>
                    ) : (
                      <Code>{JSON.stringify(task.lastOutcome ?? {})}</Code>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
