import { Button, Stack } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../ui/PageHeader.js';
import { auditCsvUrl, filterFromSearch, useAuditEvents } from './audit-api.js';
import { AuditFilters } from './AuditFilters.js';
import { AuditTable } from './AuditTable.js';

/** The auditor's view of the journal: filter, read newest first, load more, download as CSV. */
export function AuditPage() {
  const [search, setSearch] = useSearchParams();
  const filter = useMemo(() => filterFromSearch(search), [search]);
  const events = useAuditEvents(filter);

  return (
    <Stack>
      <PageHeader
        title={<FormattedMessage id="audit.title" />}
        description={<FormattedMessage id="audit.subtitle" />}
        actions={
          <Button component="a" href={auditCsvUrl(filter)} download variant="light" leftSection={<IconDownload size={18} />}>
            <FormattedMessage id="audit.downloadCsv" />
          </Button>
        }
      />
      <AuditFilters key={search.toString()} search={search} onApply={(next) => setSearch(next)} />
      <AuditTable events={events} />
    </Stack>
  );
}
