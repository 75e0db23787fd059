import { Anchor, Card, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import { api, queryString } from '../../../app/api.js';
import { PageHeader } from '../../../ui/PageHeader.js';
import type { PersonCore } from './casefile-api.js';

const nameOf = (p: PersonCore) => [`${p.givenNames} ${p.familyNames}`.trim(), `${p.nativeGivenNames} ${p.nativeFamilyNames}`.trim()].filter(Boolean).join(' · ');

/** Finds a person (name in any script, phone, e-mail, document number) to open their file. */
export function PeopleSearchPage() {
  const intl = useIntl();
  const [search, setSearch] = useSearchParams();
  const text = search.get('q') ?? '';
  const [q] = useDebouncedValue(text.trim(), 300);
  const results = useQuery({
    queryKey: ['casefile', 'people-search', q],
    queryFn: () => api.get<{ items: { person: PersonCore }[] }>(`/api/v1/people${queryString({ q, limit: 20 })}`),
    enabled: q.length >= 2,
  });
  const items = results.data?.items ?? [];
  return (
    <Stack>
      <PageHeader title={<FormattedMessage id="casefile.people.title" />} description={<FormattedMessage id="casefile.people.subtitle" />} />
      <TextInput
        label={<FormattedMessage id="casefile.people.search" />}
        leftSection={<IconSearch size={16} />}
        rightSection={results.isFetching ? <Loader size="xs" aria-label={intl.formatMessage({ id: 'common.loading' })} /> : null}
        value={text}
        onChange={(event) => setSearch({ q: event.currentTarget.value }, { replace: true })}
        autoFocus
      />
      {results.isSuccess && items.length === 0 ? <Text c="gray.7"><FormattedMessage id="casefile.people.none" /></Text> : null}
      {items.length > 0 ? (
        <Card withBorder padding={0}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th><FormattedMessage id="casefile.worklist.person" /></Table.Th>
                <Table.Th><FormattedMessage id="casefile.core.birth" /></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map(({ person }) => (
                <Table.Tr key={person.id}>
                  <Table.Td><Anchor component={Link} to={`/office/people/${person.id}`}>{nameOf(person)}</Anchor></Table.Td>
                  <Table.Td>{person.birthDate ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      ) : null}
    </Stack>
  );
}
