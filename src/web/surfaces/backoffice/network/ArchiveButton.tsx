import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArchive, IconRestore } from '@tabler/icons-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { useApiMutation } from '../../../ui/forms.js';
import { useRefreshNetwork } from './network-api.js';

/**
 * Archives (after a confirmation) or restores a centre, unit, service or counter. `path` is the
 * record's API path, e.g. "/api/v1/units/<id>".
 */
export function ArchiveButton({ path, archived, name, size = 'sm' }: { path: string; archived: boolean; name: string; size?: 'xs' | 'sm' | 'md' }) {
  const intl = useIntl();
  const refresh = useRefreshNetwork();
  const [confirming, { open, close }] = useDisclosure(false);
  const change = useApiMutation<unknown, 'archive' | 'restore'>({
    successMessageId: archived ? 'network.restored' : 'network.archivedDone',
    mutationFn: (verb) => api.post(`${path}/${verb}`),
    onSuccess: async () => {
      close();
      await refresh();
    },
  });

  if (archived) {
    return (
      <Button size={size} variant="light" leftSection={<IconRestore size={16} />} loading={change.isPending} onClick={() => change.mutate('restore')}>
        <FormattedMessage id="network.restore" />
      </Button>
    );
  }
  return (
    <>
      <Button size={size} variant="light" color="gray" leftSection={<IconArchive size={16} />} onClick={open}>
        <FormattedMessage id="common.archive" />
      </Button>
      <Modal opened={confirming} onClose={close} title={intl.formatMessage({ id: 'network.archive.title' })}>
        <Stack>
          <Text>
            <FormattedMessage id="network.archive.confirm" values={{ name }} />
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              <FormattedMessage id="common.cancel" />
            </Button>
            <Button color="red" loading={change.isPending} onClick={() => change.mutate('archive')}>
              <FormattedMessage id="common.archive" />
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
