import { Button, Group } from '@mantine/core';
import { IconFileZip, IconListSearch } from '@tabler/icons-react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { useCan } from '../../../app/session.js';
import { subjectExportUrl } from './people-data-api.js';

/**
 * On the person's file: "who accessed this file" and the subject-access export, each shown only to
 * those the server lets through (access report: centre managers and auditors of the home centre;
 * export: centre managers of the home centre).
 */
export function PersonDataProtectionLinks({ personId, homeCentreId }: { personId: string; homeCentreId: string | null }) {
  const can = useCan();
  if (!homeCentreId) return null;
  const placement = { centreId: homeCentreId };
  const mayReport = can('people.access_report', placement);
  const mayExport = can('people.export', placement);
  if (!mayReport && !mayExport) return null;
  return (
    <Group gap="xs">
      {mayReport ? (
        <Button component={Link} to={`/office/people/${personId}/access-report`} variant="light" leftSection={<IconListSearch size={18} aria-hidden />}>
          <FormattedMessage id="people.file.accessReport" />
        </Button>
      ) : null}
      {mayExport ? (
        <Button component="a" href={subjectExportUrl(personId)} download variant="subtle" leftSection={<IconFileZip size={18} aria-hidden />}>
          <FormattedMessage id="people.file.export" />
        </Button>
      ) : null}
    </Group>
  );
}
