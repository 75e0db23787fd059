import { Alert, Badge, Button, Center, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconCalendarEvent, IconDoor, IconTicket } from '@tabler/icons-react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { describeError } from '../../../ui/forms.js';
import { usePersonTimeline, type TimelineEntry } from './people-data-api.js';
import { Loading } from '../../../ui/Loading.js';

/** A service's name in the interface language, else Portuguese (the host language), else any. */
function serviceName(intl: IntlShape, entry: TimelineEntry): string | null {
  if (!entry.service) return null;
  const names = entry.service.names;
  return names[intl.locale] ?? names.pt ?? Object.values(names)[0] ?? null;
}

/** Times in the centre's own zone: what the person and the staff there saw on the clock. */
function when(intl: IntlShape, at: string, timeZone: string): string {
  return intl.formatDate(at, { dateStyle: 'medium', timeStyle: 'short', timeZone });
}

function EntryIcon({ kind }: { kind: TimelineEntry['kind'] }) {
  if (kind.startsWith('appointment.')) return <IconCalendarEvent size={14} aria-hidden />;
  if (kind.startsWith('ticket.')) return <IconTicket size={14} aria-hidden />;
  return <IconDoor size={14} aria-hidden />;
}

function EntryBody({ entry }: { entry: TimelineEntry }) {
  const intl = useIntl();
  const tz = entry.centre.timeZone;
  const place = [entry.centre.name, entry.unit?.name, serviceName(intl, entry)].filter(Boolean).join(' · ');
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {when(intl, entry.at, tz)} · {place}
      </Text>
      <Group gap="xs">
        {entry.ticketNumber ? <Badge variant="light" dir="ltr">{entry.ticketNumber}</Badge> : null}
        {entry.appointmentReference ? <Badge variant="outline" dir="ltr">{entry.appointmentReference}</Badge> : null}
        {entry.counter ? <Text size="sm"><FormattedMessage id="people.timeline.counter" values={{ counter: entry.counter }} /></Text> : null}
        {entry.outcome ? <Badge color="teal" variant="light" tt="none"><FormattedMessage id={`people.timeline.outcome.${entry.outcome}`} defaultMessage={entry.outcome} /></Badge> : null}
      </Group>
      {entry.kind === 'appointment.moved' && entry.details.from && entry.details.to ? (
        <Text size="sm"><FormattedMessage id="people.timeline.movedFromTo" values={{ from: when(intl, entry.details.from, tz), to: when(intl, entry.details.to, tz) }} /></Text>
      ) : entry.details.startsAt && entry.kind.startsWith('appointment.') ? (
        <Text size="sm"><FormattedMessage id="people.timeline.appointmentFor" values={{ startsAt: when(intl, entry.details.startsAt, tz) }} /></Text>
      ) : null}
    </Stack>
  );
}

/**
 * A person's visits, tickets and appointments at every centre, newest first, with "load more".
 * Reusable on any page that shows a person: each page loaded is an audited read on the server.
 */
export function PersonTimeline({ personId }: { personId: string }) {
  const intl = useIntl();
  const timeline = usePersonTimeline(personId);
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack component="section" aria-labelledby={`timeline-${personId}`}>
      <Title order={2} id={`timeline-${personId}`} size="h3">
        <FormattedMessage id="people.timeline.title" />
      </Title>
      {timeline.error ? <Alert color="red">{describeError(intl, timeline.error)}</Alert> : null}
      {timeline.isLoading ? (
        <Center>
          <Loading />
        </Center>
      ) : null}
      {timeline.isSuccess && items.length === 0 ? (
        <Text c="dimmed">
          <FormattedMessage id="people.timeline.empty" />
        </Text>
      ) : null}
      {items.length > 0 ? (
        <Timeline bulletSize={24} lineWidth={2}>
          {items.map((entry) => (
            <Timeline.Item key={entry.id} bullet={<EntryIcon kind={entry.kind} />} title={intl.formatMessage({ id: `people.timeline.kind.${entry.kind}` })}>
              <EntryBody entry={entry} />
            </Timeline.Item>
          ))}
        </Timeline>
      ) : null}
      {timeline.hasNextPage ? (
        <Button variant="light" onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          <FormattedMessage id="people.timeline.more" />
        </Button>
      ) : null}
    </Stack>
  );
}
