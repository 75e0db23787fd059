import { Alert, Badge, Button, Card, Chip, Group, ScrollArea, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconCalendarCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../app/api.js';
import { describeError } from '../../ui/forms.js';
import type { Centre } from '../backoffice/network/network-api.js';
import { normaliseReference, phoneKeys, usePersonAppointments, type StaffAppointment } from '../phoneline/phone-api.js';
import { PRIORITY_REASONS, queueKeys, useLocalised, type PriorityReason, type Visit } from '../queue/queue-api.js';
import { centreNow, useCentreServices, type VisitPerson } from './reception-api.js';

interface CheckInResult {
  appointment: StaffAppointment;
  visit: Visit;
  minutesLate: number;
  alreadyCheckedIn: boolean;
}

const dayKey = (centreId: string, day: string) => ['appointments', 'day', centreId, day] as const;

/**
 * Reception's check-in of people who booked: type the reference they show, or pick them from today's
 * bookings (those of the person chosen above, else the centre's, filtered by name or reference). The
 * booking becomes a ticket with appointment priority (docs/appointments.md, "Check-in").
 */
export function AppointmentCheckIn({ centre, person, onCheckedIn }: { centre: Centre; person: VisitPerson | null; onCheckedIn: (visit: Visit) => void }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const localised = useLocalised();
  const [reference, setReference] = useState('');
  const [filter, setFilter] = useState('');
  // What reception sees as the person arrives; it goes with the next check-in, then clears.
  const [priorityReasons, setPriorityReasons] = useState<PriorityReason[]>([]);
  const [interpreterNeeded, setInterpreterNeeded] = useState(false);
  const [needsOpen, setNeedsOpen] = useState(false);
  const today = centreNow(centre.timeZone).date;
  const services = useCentreServices(centre.id);
  const personId = person?.kind === 'person' ? person.person.id : undefined;
  const ofPerson = usePersonAppointments(personId);
  const day = useQuery({ queryKey: dayKey(centre.id, today), queryFn: () => api.get<StaffAppointment[]>(`/api/v1/centres/${centre.id}/appointments?day=${today}`), refetchInterval: 60_000 });
  const checkIn = useMutation({
    mutationFn: (input: { reference: string } | { appointmentId: string }) => api.post<CheckInResult>('/api/v1/appointments/check-in', { centreId: centre.id, ...input, priorityReasons, interpreterNeeded }),
    onSuccess: (result) => {
      setReference('');
      setPriorityReasons([]);
      setInterpreterNeeded(false);
      setNeedsOpen(false);
      void queryClient.invalidateQueries({ queryKey: dayKey(centre.id, today) });
      void queryClient.invalidateQueries({ queryKey: queueKeys.visits(centre.id) });
      if (personId) void queryClient.invalidateQueries({ queryKey: phoneKeys.person(personId) });
      onCheckedIn(result.visit);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const typed = normaliseReference(reference);
    if (typed) checkIn.mutate({ reference: typed });
  };
  const serviceName = (serviceId: string) => localised(services.data?.find((service) => service.id === serviceId)?.names);
  const isToday = (booking: StaffAppointment) => centreNow(centre.timeZone, new Date(booking.startsAt)).date === today;
  const needle = filter.trim().toLowerCase();
  const source = personId ? (ofPerson.data?.bookings ?? []).filter((booking) => booking.centreId === centre.id && isToday(booking)) : (day.data ?? []);
  const list = source
    .filter((booking) => booking.state === 'booked' || booking.state === 'checked_in')
    .filter((booking) => !needle || booking.reference.toLowerCase().includes(needle) || (booking.contact.name ?? '').toLowerCase().includes(needle))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const result = checkIn.data;

  return (
    <Card withBorder data-testid="reception-check-in">
      <Stack gap="sm">
        <Title order={2} size="h5">
          <FormattedMessage id="checkin.reception.title" />
        </Title>
        <Group component="form" onSubmit={submit} align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={intl.formatMessage({ id: 'checkin.reception.reference' })}
            value={reference}
            onChange={(event) => setReference(event.currentTarget.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            styles={{ input: { fontFamily: 'monospace', letterSpacing: '0.1em' } }}
            data-testid="reception-reference"
          />
          <Button type="submit" leftSection={<IconCalendarCheck size={18} />} loading={checkIn.isPending && 'reference' in (checkIn.variables ?? {})}>
            <FormattedMessage id="checkin.reception.submit" />
          </Button>
        </Group>
        {/* Shown on demand: the visit form beside it has the same controls for walk-ins. */}
        {needsOpen ? (
          <Stack gap={4} data-testid="check-in-needs">
            <Chip.Group multiple value={priorityReasons} onChange={(value) => setPriorityReasons(value as PriorityReason[])}>
              <Group gap={6}>
                {PRIORITY_REASONS.map((reason) => (
                  <Chip key={reason} value={reason} size="xs" color={reason === 'emergency' ? 'red' : 'orange'} data-testid={`check-in-priority-${reason}`}>
                    {intl.formatMessage({ id: `staffQueue.priority.${reason}` })}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            <Switch size="sm" label={<FormattedMessage id="staffQueue.interpreterNeeded" />} checked={interpreterNeeded} onChange={(event) => setInterpreterNeeded(event.currentTarget.checked)} />
          </Stack>
        ) : (
          <Button variant="subtle" size="compact-sm" justify="flex-start" onClick={() => setNeedsOpen(true)} data-testid="check-in-needs-open">
            <FormattedMessage id="checkin.reception.needs" />
          </Button>
        )}
        {checkIn.error ? (
          <Alert color="red" role="alert">
            {describeError(intl, checkIn.error)}
          </Alert>
        ) : null}
        {result ? (
          <Alert color={result.minutesLate > 0 ? 'orange' : 'green'} role="status" data-testid="reception-check-in-done">
            <FormattedMessage id={result.alreadyCheckedIn ? 'checkin.reception.already' : 'checkin.reception.done'} values={{ reference: result.appointment.reference, number: result.visit.tickets[0]?.number ?? '', minutes: result.minutesLate }} />
          </Alert>
        ) : null}
        <Text size="sm" fw={600}>
          {personId ? <FormattedMessage id="checkin.reception.personToday" /> : <FormattedMessage id="checkin.reception.centreToday" />}
        </Text>
        {!personId ? <TextInput size="xs" aria-label={intl.formatMessage({ id: 'checkin.reception.filter' })} placeholder={intl.formatMessage({ id: 'checkin.reception.filter' })} value={filter} onChange={(event) => setFilter(event.currentTarget.value)} /> : null}
        {list.length === 0 ? (
          <Text size="sm" c="dimmed">
            <FormattedMessage id="checkin.reception.none" />
          </Text>
        ) : (
          <ScrollArea.Autosize mah={280}>
            <Stack gap={4}>
              {list.map((booking) => (
                <Group key={booking.id} justify="space-between" wrap="nowrap" gap="xs" data-testid="reception-booking" data-reference={booking.reference}>
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600} truncate>
                      {intl.formatTime(new Date(booking.startsAt), { timeStyle: 'short', timeZone: centre.timeZone })} · {booking.contact.name ?? '—'}
                    </Text>
                    <Text size="xs" c="dimmed" truncate>
                      <bdi dir="ltr" style={{ fontFamily: 'monospace' }}>{booking.reference}</bdi> · {serviceName(booking.serviceId)}
                    </Text>
                  </div>
                  {booking.state === 'checked_in' ? (
                    <Badge color="green" variant="light">
                      <FormattedMessage id="checkin.reception.checkedIn" />
                    </Badge>
                  ) : (
                    <Button size="xs" variant="light" onClick={() => checkIn.mutate({ appointmentId: booking.id })} loading={checkIn.isPending && checkIn.variables && 'appointmentId' in checkIn.variables && checkIn.variables.appointmentId === booking.id}>
                      <FormattedMessage id="checkin.reception.submit" />
                    </Button>
                  )}
                </Group>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Stack>
    </Card>
  );
}
