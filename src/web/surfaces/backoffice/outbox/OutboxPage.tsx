import { ActionIcon, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconEye, IconMail, IconMessage } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { useCan } from '../../../app/session.js';
import { PageHeader } from '../../../ui/PageHeader.js';
import { PagedTable, type PagedQuery } from '../../../ui/PagedTable.js';
import { JobsPanel } from './JobsPanel.js';
import { MessageModal } from './MessageModal.js';
import { filterFromSearch, useOutbox, type NotificationSummary } from './outbox-api.js';
import { OutboxFilters } from './OutboxFilters.js';
import { StatusBadge } from './StatusBadge.js';

const COLUMN_IDS = ['created', 'channel', 'recipient', 'template', 'centre', 'status'].map((column) => `outbox.column.${column}`);

function MessagesTable({ messages, onOpen }: { messages: PagedQuery<NotificationSummary>; onOpen(id: string): void }) {
  const intl = useIntl();
  return (
    <PagedTable
      query={messages}
      columnIds={COLUMN_IDS}
      actionsId="outbox.detail.title"
      minWidth={820}
      rowKey={(item) => item.id}
      empty={
        <Text c="gray.7">
          <FormattedMessage id="outbox.empty" />
        </Text>
      }
      row={(item) => (
        <>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{intl.formatDate(item.createdAt, { dateStyle: 'short', timeStyle: 'short' })}</Table.Td>
          <Table.Td>
            {item.channel === 'email' ? <IconMail size={18} aria-hidden /> : <IconMessage size={18} aria-hidden />}{' '}
            <FormattedMessage id={`outbox.channel.${item.channel}`} />
          </Table.Td>
          <Table.Td>
            <Text size="sm" dir="ltr" truncate maw={240}>
              {item.recipient}
            </Text>
            {item.renderedSubject ? (
              <Text size="xs" c="gray.7" truncate maw={240}>
                {item.renderedSubject}
              </Text>
            ) : null}
          </Table.Td>
          <Table.Td>
            <Text size="sm" ff="monospace" dir="ltr">
              {item.template}
            </Text>
          </Table.Td>
          <Table.Td>{item.centre?.name ?? <Text span size="sm" c="gray.7"><FormattedMessage id="outbox.noCentre" /></Text>}</Table.Td>
          <Table.Td>
            <StatusBadge status={item.status} />
          </Table.Td>
          <Table.Td>
            <ActionIcon variant="subtle" size="lg" onClick={() => onOpen(item.id)} aria-label={intl.formatMessage({ id: 'outbox.open' }, { recipient: item.recipient })}>
              <IconEye size={18} />
            </ActionIcon>
          </Table.Td>
        </>
      )}
    />
  );
}

function Messages() {
  const [search, setSearch] = useSearchParams();
  const filter = useMemo(() => filterFromSearch(search), [search]);
  const messages = useOutbox(filter);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Stack>
      <OutboxFilters key={search.toString()} search={search} onApply={(next) => setSearch(next)} />
      <MessagesTable messages={messages} onOpen={setOpen} />
      {open ? <MessageModal id={open} onClose={() => setOpen(null)} /> : null}
    </Stack>
  );
}

/** E-mails and SMS to people as staff see them, and, for network admins, the background jobs. */
export function OutboxPage() {
  const can = useCan();
  const intl = useIntl();
  const showJobs = can('jobs.read');
  return (
    <Stack>
      {/* The subtitle in full-contrast grey: staff read it once, it must be legible. */}
      <PageHeader title={<FormattedMessage id="outbox.title" />} description={<Text span c="gray.7" inherit><FormattedMessage id="outbox.subtitle" /></Text>} />
      {showJobs ? (
        <Tabs defaultValue="messages" keepMounted={false}>
          <Tabs.List aria-label={intl.formatMessage({ id: 'outbox.title' })}>
            <Tabs.Tab value="messages">
              <FormattedMessage id="outbox.tab.messages" />
            </Tabs.Tab>
            <Tabs.Tab value="jobs">
              <FormattedMessage id="outbox.tab.jobs" />
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="messages" pt="md">
            <Messages />
          </Tabs.Panel>
          <Tabs.Panel value="jobs" pt="md">
            <JobsPanel />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <Messages />
      )}
    </Stack>
  );
}
