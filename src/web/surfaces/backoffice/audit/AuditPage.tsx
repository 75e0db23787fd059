import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { describeError } from '../../../ui/forms.js';
import { PageHeader } from '../../../ui/PageHeader.js';
import { auditCsvUrl, filterFromSearch, useAuditEvents } from './audit-api.js';
import { AuditFilters } from './AuditFilters.js';
import { AuditTable } from './AuditTable.js';

/** The auditor's view of the journal: filter, read newest first, load more, download as CSV. */
export function AuditPage() {
  const intl = useIntl();
  const [search, setSearch] = useSearchParams();
  const filter = useMemo(() => filterFromSearch(search), [search]);
  const events = useAuditEvents(filter);
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];

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
      {events.error ? <Alert color="red">{describeError(intl, events.error)}</Alert> : null}
      {events.isLoading ? (
        <Center>
          <Loader aria-label={intl.formatMessage({ id: 'common.loading' })} />
        </Center>
      ) : null}
      {events.isSuccess && items.length === 0 ? (
        <Text c="dimmed">
          <FormattedMessage id="audit.empty" />
        </Text>
      ) : null}
      {items.length > 0 ? <AuditTable events={items} /> : null}
      {events.hasNextPage ? (
        <Center>
          <Button variant="default" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
            <FormattedMessage id="common.loadMore" />
          </Button>
        </Center>
      ) : null}
      {items.length > 0 && !events.hasNextPage ? (
        <Text c="dimmed" size="sm" ta="center">
          <FormattedMessage id="audit.end" values={{ count: items.length }} />
        </Text>
      ) : null}
    </Stack>
  );
}
