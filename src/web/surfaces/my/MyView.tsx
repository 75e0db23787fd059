import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { api } from '../../app/api.js';
import { useLocale } from '../../app/i18n.js';
import { describeError } from '../../ui/forms.js';
import { ListenButton } from '../../ui/ListenButton.js';
import { nameIn } from '../phoneline/phone-api.js';
import { bookingSentence, ticketSentence } from '../phoneline/status-text.js';
import type { MyBooking, MyProcedures } from './my-api.js';

const STATE_COLOUR: Record<string, string> = { booked: 'blue', checked_in: 'green', cancelled: 'gray', no_show: 'orange', expired: 'gray', held: 'gray' };

/** One kind of thing the person has: its cards, or a sentence saying there are none. */
function MySection({ id, titleId, noneId, children }: { id: string; titleId: string; noneId: string; children: ReactNode[] }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        <FormattedMessage id={titleId} />
      </Title>
      {children.length === 0 ? (
        <Text c="gray.7">
          <FormattedMessage id={noneId} />
        </Text>
      ) : (
        <Stack gap="sm">{children}</Stack>
      )}
    </section>
  );
}

/** A booking's or a procedure's first line: the service, and where things stand as a badge. */
function CardHeading({ title, state, colour }: { title: string; state: string; colour: string | undefined }) {
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
      <Text fw={700}>{title}</Text>
      <Badge color={colour} variant="light" style={{ flexShrink: 0 }}>
        {state}
      </Badge>
    </Group>
  );
}

/** The person's bookings, today's tickets and procedures, each in plain words, with Listen. */
export function MyView({ view, onChanged }: { view: MyProcedures; onChanged: () => void }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const now = new Date();
  const upcoming = view.bookings.filter((booking) => booking.state === 'booked' && new Date(booking.endsAt) > now);
  const past = view.bookings.filter((booking) => !upcoming.includes(booking));
  const everything = [...view.tickets.map((ticket) => ticketSentence(intl, ticket)), ...upcoming.map((booking) => bookingSentence(intl, booking))];
  const spoken = everything.length ? everything.join(' ') : intl.formatMessage({ id: 'procedures.say.nothing' });

  return (
    <Stack gap="lg">
      <ListenButton lang={locale.code} text={() => spoken} />
      <MySection id="my-tickets" titleId="procedures.tickets.title" noneId="procedures.tickets.none">
        {view.tickets.map((ticket) => (
          <Card key={ticket.visitId} withBorder padding="md" data-testid="my-ticket">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={2}>
                <Text size="xl" fw={800} dir="ltr">
                  {ticket.number}
                </Text>
                <Text fw={600}>{nameIn(ticket.serviceNames, locale.code)}</Text>
                <Text size="sm" c="gray.7">
                  {ticket.centreName}
                </Text>
              </Stack>
              <Anchor component={Link} to={`/t/${ticket.publicCode}`} fw={600} py="sm">
                <FormattedMessage id="procedures.tickets.follow" />
              </Anchor>
            </Group>
            <Text mt="xs">{ticketSentence(intl, ticket)}</Text>
          </Card>
        ))}
      </MySection>
      <MySection id="my-bookings" titleId="procedures.bookings.title" noneId="procedures.bookings.none">
        {[...upcoming, ...past].map((booking) => (
          <BookingCard key={booking.reference} booking={booking} upcoming={upcoming.includes(booking)} onChanged={onChanged} />
        ))}
      </MySection>
      <MySection id="my-procedures" titleId="procedures.cases.title" noneId="procedures.cases.none">
        {view.procedures.map((procedure) => (
          <Card key={procedure.id} withBorder padding="md" data-testid="my-procedure">
            <CardHeading title={procedure.serviceName} state={procedure.status.label} colour={procedure.status.final ? 'gray' : 'blue'} />
            <Text size="sm" c="gray.7">
              <FormattedMessage id="procedures.cases.updated" values={{ date: intl.formatDate(new Date(procedure.updatedAt), { day: 'numeric', month: 'long', year: 'numeric' }) }} />
            </Text>
          </Card>
        ))}
      </MySection>
    </Stack>
  );
}

function BookingCard({ booking, upcoming, onChanged }: { booking: MyBooking; upcoming: boolean; onChanged: () => void }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation({ mutationFn: () => api.post('/api/v1/public/appointments/cancel', { reference: booking.reference, secret: booking.secret }), onSuccess: onChanged });
  const when = new Date(booking.startsAt);
  return (
    <Card withBorder padding="md" data-testid="my-booking" data-reference={booking.reference}>
      <CardHeading title={nameIn(booking.serviceNames, locale.code)} state={intl.formatMessage({ id: `procedures.state.${booking.state}` })} colour={STATE_COLOUR[booking.state]} />
      <Text size="lg" fw={600} mt={4}>
        {intl.formatDate(when, { weekday: 'long', day: 'numeric', month: 'long', timeZone: booking.timeZone })} · {intl.formatTime(when, { timeStyle: 'short', timeZone: booking.timeZone })}
      </Text>
      <Text size="sm">{booking.centreName}</Text>
      <Text size="sm" c="gray.7">
        <FormattedMessage id="procedures.bookings.reference" values={{ reference: <bdi dir="ltr" style={{ fontFamily: 'monospace' }}>{booking.reference}</bdi> }} />
      </Text>
      {upcoming && booking.secret ? (
        confirming ? (
          <Stack gap="xs" mt="sm">
            <Text fw={600}>
              <FormattedMessage id="procedures.bookings.cancelSure" />
            </Text>
            <Group gap="xs" grow>
              <Button color="red" mih={48} loading={cancel.isPending} onClick={() => cancel.mutate()}>
                <FormattedMessage id="procedures.bookings.cancelYes" />
              </Button>
              <Button variant="default" mih={48} onClick={() => setConfirming(false)}>
                <FormattedMessage id="procedures.bookings.cancelNo" />
              </Button>
            </Group>
            {cancel.error ? <Text c="red">{describeError(intl, cancel.error)}</Text> : null}
          </Stack>
        ) : (
          <Button variant="subtle" color="red" mt="xs" mih={48} onClick={() => setConfirming(true)}>
            <FormattedMessage id="procedures.bookings.cancel" />
          </Button>
        )
      ) : null}
    </Card>
  );
}
