import { Anchor, Badge, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useLocale } from '../../app/i18n.js';
import { describeError } from '../../ui/forms.js';
import { personName, type Person } from '../reception/reception-api.js';
import { CancelModal, MoveModal } from './BookingActions.js';
import { BookingForm } from './BookingForm.js';
import { Facts } from './Facts.js';
import { nameIn, phoneKeys, usePersonAppointments, type PersonBooking } from './phone-api.js';
import { StatusReadout } from './StatusReadout.js';

const STATE_COLOUR: Record<string, string> = { booked: 'blue', checked_in: 'green', cancelled: 'gray', no_show: 'orange', expired: 'gray', held: 'gray' };

/** One person on the line: their status to read out, bookings (move, cancel), today's tickets, and a new booking. */
export function PersonPanel({ person, onClose }: { person: Person; onClose: () => void }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const data = usePersonAppointments(person.id);
  const [booking, setBooking] = useState(false);
  const [moving, setMoving] = useState<PersonBooking | null>(null);
  const [cancelling, setCancelling] = useState<PersonBooking | null>(null);
  const when = (one: PersonBooking) => intl.formatDate(new Date(one.startsAt), { dateStyle: 'medium', timeStyle: 'short', timeZone: one.timeZone });
  const upcoming = (one: PersonBooking) => one.state === 'booked' && new Date(one.startsAt) > new Date();

  return (
    <Stack gap="md" data-testid="person-panel">
      <Group justify="space-between" wrap="wrap">
        <Stack gap={0}>
          <Title order={2} size="h4">
            {personName(person)}
          </Title>
          <Text size="sm" c="dimmed">
            <Facts items={[person.birthDate, ...person.contacts.map((contact) => contact.value)]} />
          </Text>
        </Stack>
        <Group gap="xs">
          <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => setBooking(true)} disabled={booking}>
            <FormattedMessage id="phone.book.open" />
          </Button>
          <Button variant="default" onClick={onClose}>
            <FormattedMessage id="phone.otherPerson" />
          </Button>
        </Group>
      </Group>
      {data.isLoading ? <Loader /> : data.error ? <Text c="red">{describeError(intl, data.error)}</Text> : null}
      {data.data ? <StatusReadout preferredLanguage={data.data.preferredLanguage ?? person.preferredLanguage} bookings={data.data.bookings} tickets={data.data.tickets} /> : null}
      {booking ? (
        <Card withBorder>
          <BookingForm person={person} onDone={() => setBooking(false)} />
        </Card>
      ) : null}
      {data.data && data.data.tickets.length > 0 ? (
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            <FormattedMessage id="phone.tickets.title" />
          </Title>
          <Stack gap={4}>
            {data.data.tickets.map((ticket) => (
              <Group key={ticket.visitId} justify="space-between">
                <Text fw={600}>
                  {ticket.number} · {nameIn(ticket.serviceNames, locale.code)} · {ticket.centreName}
                </Text>
                <Text size="sm">
                  {intl.formatMessage({ id: `phone.tickets.state.${ticket.state}`, defaultMessage: ticket.state })}
                  {ticket.ahead !== null ? ` · ${intl.formatMessage({ id: 'phone.tickets.ahead' }, { count: ticket.ahead })}` : ''}
                </Text>
              </Group>
            ))}
          </Stack>
        </Card>
      ) : null}
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          <FormattedMessage id="phone.bookings.title" />
        </Title>
        {data.data && data.data.bookings.length === 0 ? (
          <Text size="sm" c="dimmed">
            <FormattedMessage id="phone.bookings.none" />
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" data-testid="bookings">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{intl.formatMessage({ id: 'phone.bookings.when' })}</Table.Th>
                  <Table.Th>{intl.formatMessage({ id: 'phone.bookings.what' })}</Table.Th>
                  <Table.Th>{intl.formatMessage({ id: 'phone.bookings.reference' })}</Table.Th>
                  <Table.Th>{intl.formatMessage({ id: 'phone.bookings.state' })}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(data.data?.bookings ?? []).map((one) => (
                  <Table.Tr key={one.id} data-reference={one.reference}>
                    <Table.Td>{when(one)}</Table.Td>
                    <Table.Td>
                      {nameIn(one.serviceNames, locale.code)}
                      <Text size="xs" c="dimmed">
                        {one.centreName}
                      </Text>
                    </Table.Td>
                    <Table.Td ff="monospace">{one.reference}</Table.Td>
                    <Table.Td>
                      <Badge color={STATE_COLOUR[one.state]} variant="light">
                        {intl.formatMessage({ id: `phone.state.${one.state}` })}
                      </Badge>
                      {one.cancelReason ? (
                        <Text size="xs" c="dimmed">
                          {one.cancelReason}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {upcoming(one) ? (
                        <Group gap={4} wrap="nowrap">
                          <Anchor component="button" size="sm" onClick={() => setMoving(one)}>
                            <FormattedMessage id="phone.move.open" />
                          </Anchor>
                          <Anchor component="button" size="sm" c="red" onClick={() => setCancelling(one)}>
                            <FormattedMessage id="phone.cancelBooking.open" />
                          </Anchor>
                        </Group>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {moving ? <MoveModal booking={moving} personId={person.id} onClose={() => setMoving(null)} /> : null}
      {cancelling ? (
        <CancelModal ids={[cancelling.id]} title={intl.formatMessage({ id: 'phone.cancelBooking.title' }, { reference: cancelling.reference })} invalidate={phoneKeys.person(person.id)} onClose={() => setCancelling(null)} />
      ) : null}
    </Stack>
  );
}
