import { Alert, Button, Center, Group, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconCalendarEvent, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useLocation, useParams } from 'react-router';
import { ApiError } from '../../app/api.js';
import { useLocale } from '../../app/i18n.js';
import { ListenButton } from '../../ui/ListenButton.js';
import { spellOut } from '../../ui/speech.js';
import { formatWhen } from './ConfirmationView.js';
import { plainError, NOTICE } from './DetailsStep.js';
import { cancelBooking, fetchCatalogue, moveBooking, nameIn, viewBooking, type Booking } from './portal-api.js';
import { PortalLayout } from './PortalLayout.js';
import { ReferenceQr } from './ReferenceQr.js';
import { DocumentsList } from './ServiceStep.js';
import { availabilityKey, SlotPicker } from './SlotPicker.js';

/** The person's booking from their secret link (/b/REFERENCE#secret): see it, move it, cancel it. */
export function ManagePage() {
  const intl = useIntl();
  const { locale } = useLocale();
  const { reference = '' } = useParams();
  const secret = decodeURIComponent(useLocation().hash.replace(/^#/, ''));
  const queryClient = useQueryClient();
  const queryKey = ['portal-booking', reference, secret];
  const booking = useQuery({ queryKey, queryFn: () => viewBooking(reference, secret), enabled: secret.length >= 16 });
  const catalogue = useQuery({ queryKey: ['portal-catalogue'], queryFn: fetchCatalogue });
  const [moving, setMoving] = useState(false);
  const [asking, setAsking] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const updated = (next: Booking) => queryClient.setQueryData(queryKey, next);
  const move = useMutation({
    mutationFn: (startsAt: string) => moveBooking(reference, secret, startsAt),
    onSuccess: (next) => {
      updated(next);
      setMoving(false);
      setNotice(intl.formatMessage({ id: 'portal.manage.moved' }));
      window.scrollTo(0, 0);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409 && data) void queryClient.invalidateQueries({ queryKey: availabilityKey(data.centreId, data.serviceId) });
    },
  });
  const cancel = useMutation({
    mutationFn: () => cancelBooking(reference, secret),
    onSuccess: (next) => {
      updated(next);
      setAsking(false);
      setNotice(intl.formatMessage({ id: 'portal.manage.cancelled' }));
    },
  });

  const data = booking.data;
  const service = data && catalogue.data?.services.find((one) => one.offers.some((offer) => offer.serviceId === data.serviceId));
  const centre = data && catalogue.data?.centres.find((one) => one.id === data.centreId);

  if (secret.length < 16 || booking.error) {
    return (
      <PortalLayout>
        <Alert color="red" title={intl.formatMessage({ id: 'portal.manage.notFound' })}>
          <FormattedMessage id={booking.error instanceof ApiError && booking.error.status === 429 ? 'portal.error.tooManyShort' : 'portal.manage.notFoundHelp'} />
        </Alert>
      </PortalLayout>
    );
  }
  if (!data || !service || !centre) {
    return (
      <PortalLayout>
        <Center py="xl">
          <Loader aria-label={intl.formatMessage({ id: 'portal.loading' })} />
        </Center>
      </PortalLayout>
    );
  }
  const when = formatWhen(intl, data.startsAt, centre.timeZone);
  const serviceName = nameIn(service.names, locale.code);
  const changeable = data.state === 'booked' && new Date(data.startsAt) > new Date();
  const moveProblem = move.error instanceof ApiError ? (move.error.status === 409 ? intl.formatMessage({ id: 'portal.race.taken' }) : plainError(intl, move.error)) : null;
  return (
    <PortalLayout>
      <Stack gap="md" data-testid="manage-booking" data-state={data.state}>
        <Title order={1}>
          <FormattedMessage id="portal.manage.title" />
        </Title>
        {notice ? (
          <Alert color="green" role="status" data-testid="manage-notice">
            {notice}
          </Alert>
        ) : null}
        <Paper p="lg" radius="lg" withBorder>
          <Stack gap={6}>
            <Text c="gray.7">
              <FormattedMessage id={`portal.state.${data.state}`} />
            </Text>
            <Text fz={28} fw={800} data-testid="manage-when">
              {when}
            </Text>
            <Text fw={700} size="lg">
              {serviceName}
            </Text>
            <Text>
              {centre.name} · {[centre.address.street, centre.address.city].filter(Boolean).join(', ')}
            </Text>
            <Text>
              <FormattedMessage id="portal.done.reference" />: <b dir="ltr">{data.reference}</b>
            </Text>
            {data.state === 'booked' ? <ReferenceQr reference={data.reference} size={160} /> : null}
          </Stack>
        </Paper>
        {changeable && !moving ? (
          <Group grow>
            <Button size="lg" leftSection={<IconCalendarEvent size={24} />} onClick={() => setMoving(true)} data-testid="move-booking">
              <FormattedMessage id="portal.manage.move" />
            </Button>
            <Button size="lg" color="red" variant="light" leftSection={<IconX size={24} />} onClick={() => setAsking(true)} data-testid="cancel-booking">
              <FormattedMessage id="portal.manage.cancel" />
            </Button>
          </Group>
        ) : null}
        {moving ? (
          <Stack gap="sm">
            <Title order={2} size="h3">
              <FormattedMessage id="portal.manage.pickNew" />
            </Title>
            {moveProblem ? (
              <Alert styles={NOTICE} color="orange" role="alert" data-testid="race-notice">
                {moveProblem}
              </Alert>
            ) : null}
            <Button variant="subtle" size="md" onClick={() => setMoving(false)}>
              <FormattedMessage id="portal.manage.keep" />
            </Button>
            <SlotPicker centreId={data.centreId} serviceId={data.serviceId} timeZone={centre.timeZone} exclude={data.startsAt} busyAt={move.isPending ? (move.variables ?? null) : null} onPick={(slot) => move.mutate(slot.startsAt)} empty={<Alert styles={NOTICE} color="yellow"><FormattedMessage id="portal.waitlist.noTimes" /></Alert>} />
          </Stack>
        ) : null}
        <Paper p="lg" radius="lg" withBorder>
          <Title order={2} size="h4" mb="xs">
            <FormattedMessage id="portal.done.bring" />
          </Title>
          <DocumentsList service={service} />
          <Text mt="sm">
            <FormattedMessage id="portal.done.checkIn" />
          </Text>
        </Paper>
        <ListenButton lang={locale.code} text={() => `${intl.formatMessage({ id: `portal.state.${data.state}` })}. ${when}. ${serviceName}. ${centre.name}. ${intl.formatMessage({ id: 'portal.done.reference' })}: ${spellOut(data.reference)}.`} />
      </Stack>
      <Modal opened={asking} onClose={() => setAsking(false)} title={intl.formatMessage({ id: 'portal.manage.cancelTitle' })} centered>
        <Stack>
          <Text>
            <FormattedMessage id="portal.manage.cancelQuestion" values={{ when }} />
          </Text>
          {cancel.error instanceof ApiError ? <Alert color="red">{plainError(intl, cancel.error)}</Alert> : null}
          <Button size="lg" color="red" loading={cancel.isPending} onClick={() => cancel.mutate()} data-testid="cancel-confirm">
            <FormattedMessage id="portal.manage.cancelYes" />
          </Button>
          <Button size="lg" variant="default" onClick={() => setAsking(false)}>
            <FormattedMessage id="portal.manage.cancelNo" />
          </Button>
        </Stack>
      </Modal>
    </PortalLayout>
  );
}
