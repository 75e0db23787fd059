import { Checkbox, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { IntlShape } from 'react-intl';
import { FormattedMessage, useIntl } from 'react-intl';

export interface AlertValues {
  alertChannel: 'none' | 'sms' | 'email';
  alertRecipient: string;
  alertConsent: boolean;
}

export const NO_ALERT: AlertValues = { alertChannel: 'none', alertRecipient: '', alertConsent: false };

const PHONE = /^\+[1-9]\d{7,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const normalise = (values: AlertValues) => (values.alertChannel === 'sms' ? values.alertRecipient.trim().replace(/[\s().-]/g, '') : values.alertRecipient.trim().toLowerCase());

/** Form rules: a contact only with a valid phone number or address and the person's consent. */
export function alertRules(intl: IntlShape) {
  return {
    alertRecipient: (value: string, values: AlertValues) => {
      if (values.alertChannel === 'none') return null;
      const ok = values.alertChannel === 'sms' ? PHONE.test(normalise({ ...values, alertRecipient: value })) : EMAIL.test(normalise({ ...values, alertRecipient: value }));
      return ok ? null : intl.formatMessage({ id: values.alertChannel === 'sms' ? 'receptionAlert.phoneInvalid' : 'receptionAlert.emailInvalid' });
    },
    alertConsent: (value: boolean, values: AlertValues) => (values.alertChannel === 'none' || value ? null : intl.formatMessage({ id: 'receptionAlert.consentRequired' })),
  };
}

/** The `alert` of POST /queue/visits, or nothing. */
export function alertPayload(values: AlertValues) {
  return values.alertChannel === 'none' ? {} : { alert: { channel: values.alertChannel, recipient: normalise(values), consent: true } };
}

/** "You are next" by SMS or e-mail, optional: the mediator asks the person and records their consent. */
export function AlertFields<T extends AlertValues>({ form }: { form: UseFormReturnType<T> }) {
  const intl = useIntl();
  const channel = form.getValues().alertChannel;
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500} id="reception-alert-label">
        <FormattedMessage id="receptionAlert.label" />
      </Text>
      <SegmentedControl
        aria-labelledby="reception-alert-label"
        data={[
          { value: 'none', label: intl.formatMessage({ id: 'receptionAlert.none' }) },
          { value: 'sms', label: intl.formatMessage({ id: 'receptionAlert.sms' }) },
          { value: 'email', label: intl.formatMessage({ id: 'receptionAlert.email' }) },
        ]}
        {...form.getInputProps('alertChannel')}
      />
      {channel === 'none' ? null : (
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            dir="ltr"
            miw={200}
            type={channel === 'sms' ? 'tel' : 'email'}
            label={intl.formatMessage({ id: channel === 'sms' ? 'receptionAlert.phone' : 'receptionAlert.emailAddress' })}
            placeholder={channel === 'sms' ? '+351 912 345 678' : 'name@example.org'}
            {...form.getInputProps('alertRecipient')}
          />
          <Checkbox mt={{ base: 0, sm: 32 }} label={intl.formatMessage({ id: 'receptionAlert.consent' })} {...form.getInputProps('alertConsent', { type: 'checkbox' })} />
        </Group>
      )}
    </Stack>
  );
}
