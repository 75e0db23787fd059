import { Alert, Button, Card, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../app/api.js';
import { useLocale } from '../../app/i18n.js';
import { useApiMutation } from '../../ui/forms.js';

/** Two ways in: the reference and code of a booking, or a one-time link sent to an e-mail or phone. */
export function AccessForms({ onReference }: { onReference: (reference: string, secret: string) => void }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const [sent, setSent] = useState<number | null>(null);
  const referenceForm = useForm({
    initialValues: { reference: '', secret: '' },
    validate: {
      reference: (value) => (value.replace(/[\s-]/g, '').length !== 8 ? intl.formatMessage({ id: 'procedures.access.referenceFormat' }) : null),
      secret: (value) => (value.trim().length < 16 ? intl.formatMessage({ id: 'procedures.access.secretFormat' }) : null),
    },
  });
  const contactForm = useForm({ initialValues: { contact: '' }, validate: { contact: (value) => (value.trim().length < 3 ? intl.formatMessage({ id: 'procedures.access.contactNeeded' }) : null) } });
  const requestLink = useApiMutation<{ minutes: number }, string>({
    form: contactForm,
    mutationFn: (contact) => api.post('/api/v1/public/my/access-link', { contact, locale: locale.code }),
    onSuccess: (answer) => setSent(answer.minutes),
  });

  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <form onSubmit={referenceForm.onSubmit((values) => onReference(values.reference.toUpperCase().replace(/[\s-]/g, ''), values.secret.trim()))}>
          <Stack gap="sm">
            <Title order={2} size="h4">
              <FormattedMessage id="procedures.access.byReference" />
            </Title>
            <TextInput size="md" label={<FormattedMessage id="procedures.access.reference" />} autoCapitalize="characters" autoComplete="off" dir="ltr" {...referenceForm.getInputProps('reference')} />
            <TextInput size="md" label={<FormattedMessage id="procedures.access.secret" />} description={<FormattedMessage id="procedures.access.secretHint" />} styles={{ description: { color: 'var(--mantine-color-gray-7)' } }} autoComplete="off" dir="ltr" {...referenceForm.getInputProps('secret')} />
            <Button type="submit" size="md" mih={48}>
              <FormattedMessage id="procedures.access.open" />
            </Button>
          </Stack>
        </form>
      </Card>
      <Card withBorder padding="md">
        <form onSubmit={contactForm.onSubmit((values) => requestLink.mutate(values.contact.trim()))}>
          <Stack gap="sm">
            <Title order={2} size="h4">
              <FormattedMessage id="procedures.access.byContact" />
            </Title>
            <Text size="sm">
              <FormattedMessage id="procedures.access.byContactHint" />
            </Text>
            <TextInput size="md" label={<FormattedMessage id="procedures.access.contact" />} autoComplete="email" dir="ltr" {...contactForm.getInputProps('contact')} />
            <Button type="submit" size="md" mih={48} variant="light" loading={requestLink.isPending}>
              <FormattedMessage id="procedures.access.send" />
            </Button>
            {sent !== null ? (
              <Alert color="blue" data-testid="link-sent">
                <FormattedMessage id="procedures.access.sent" values={{ minutes: sent }} />
              </Alert>
            ) : null}
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
