import { Alert, Anchor, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconArrowBack } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../app/api.js';
import { useLocale } from '../../app/i18n.js';
import { ConfirmationView, formatWhen } from './ConfirmationView.js';
import { DetailsStep, plainError, NOTICE } from './DetailsStep.js';
import { confirmHold, fetchCatalogue, holdTime, nameIn, type Booking, type Contact, type FreeSlot, type Hold, type PortalCentre, type PortalService } from './portal-api.js';
import { PortalLayout } from './PortalLayout.js';
import { CentreStep, DocumentsList, ServiceStep } from './ServiceStep.js';
import { availabilityKey, SlotPicker } from './SlotPicker.js';
import { useProofOfWork } from './useProofOfWork.js';
import { WaitlistForm } from './WaitlistForm.js';

type Notice = 'taken' | 'expired' | null;

const STEP_TITLES = { service: 'portal.service.title', centre: 'portal.centre.title', time: 'portal.time.title', details: 'portal.details.heading', done: 'portal.done.heading' } as const;

/** Booking on the portal: service → centre → day and time → contact details → confirmed. */
export function BookingPage() {
  const intl = useIntl();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const catalogue = useQuery({ queryKey: ['portal-catalogue'], queryFn: fetchCatalogue });
  const proof = useProofOfWork();
  const [hold, setHold] = useState<Hold | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<{ booking: Booking; secret: string } | null>(null);
  const [confirmKey, setConfirmKey] = useState(() => crypto.randomUUID());

  const service = useMemo(() => catalogue.data?.services.find((one) => one.code === params.get('service')), [catalogue.data, params]);
  const centres = useMemo(() => (service && catalogue.data ? catalogue.data.centres.filter((centre) => service.offers.some((offer) => offer.centreId === centre.id)) : []), [service, catalogue.data]);
  const centre = centres.length === 1 ? centres[0] : centres.find((one) => one.id === params.get('centre'));
  const serviceId = service && centre ? service.offers.find((offer) => offer.centreId === centre.id)?.serviceId : undefined;

  const choose = (key: 'service' | 'centre', value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'service') next.delete('centre');
    setParams(next);
    setHold(null);
    setNotice(null);
    setProblem(null);
    window.scrollTo(0, 0);
  };

  const backToTimes = useCallback(
    (why: Notice) => {
      setHold(null);
      setNotice(why);
      if (centre && serviceId) void queryClient.invalidateQueries({ queryKey: availabilityKey(centre.id, serviceId) });
      window.scrollTo(0, 0);
    },
    [centre, serviceId, queryClient],
  );

  const take = useMutation({
    mutationFn: async (slot: FreeSlot) => holdTime(serviceId!, slot.startsAt, await proof.take(), crypto.randomUUID()),
    onSuccess: (held) => {
      setHold(held);
      setNotice(null);
      setProblem(null);
      setConfirmKey(crypto.randomUUID());
      window.scrollTo(0, 0);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) backToTimes('taken');
      else setProblem(error instanceof ApiError ? plainError(intl, error) : intl.formatMessage({ id: 'portal.error.generic' }));
    },
  });

  const confirm = useMutation({
    mutationFn: (contact: Contact) => confirmHold(hold!.holdId, contact, confirmKey),
    onSuccess: (result) => {
      setDone({ booking: result.appointment, secret: result.secret });
      window.scrollTo(0, 0);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409 && error.fields.some((field) => field.path === 'holdId')) backToTimes('expired');
    },
  });
  const onExpired = useCallback(() => backToTimes('expired'), [backToTimes]);

  if (catalogue.isPending) {
    return (
      <PortalLayout>
        <Center py="xl">
          <Loader aria-label={intl.formatMessage({ id: 'portal.loading' })} />
        </Center>
      </PortalLayout>
    );
  }
  if (catalogue.error) {
    return (
      <PortalLayout>
        <Alert color="red" title={intl.formatMessage({ id: 'portal.error.title' })}>
          <FormattedMessage id="portal.error.load" />
        </Alert>
      </PortalLayout>
    );
  }

  const step = done ? 'done' : !service ? 'service' : !centre ? 'centre' : hold ? 'details' : 'time';
  const stepNumber = { service: 1, centre: 2, time: 3, details: 4, done: 5 }[step];
  const summary = service && centre ? <Summary service={service} centre={centre} startsAt={hold?.startsAt} /> : null;

  return (
    <PortalLayout>
      {proof.widget}
      <Stack gap="md">
        {step !== 'done' ? (
          <Text c="gray.7" fw={700} data-testid="booking-step">
            <FormattedMessage id="portal.step" values={{ step: stepNumber, total: 4 }} />
          </Text>
        ) : null}
        <Title order={1}>
          <FormattedMessage id={STEP_TITLES[step]} />
        </Title>
        {step === 'service' ? <ServiceStep services={catalogue.data.services} onPick={(picked) => choose('service', picked.code)} /> : null}
        {step === 'centre' && service ? (
          <>
            <BackLink onClick={() => choose('service', null)} />
            <CentreStep centres={centres} onPick={(picked) => choose('centre', picked.id)} />
          </>
        ) : null}
        {step === 'time' && service && centre && serviceId ? (
          <>
            <BackLink onClick={() => (centres.length > 1 ? choose('centre', null) : choose('service', null))} />
            {summary}
            {notice ? (
              <Alert styles={NOTICE} color="orange" role="alert" title={intl.formatMessage({ id: notice === 'taken' ? 'portal.race.takenTitle' : 'portal.race.expiredTitle' })} data-testid="race-notice">
                <FormattedMessage id={notice === 'taken' ? 'portal.race.taken' : 'portal.race.expired'} />
              </Alert>
            ) : (
              <Text size="lg">
                <FormattedMessage id="portal.time.help" />
              </Text>
            )}
            {problem ? (
              <Alert color="red" role="alert">
                {problem}
              </Alert>
            ) : null}
            <SlotPicker
              centreId={centre.id}
              serviceId={serviceId}
              timeZone={centre.timeZone}
              busyAt={take.isPending ? (take.variables?.startsAt ?? null) : null}
              onPick={(slot) => take.mutate(slot)}
              empty={<WaitlistForm centreId={centre.id} serviceId={serviceId} timeZone={centre.timeZone} proof={proof.take} />}
            />
          </>
        ) : null}
        {step === 'details' && hold ? <DetailsStep hold={hold} summary={summary} onSubmit={(contact) => confirm.mutate(contact)} onExpired={onExpired} busy={confirm.isPending} error={(confirm.error as ApiError | null) ?? null} /> : null}
        {step === 'done' && done && service && centre ? <ConfirmationView booking={done.booking} secret={done.secret} service={service} centre={centre} /> : null}
        {step === 'done' ? null : (
          <Text size="sm" c="gray.7">
            <FormattedMessage id="portal.privacy" />
          </Text>
        )}
      </Stack>
      {locale.dir === 'rtl' ? <style>{':root { --portal-flip: -1; }'}</style> : null}
    </PortalLayout>
  );
}

function BackLink({ onClick }: { onClick: () => void }) {
  return (
    <Group>
      <Anchor component="button" type="button" onClick={onClick} size="lg" style={{ display: 'inline-flex', alignItems: 'center', gap: 6, minBlockSize: 48 }}>
        <IconArrowBack size={20} aria-hidden style={{ transform: 'scaleX(var(--portal-flip, 1))' }} />
        <FormattedMessage id="portal.back" />
      </Anchor>
    </Group>
  );
}

function Summary({ service, centre, startsAt }: { service: PortalService; centre: PortalCentre; startsAt?: string }) {
  const intl = useIntl();
  const { locale } = useLocale();
  return (
    <Paper p="md" radius="lg" bg="oneroof.0">
      <Stack gap={4}>
        <Text fw={700} size="lg">
          {nameIn(service.names, locale.code)}
        </Text>
        <Text>{centre.name}</Text>
        {startsAt ? (
          <Text fw={700} data-testid="held-time">
            {formatWhen(intl, startsAt, centre.timeZone)}
          </Text>
        ) : null}
        <Text size="sm" fw={700} mt="xs">
          <FormattedMessage id="portal.done.bring" />
        </Text>
        <DocumentsList service={service} />
      </Stack>
    </Paper>
  );
}
