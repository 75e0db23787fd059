import { Alert, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ApiError } from '../../app/api.js';
import { ContactForm, NOTICE } from './DetailsStep.js';
import { addDays, joinWaitlist, todayIn, type Contact } from './portal-api.js';

/** No free time at all: the person may ask to be told when one frees. */
export function WaitlistForm({ centreId, serviceId, timeZone, proof }: { centreId: string; serviceId: string; timeZone: string; proof: () => Promise<string | undefined> }) {
  const intl = useIntl();
  const today = todayIn(timeZone);
  const [fromDate, setFromDate] = useState(addDays(today, 1));
  const [toDate, setToDate] = useState(addDays(today, 30));
  const join = useMutation({ mutationFn: async (contact: Contact) => joinWaitlist({ centreId, serviceId, contact, fromDate, toDate, altcha: await proof() }) });
  return (
    <Stack gap="md" data-testid="waitlist">
      <Alert styles={NOTICE} color="yellow" title={intl.formatMessage({ id: 'portal.waitlist.noTimes' })}>
        <FormattedMessage id="portal.waitlist.offer" />
      </Alert>
      {join.isSuccess ? (
        <Alert color="green" role="status" title={intl.formatMessage({ id: 'portal.waitlist.joined' })}>
          <FormattedMessage id="portal.waitlist.joinedHelp" />
        </Alert>
      ) : (
        <>
          <Paper p="lg" radius="lg" withBorder>
            <Stack gap="sm">
              <Title order={2} size="h4">
                <FormattedMessage id="portal.waitlist.days" />
              </Title>
              <Text size="sm">
                <FormattedMessage id="portal.waitlist.daysHelp" />
              </Text>
              <TextInput size="lg" type="date" label={intl.formatMessage({ id: 'portal.waitlist.from' })} value={fromDate} min={today} onChange={(event) => setFromDate(event.currentTarget.value)} />
              <TextInput size="lg" type="date" label={intl.formatMessage({ id: 'portal.waitlist.to' })} value={toDate} min={fromDate} onChange={(event) => setToDate(event.currentTarget.value)} />
            </Stack>
          </Paper>
          <ContactForm onSubmit={(contact) => join.mutate(contact)} busy={join.isPending} error={(join.error as ApiError | null) ?? null} submitLabel={intl.formatMessage({ id: 'portal.waitlist.join' })} />
        </>
      )}
    </Stack>
  );
}
