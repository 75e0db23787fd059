import { Alert, Button, Checkbox, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconBell, IconBellOff } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../app/api.js';
import { useLocale } from '../../app/i18n.js';

/** GET/PUT/DELETE /api/v1/public/tickets/:code/alert (docs/queue.md, "You are next"). */
interface AlertState {
  alert: { channel: 'sms' | 'email'; recipient: string; consentAt: string; notifyWhenAhead: number } | null;
  available: boolean;
}

type Channel = 'sms' | 'email';

// The same rules as the server's, so the person reads the reason in their own language.
const PHONE = /^\+[1-9]\d{7,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Mantine's default description and error greys and reds are too light for WCAG AA on white.
const READABLE = {
  description: { color: 'var(--mantine-color-gray-7)' },
  error: { color: 'var(--mantine-color-red-9)' },
  input: { color: 'var(--mantine-color-black)' },
};
// Long labels in some languages wrap instead of being cut off.
const WRAP = { label: { whiteSpace: 'normal' as const, textAlign: 'center' as const } };
const normalise = (channel: Channel, value: string) => (channel === 'sms' ? value.trim().replace(/[\s().-]/g, '') : value.trim().toLowerCase());

/** "Tell me when my turn is near": a phone number or e-mail address, with consent, on the ticket page. */
export function TicketAlert({ code }: { code: string }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const url = `/api/v1/public/tickets/${encodeURIComponent(code)}/alert`;
  const queryKey = ['public-ticket', code, 'alert'];
  const state = useQuery({ queryKey, queryFn: () => api.get<AlertState>(url) });
  const [open, setOpen] = useState(false);
  const [channel, setChannel] = useState<Channel>('sms');
  const [recipient, setRecipient] = useState('');
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<{ recipient?: string; consent?: string }>({});
  const save = useMutation({
    mutationFn: () => api.put<AlertState>(url, { channel, recipient: normalise(channel, recipient), consent: true, locale: locale.code }),
    onSuccess: (data) => {
      queryClient.setQueryData(queryKey, data);
      setOpen(false);
      setRecipient('');
      setConsent(false);
    },
  });
  const withdraw = useMutation({ mutationFn: () => api.delete<AlertState>(url), onSuccess: (data) => queryClient.setQueryData(queryKey, data) });

  if (!state.data) return null;
  const { alert, available } = state.data;
  if (alert) {
    return (
      <Paper p="lg" radius="lg" withBorder data-testid="ticket-alert">
        <Stack gap="sm">
          <Text fw={700}>
            <IconBell size={20} aria-hidden style={{ verticalAlign: 'middle', marginInlineEnd: 8 }} />
            <FormattedMessage id="ticketAlert.saved" values={{ recipient: <bdi dir="ltr">{alert.recipient}</bdi>, ahead: alert.notifyWhenAhead }} />
          </Text>
          <Button variant="default" size="md" h="auto" mih={48} py="xs" styles={WRAP} leftSection={<IconBellOff size={20} aria-hidden />} loading={withdraw.isPending} onClick={() => withdraw.mutate()}>
            <FormattedMessage id="ticketAlert.stop" />
          </Button>
        </Stack>
      </Paper>
    );
  }
  if (!available) return null;
  if (!open) {
    return (
      <Button size="lg" variant="light" leftSection={<IconBell size={22} aria-hidden />} onClick={() => setOpen(true)} fullWidth h="auto" mih={52} py="sm" styles={WRAP}>
        <FormattedMessage id="ticketAlert.offer" />
      </Button>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    const value = normalise(channel, recipient);
    if (channel === 'sms' && !PHONE.test(value)) next.recipient = intl.formatMessage({ id: 'ticketAlert.phoneInvalid' });
    if (channel === 'email' && !EMAIL.test(value)) next.recipient = intl.formatMessage({ id: 'ticketAlert.emailInvalid' });
    if (!consent) next.consent = intl.formatMessage({ id: 'ticketAlert.consentRequired' });
    setErrors(next);
    if (Object.keys(next).length === 0) save.mutate();
  };
  return (
    <Paper p="lg" radius="lg" withBorder component="form" onSubmit={submit} noValidate aria-labelledby="ticket-alert-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="ticket-alert-title">
          <FormattedMessage id="ticketAlert.title" />
        </Title>
        <SegmentedControl
          fullWidth
          size="md"
          value={channel}
          onChange={(value) => {
            setChannel(value as Channel);
            setErrors({});
          }}
          data={[
            { value: 'sms', label: intl.formatMessage({ id: 'ticketAlert.sms' }) },
            { value: 'email', label: intl.formatMessage({ id: 'ticketAlert.email' }) },
          ]}
          aria-label={intl.formatMessage({ id: 'ticketAlert.how' })}
        />
        <TextInput
          size="md"
          dir="ltr"
          label={intl.formatMessage({ id: channel === 'sms' ? 'ticketAlert.phoneLabel' : 'ticketAlert.emailLabel' })}
          description={channel === 'sms' ? intl.formatMessage({ id: 'ticketAlert.phoneHelp' }) : undefined}
          placeholder={channel === 'sms' ? '+351 912 345 678' : 'name@example.org'}
          type={channel === 'sms' ? 'tel' : 'email'}
          inputMode={channel === 'sms' ? 'tel' : 'email'}
          autoComplete={channel === 'sms' ? 'tel' : 'email'}
          value={recipient}
          onChange={(event) => setRecipient(event.currentTarget.value)}
          error={errors.recipient}
          styles={READABLE}
        />
        <Checkbox
          size="md"
          checked={consent}
          onChange={(event) => setConsent(event.currentTarget.checked)}
          label={intl.formatMessage({ id: 'ticketAlert.consent' })}
          error={errors.consent}
          styles={{ error: READABLE.error, description: READABLE.description }}
        />
        {save.isError ? <Alert color="red">{intl.formatMessage({ id: 'ticketAlert.saveFailed' })}</Alert> : null}
        <Button type="submit" size="lg" loading={save.isPending}>
          <FormattedMessage id="ticketAlert.submit" />
        </Button>
        <Button variant="subtle" onClick={() => setOpen(false)}>
          <FormattedMessage id="ticketAlert.cancel" />
        </Button>
      </Stack>
    </Paper>
  );
}
