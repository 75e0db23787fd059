import { Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { useApiMutation } from '../../../ui/forms.js';
import { MIN_PASSWORD_LENGTH } from '../account/PasswordCard.js';
import { draftToGrant, emptyDraft, GrantPicker, type GrantDraft } from './GrantPicker.js';
import { LanguagesInput } from './LanguagesInput.js';
import { useGrantableScopes, useRefreshStaff, type StaffMember } from './staff-api.js';

interface CreateValues {
  username: string;
  displayName: string;
  email: string;
  languages: string[];
  password: string;
}

/** A new account with its first role; without a password it signs in through single sign-on only. */
export function CreateStaffModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (staff: StaffMember) => void }) {
  const intl = useIntl();
  const isPhone = useMediaQuery('(max-width: 36em)') ?? false;
  const scopes = useGrantableScopes(opened);
  const refresh = useRefreshStaff();
  const [draft, setDraft] = useState<GrantDraft | null>(null);
  const [grantError, setGrantError] = useState<string | null>(null);
  const currentDraft = draft ?? emptyDraft(scopes.data);
  // Managers below the network level must give a role, or they could not see the account afterwards.
  const roleRequired = !scopes.data?.network;
  const form = useForm<CreateValues>({
    initialValues: { username: '', displayName: '', email: '', languages: [], password: '' },
    validate: {
      username: (value) => (/^[A-Za-z0-9._-]{3,60}$/.test(value.trim()) ? null : intl.formatMessage({ id: 'staff.field.usernameRule' })),
      displayName: (value) => (value.trim() ? null : intl.formatMessage({ id: 'staff.field.displayNameRequired' })),
      password: (value) => (value === '' || value.length >= MIN_PASSWORD_LENGTH ? null : intl.formatMessage({ id: 'auth.password.tooShort' }, { count: MIN_PASSWORD_LENGTH })),
    },
  });
  const fieldErrors = {
    setFieldError: (path: string, message: string) => (path.startsWith('grants') ? setGrantError(message) : form.setFieldError(path, message)),
  };
  const create = useApiMutation({
    mutationFn: (values: CreateValues) => {
      const grant = draftToGrant(currentDraft, scopes.data);
      return api.post<StaffMember>('/api/v1/staff', {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        email: values.email.trim() || null,
        languages: values.languages,
        password: values.password || null,
        grants: grant ? [grant] : [],
      });
    },
    form: fieldErrors,
    successMessageId: 'staff.create.done',
    onSuccess: async (staff) => {
      await refresh();
      onCreated(staff);
    },
  });

  function submit(values: CreateValues) {
    setGrantError(null);
    const grant = draftToGrant(currentDraft, scopes.data);
    if (!grant && (roleRequired || currentDraft.role)) {
      setGrantError(intl.formatMessage({ id: 'staff.grant.incomplete' }));
      return;
    }
    create.mutate(values);
  }

  return (
    <Modal opened={opened} onClose={onClose} title={intl.formatMessage({ id: 'staff.create.title' })} size="lg" fullScreen={isPhone} centered>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <TextInput label={intl.formatMessage({ id: 'staff.field.username' })} autoCapitalize="none" spellCheck={false} required {...form.getInputProps('username')} />
          <TextInput label={intl.formatMessage({ id: 'staff.field.displayName' })} required {...form.getInputProps('displayName')} />
          <TextInput label={intl.formatMessage({ id: 'staff.field.email' })} description={intl.formatMessage({ id: 'staff.field.emailHint' })} type="email" {...form.getInputProps('email')} />
          <LanguagesInput label={intl.formatMessage({ id: 'staff.field.languages' })} {...form.getInputProps('languages')} />
          <PasswordInput
            label={intl.formatMessage({ id: 'staff.field.initialPassword' })}
            description={intl.formatMessage({ id: 'staff.field.initialPasswordHint' }, { count: MIN_PASSWORD_LENGTH })}
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <Text fw={600} size="sm">
            <FormattedMessage id={roleRequired ? 'staff.create.firstRole' : 'staff.create.firstRoleOptional'} />
          </Text>
          {scopes.data ? <GrantPicker scopes={scopes.data} value={currentDraft} onChange={setDraft} error={grantError} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              <FormattedMessage id="common.cancel" />
            </Button>
            <Button type="submit" loading={create.isPending}>
              <FormattedMessage id="common.create" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
