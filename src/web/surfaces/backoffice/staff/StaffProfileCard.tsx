import { Button, Card, Select, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormattedMessage, useIntl } from 'react-intl';
import { INTERFACE_LOCALES } from '../../../../shared/locales.js';
import { api } from '../../../app/api.js';
import { useApiMutation } from '../../../ui/forms.js';
import { LanguagesInput } from './LanguagesInput.js';
import { useRefreshStaff, type StaffMember } from './staff-api.js';

interface ProfileValues {
  displayName: string;
  email: string;
  languages: string[];
  locale: string;
}

export function StaffProfileCard({ staff, editable }: { staff: StaffMember; editable: boolean }) {
  const intl = useIntl();
  const refresh = useRefreshStaff();
  const form = useForm<ProfileValues>({
    initialValues: { displayName: staff.displayName, email: staff.email ?? '', languages: staff.languages, locale: staff.locale },
    validate: { displayName: (value) => (value.trim() ? null : intl.formatMessage({ id: 'staff.field.displayNameRequired' })) },
  });
  const save = useApiMutation({
    mutationFn: (values: ProfileValues) =>
      api.patch<StaffMember>(`/api/v1/staff/${staff.id}`, { displayName: values.displayName.trim(), email: values.email.trim() || null, languages: values.languages, locale: values.locale }),
    form,
    successMessageId: 'staff.profile.saved',
    onSuccess: () => refresh(),
  });

  return (
    <Card withBorder padding="lg">
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack>
          <Title order={2} size="h4">
            <FormattedMessage id="staff.profile.title" />
          </Title>
          <TextInput label={intl.formatMessage({ id: 'staff.field.displayName' })} required readOnly={!editable} {...form.getInputProps('displayName')} />
          <TextInput label={intl.formatMessage({ id: 'staff.field.email' })} description={intl.formatMessage({ id: 'staff.field.emailHint' })} type="email" readOnly={!editable} {...form.getInputProps('email')} />
          <LanguagesInput label={intl.formatMessage({ id: 'staff.field.languages' })} readOnly={!editable} {...form.getInputProps('languages')} />
          <Select
            label={intl.formatMessage({ id: 'staff.field.locale' })}
            data={INTERFACE_LOCALES.map((locale) => ({ value: locale.code, label: locale.nativeName }))}
            allowDeselect={false}
            readOnly={!editable}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('locale')}
          />
          {editable ? (
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()} style={{ alignSelf: 'flex-start' }}>
              <FormattedMessage id="common.save" />
            </Button>
          ) : null}
        </Stack>
      </form>
    </Card>
  );
}
