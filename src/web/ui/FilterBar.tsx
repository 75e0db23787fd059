import { Button, Group, Paper, SimpleGrid } from '@mantine/core';
import { IconFilter, IconX } from '@tabler/icons-react';
import type { FormEvent, ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

interface FilterBarProps {
  /** Message id naming the form for screen readers. */
  titleId: string;
  clearId: string;
  applyId: string;
  /** Fields a row on wide screens (two on small ones, one on phones). */
  columns: number;
  onSubmit(event?: FormEvent<HTMLFormElement>): void;
  onClear(): void;
  /** Switches on the buttons' row, at its start. */
  toggles?: ReactNode;
  /** The fields. */
  children: ReactNode;
}

/** A list's filters as a form: the fields in a grid, then Clear and Apply. */
export function FilterBar({ titleId, clearId, applyId, columns, onSubmit, onClear, toggles, children }: FilterBarProps) {
  const intl = useIntl();
  return (
    <Paper withBorder p="md" component="form" onSubmit={onSubmit} aria-label={intl.formatMessage({ id: titleId })}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: columns }} spacing="sm">
        {children}
      </SimpleGrid>
      <Group mt="md" justify={toggles ? 'space-between' : 'flex-end'} gap="sm">
        {toggles ? <Group gap="lg">{toggles}</Group> : null}
        <Group gap="sm">
          <Button variant="default" leftSection={<IconX size={16} />} onClick={onClear}>
            <FormattedMessage id={clearId} />
          </Button>
          <Button type="submit" leftSection={<IconFilter size={16} />}>
            <FormattedMessage id={applyId} />
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
