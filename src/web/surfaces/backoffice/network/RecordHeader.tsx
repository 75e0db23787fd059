import { Badge, Group } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { PageHeader } from '../../../ui/PageHeader.js';

/** The title of a centre or unit page: its name, code, kind and whether it is archived. */
export function RecordHeader({ name, code, kindLabel, archived }: { name: string; code: string; kindLabel: string; archived: boolean }) {
  return (
    <PageHeader
      title={name}
      description={
        <Group gap="xs" component="span">
          <Badge variant="outline" tt="none">
            {code}
          </Badge>
          <Badge variant="light" tt="none">
            {kindLabel}
          </Badge>
          {archived ? (
            <Badge color="gray" tt="none">
              <FormattedMessage id="network.archived" />
            </Badge>
          ) : null}
        </Group>
      }
    />
  );
}
