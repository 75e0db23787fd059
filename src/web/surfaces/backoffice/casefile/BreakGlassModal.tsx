import { Button, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { useApiMutation } from '../../../ui/forms.js';
import { useRefreshFile } from './casefile-api.js';

const MIN_REASON = 20;

/** Opening a file without need-to-know: a reason, a time limit, and a flag for the auditor. */
export function BreakGlassModal({ personId, opened, onClose }: { personId: string; opened: boolean; onClose: () => void }) {
  const intl = useIntl();
  const refresh = useRefreshFile();
  const form = useForm({
    initialValues: { reason: '' },
    validate: { reason: (value) => (value.trim().length < MIN_REASON ? intl.formatMessage({ id: 'casefile.breakGlass.reasonTooShort' }, { min: MIN_REASON }) : null) },
  });
  const open = useApiMutation({
    form,
    mutationFn: (values: { reason: string }) => api.post(`/api/v1/people/${personId}/break-glass`, values),
    onSuccess: async () => {
      form.reset();
      onClose();
      await refresh();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={<FormattedMessage id="casefile.breakGlass.title" />}>
      <form onSubmit={form.onSubmit((values) => open.mutate(values))}>
        <Stack>
          <Text size="sm"><FormattedMessage id="casefile.breakGlass.explain" /></Text>
          <Textarea label={<FormattedMessage id="casefile.breakGlass.reason" />} required minRows={3} autosize {...form.getInputProps('reason')} />
          <Button type="submit" color="red" loading={open.isPending}><FormattedMessage id="casefile.breakGlass.confirm" /></Button>
        </Stack>
      </form>
    </Modal>
  );
}
