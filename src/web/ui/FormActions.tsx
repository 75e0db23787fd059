import { Button, Group } from '@mantine/core';
import { FormattedMessage } from 'react-intl';

/** The foot of every form: cancel, and save (submits the form). */
export function FormActions({ onCancel, saving }: { onCancel: () => void; saving: boolean }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        <FormattedMessage id="common.cancel" />
      </Button>
      <Button type="submit" loading={saving}>
        <FormattedMessage id="common.save" />
      </Button>
    </Group>
  );
}
