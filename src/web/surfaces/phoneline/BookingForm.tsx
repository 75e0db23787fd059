import { Alert, Button, CopyButton, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { uuidv7 } from 'uuidv7';
import { api } from '../../app/api.js';
import { useLocale } from '../../app/i18n.js';
import { useApiMutation } from '../../ui/forms.js';
import { COMMON_LANGUAGES, useLanguageName } from '../backoffice/network/network-labels.js';
import { personName, type Person } from '../reception/reception-api.js';
import { dayRange, myProceduresLink, nameIn, phoneKeys, useBookableServices, useStaffAvailability, type StaffAppointment } from './phone-api.js';
import { SlotPicker } from './SlotPicker.js';

interface Values {
  name: string;
  phone: string;
  email: string;
  language: string | null;
}

/** Service → centre → day and time → contact and language → book, on the person's behalf (staff share of capacity). */
export function BookingForm({ person, onDone }: { person: Person; onDone: () => void }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const languageName = useLanguageName();
  const queryClient = useQueryClient();
  const services = useBookableServices();
  const [serviceName, setServiceName] = useState<string | null>(null);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [startsAt, setStartsAt] = useState<string | null>(null);
  const [idempotencyKey] = useState(() => uuidv7());
  const [booked, setBooked] = useState<{ appointment: StaffAppointment; secret: string } | null>(null);
  const range = dayRange(45);
  const availability = useStaffAvailability(serviceId, range.from, range.to);
  const form = useForm<Values>({
    initialValues: {
      name: personName(person),
      phone: person.contacts.find((contact) => contact.kind === 'phone')?.value ?? '',
      email: person.contacts.find((contact) => contact.kind === 'email')?.value ?? '',
      language: person.preferredLanguage ?? 'pt',
    },
    validate: { phone: (value, values) => (!value && !values.email ? intl.formatMessage({ id: 'phone.book.contactNeeded' }) : null) },
  });
  const names = useMemo(() => [...new Set((services.data ?? []).map((one) => nameIn(one.names, locale.code)))].sort((a, b) => a.localeCompare(b, locale.code)), [services.data, locale.code]);
  const centres = (services.data ?? []).filter((one) => nameIn(one.names, locale.code) === serviceName);
  const book = useApiMutation<{ appointment: StaffAppointment; secret: string }, Values>({
    form,
    mutationFn: (values) =>
      api.post('/api/v1/appointments', {
        serviceId,
        startsAt,
        channel: 'phone',
        personId: person.id,
        contact: { name: values.name, phone: values.phone || null, email: values.email || null, language: values.language ?? 'pt' },
      }, { 'idempotency-key': idempotencyKey }),
    onSuccess: (result) => {
      setBooked(result);
      void queryClient.invalidateQueries({ queryKey: phoneKeys.person(person.id) });
    },
  });

  if (booked) {
    const link = myProceduresLink(booked.appointment.reference, booked.secret);
    return (
      <Alert color="green" title={intl.formatMessage({ id: 'phone.book.done' }, { reference: booked.appointment.reference })} data-testid="booked">
        <Stack gap="xs">
          <Text size="sm">
            <FormattedMessage id="phone.book.linkHint" />
          </Text>
          <Text size="xs" style={{ wordBreak: 'break-all' }} data-testid="my-link">
            {link}
          </Text>
          <Group gap="xs">
            <CopyButton value={link}>{({ copied, copy }) => <Button size="xs" variant="light" onClick={copy}>{intl.formatMessage({ id: copied ? 'phone.copied' : 'phone.copyLink' })}</Button>}</CopyButton>
            <Button size="xs" onClick={onDone}>
              <FormattedMessage id="phone.book.close" />
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }

  return (
    <form onSubmit={form.onSubmit((values) => book.mutate(values))}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          <FormattedMessage id="phone.book.title" />
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={<FormattedMessage id="phone.book.service" />}
            data={names}
            searchable
            value={serviceName}
            onChange={(value) => {
              setServiceName(value);
              const offered = (services.data ?? []).filter((one) => nameIn(one.names, locale.code) === value);
              setServiceId(offered.length === 1 ? offered[0]!.serviceId : null);
              setStartsAt(null);
            }}
            data-autofocus
          />
          <Select
            label={<FormattedMessage id="phone.book.centre" />}
            data={centres.map((one) => ({ value: one.serviceId, label: one.centreName }))}
            value={serviceId}
            disabled={!serviceName}
            onChange={(value) => {
              setServiceId(value);
              setStartsAt(null);
            }}
          />
        </SimpleGrid>
        {serviceId ? <SlotPicker key={serviceId} availability={availability.data} loading={availability.isLoading} value={startsAt} onChange={setStartsAt} /> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={<FormattedMessage id="phone.book.name" />} required {...form.getInputProps('name')} dir="auto" />
          <Select label={<FormattedMessage id="phone.book.language" />} data={COMMON_LANGUAGES.map((code) => ({ value: code, label: languageName(code) }))} searchable allowDeselect={false} {...form.getInputProps('language')} />
          <TextInput label={<FormattedMessage id="phone.book.phone" />} type="tel" {...form.getInputProps('phone')} />
          <TextInput label={<FormattedMessage id="phone.book.email" />} type="email" {...form.getInputProps('email')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            <FormattedMessage id="phone.cancel" />
          </Button>
          <Button type="submit" disabled={!startsAt} loading={book.isPending}>
            <FormattedMessage id="phone.book.submit" />
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
