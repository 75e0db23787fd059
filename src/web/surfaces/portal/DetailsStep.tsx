import { Alert, Button, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { INTERFACE_LOCALES } from '../../../shared/locales.js';
import { type ApiError } from '../../app/api.js';
import { useLocale } from '../../app/i18n.js';
import type { Contact, Hold } from './portal-api.js';

/** Field help in a colour readable on white (WCAG AA contrast). */
export const READABLE = { description: { color: 'var(--mantine-color-gray-7)' } };
/** Alert titles in dark text: Mantine's light orange and yellow titles are too faint on their background. */
export const NOTICE = { title: { color: 'var(--mantine-color-dark-8)' } };

export interface ContactFields {
  name: string;
  email: string;
  phone: string;
  language: string;
}

/** Contact details while the held time waits: the time left is shown, and what happens when it runs out. */
export function DetailsStep({ hold, summary, onSubmit, onExpired, busy, error }: { hold: Hold; summary: React.ReactNode; onSubmit: (contact: Contact) => void; onExpired: () => void; busy: boolean; error: ApiError | null }) {
  const intl = useIntl();
  const secondsLeft = useSecondsLeft(hold.expiresAt);
  useEffect(() => {
    if (secondsLeft === 0) onExpired();
  }, [secondsLeft, onExpired]);
  const minutes = Math.floor(secondsLeft / 60);
  const seconds = secondsLeft % 60;
  return (
    <Stack gap="md">
      {summary}
      <Alert styles={NOTICE} color={secondsLeft < 60 ? 'orange' : 'blue'} icon={<IconClock />} title={intl.formatMessage({ id: 'portal.details.heldTitle' })} data-testid="hold-countdown">
        <Text size="lg" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
          <FormattedMessage id="portal.details.timeLeft" values={{ time: `${minutes}:${String(seconds).padStart(2, '0')}` }} />
        </Text>
        <Text>
          <FormattedMessage id="portal.details.whenItRunsOut" />
        </Text>
      </Alert>
      <ContactForm onSubmit={onSubmit} busy={busy} error={error} submitLabel={intl.formatMessage({ id: 'portal.details.confirm' })} />
    </Stack>
  );
}

export function ContactForm({ onSubmit, busy, error, submitLabel }: { onSubmit: (contact: Contact) => void; busy: boolean; error: ApiError | null; submitLabel: string }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const [fields, setFields] = useState<ContactFields>({ name: '', email: '', phone: '', language: locale.code });
  const [problem, setProblem] = useState<string | null>(null);
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const set = (key: keyof ContactFields) => (event: React.ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setFields((current) => ({ ...current, [key]: value }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const phone = fields.phone.replace(/[\s().-]/g, '').replace(/^00/, '+');
    if (!fields.name.trim()) return setProblem(t('portal.details.nameMissing'));
    if (!fields.email.trim() && !phone) return setProblem(t('portal.details.contactMissing'));
    if (phone && !/^\+\d{6,15}$/.test(phone)) return setProblem(t('portal.details.phoneInternational'));
    setProblem(null);
    onSubmit({ name: fields.name.trim(), email: fields.email.trim() || undefined, phone: phone || undefined, language: fields.language });
  };
  const serverProblem = error ? plainError(intl, error) : null;
  return (
    <Paper p="lg" radius="lg" withBorder component="form" onSubmit={submit} noValidate>
      <Stack gap="md">
        <Title order={2} size="h3">
          <FormattedMessage id="portal.details.formTitle" />
        </Title>
        <TextInput size="lg" label={t('portal.details.name')} value={fields.name} onChange={set('name')} autoComplete="name" required />
        <Text>
          <FormattedMessage id="portal.details.howToReach" />
        </Text>
        <TextInput size="lg" type="email" label={t('portal.details.email')} value={fields.email} onChange={set('email')} autoComplete="email" inputMode="email" dir="ltr" />
        <TextInput size="lg" type="tel" label={t('portal.details.phone')} styles={READABLE} description={t('portal.details.phoneHelp')} placeholder="+351 912 345 678" value={fields.phone} onChange={set('phone')} autoComplete="tel" inputMode="tel" dir="ltr" />
        <Select
          size="lg"
          label={t('portal.details.language')}
          styles={READABLE}
          description={t('portal.details.languageHelp')}
          data={INTERFACE_LOCALES.map((option) => ({ value: option.code, label: option.nativeName }))}
          value={fields.language}
          onChange={(value) => value && setFields((current) => ({ ...current, language: value }))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        {problem || serverProblem ? (
          <Alert color="red" role="alert" data-testid="form-problem">
            {problem ?? serverProblem}
          </Alert>
        ) : null}
        <Button type="submit" size="xl" fullWidth loading={busy} data-testid="confirm-booking">
          {submitLabel}
        </Button>
      </Stack>
    </Paper>
  );
}

/** The server's refusals in plain words. */
export function plainError(intl: ReturnType<typeof useIntl>, error: ApiError): string {
  if (error.status === 429) return intl.formatMessage({ id: 'portal.error.tooMany' }, { minutes: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) });
  if (error.fields.some((field) => field.path === 'contact' || field.path.endsWith('.contact'))) return intl.formatMessage({ id: 'portal.error.contactLimit' });
  if (error.fields.some((field) => field.path.includes('email'))) return intl.formatMessage({ id: 'portal.error.email' });
  if (error.fields.some((field) => field.path.includes('phone'))) return intl.formatMessage({ id: 'portal.details.phoneInternational' });
  if (error.fields.some((field) => field.path === 'altcha' || field.path.endsWith('altcha'))) return intl.formatMessage({ id: 'portal.error.check' });
  if (error.status === 0) return intl.formatMessage({ id: 'portal.error.network' });
  return intl.formatMessage({ id: 'portal.error.generic' });
}

function useSecondsLeft(until: string): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.round((new Date(until).getTime() - now) / 1000));
}
