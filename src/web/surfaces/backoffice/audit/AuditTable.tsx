import { ActionIcon, Badge, Code, Group, Modal, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconEye, IconLock } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { PagedTable, type PagedQuery } from '../../../ui/PagedTable.js';
import type { AuditEvent } from './audit-api.js';

/** Codes and ids stay left-to-right inside Arabic text. */
const Ltr = ({ children }: { children: string }) => (
  <Text span size="sm" ff="monospace" dir="ltr">
    {children}
  </Text>
);

function Flags({ event }: { event: AuditEvent }) {
  const intl = useIntl();
  return (
    <Group gap={4} wrap="nowrap">
      {event.personalData ? (
        <Badge color="orange" variant="light" tt="none" leftSection={<IconLock size={12} />}>
          <FormattedMessage id="audit.flag.personalData" />
        </Badge>
      ) : null}
      {event.breakGlass ? (
        <Tooltip label={event.reason ?? ''} disabled={!event.reason} multiline maw={320}>
          <Badge color="red" variant="filled" tt="none" leftSection={<IconAlertTriangle size={12} />} aria-label={intl.formatMessage({ id: 'audit.flag.breakGlassWithReason' }, { reason: event.reason ?? '' })}>
            <FormattedMessage id="audit.flag.breakGlass" />
          </Badge>
        </Tooltip>
      ) : null}
    </Group>
  );
}

function EventDetails({ event, onClose }: { event: AuditEvent; onClose(): void }) {
  const intl = useIntl();
  const rows: [string, ReactNode][] = [
    ['audit.column.time', intl.formatDate(event.at, { dateStyle: 'full', timeStyle: 'long' })],
    ['audit.column.actor', event.actor.id ? <>{event.actor.name} · <Ltr>{event.actor.id}</Ltr></> : event.actor.name],
    ['audit.column.action', <Ltr key="a">{event.action}</Ltr>],
    ['audit.column.resource', <Ltr key="r">{[event.resourceType, event.resourceId].filter(Boolean).join(' ')}</Ltr>],
    ['audit.column.centre', event.centre ? (event.centre.name ?? event.centre.id) : intl.formatMessage({ id: 'audit.wholeNetwork' })],
    ['audit.detail.unit', event.unit ? (event.unit.name ?? event.unit.id) : '—'],
    ['audit.detail.reason', event.reason ?? '—'],
    ['audit.detail.ip', event.ip ? <Ltr key="i">{event.ip}</Ltr> : '—'],
    ['audit.detail.requestId', event.requestId ? <Ltr key="q">{event.requestId}</Ltr> : '—'],
  ];
  return (
    <Modal opened onClose={onClose} title={intl.formatMessage({ id: 'audit.detail.title' })} size="lg">
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          {rows.map(([labelId, value]) => (
            <Table.Tr key={labelId}>
              <Table.Th w={160}>{intl.formatMessage({ id: labelId })}</Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text fw={600} mt="md" mb={4}>
        <FormattedMessage id="audit.detail.details" />
      </Text>
      <Code block dir="ltr">
        {JSON.stringify(event.details, null, 2)}
      </Code>
      <Group mt="sm">
        <Flags event={event} />
      </Group>
    </Modal>
  );
}

const COLUMN_IDS = ['time', 'actor', 'action', 'resource', 'centre', 'flags'].map((column) => `audit.column.${column}`);

/** The journal as a table, page by page; time in the viewer's own time zone (Intl). */
export function AuditTable({ events }: { events: PagedQuery<AuditEvent> }) {
  const intl = useIntl();
  const [shown, setShown] = useState<AuditEvent | null>(null);
  return (
    <>
      <PagedTable
        query={events}
        columnIds={COLUMN_IDS}
        actionsId="audit.detail.title"
        minWidth={860}
        rowKey={(event) => event.id}
        empty={
          <Text c="dimmed">
            <FormattedMessage id="audit.empty" />
          </Text>
        }
        end={(count) => (
          <Text c="dimmed" size="sm" ta="center">
            <FormattedMessage id="audit.end" values={{ count }} />
          </Text>
        )}
        row={(event) => (
          <>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{intl.formatDate(event.at, { dateStyle: 'short', timeStyle: 'medium' })}</Table.Td>
            <Table.Td>{event.actor.name}</Table.Td>
            <Table.Td>
              <Ltr>{event.action}</Ltr>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{event.resourceType}</Text>
              {event.resourceId ? (
                <Text size="xs" c="dimmed" ff="monospace" dir="ltr" truncate maw={220}>
                  {event.resourceId}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>{event.centre ? (event.centre.name ?? event.centre.id) : <Text span size="sm" c="dimmed"><FormattedMessage id="audit.wholeNetwork" /></Text>}</Table.Td>
            <Table.Td>
              <Flags event={event} />
            </Table.Td>
            <Table.Td>
              <ActionIcon variant="subtle" onClick={() => setShown(event)} aria-label={intl.formatMessage({ id: 'audit.detail.open' }, { action: event.action })}>
                <IconEye size={18} />
              </ActionIcon>
            </Table.Td>
          </>
        )}
      />
      {shown ? <EventDetails event={shown} onClose={() => setShown(null)} /> : null}
    </>
  );
}
