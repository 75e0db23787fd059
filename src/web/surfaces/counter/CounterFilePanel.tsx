import { Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconFolderOpen } from '@tabler/icons-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useLanguageName } from '../backoffice/network/network-labels.js';
import { useDocuments, useEntries, useFileOverview, usePersonCore } from '../backoffice/casefile/casefile-api.js';
import { formatDateTime, UnitName } from '../backoffice/casefile/file-helpers.js';
import { CounterPartnerReferral } from './CounterPartnerReferral.js';

const LATEST = 4;

/**
 * The person at the counter (DESIGN §6): the shared core and the sections this officer's unit may
 * see (own unit, consent, accepted referral), read through the case-file API, so every read is
 * audited and nothing outside need-to-know reaches the screen; the full file is one click away.
 */
export function CounterFilePanel({ personId }: { personId: string }) {
  const intl = useIntl();
  const languageName = useLanguageName();
  const overview = useFileOverview(personId);
  const core = usePersonCore(personId, Boolean(overview.data?.coreReadable));
  const open = (overview.data?.visible.length ?? 0) > 0;
  const entries = useEntries(personId);
  const documents = useDocuments(personId);
  if (overview.isError) return null;
  const person = core.data;
  const name = person ? [[person.givenNames, person.familyNames].filter(Boolean).join(' '), [person.nativeGivenNames, person.nativeFamilyNames].filter(Boolean).join(' ')].filter(Boolean).join(' · ') : '';
  return (
    <Card withBorder padding="sm" data-testid="counter-file" component="section" aria-labelledby="counter-file-title">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h5" id="counter-file-title">
            <FormattedMessage id="casefile.counter.title" />
          </Title>
          <Group gap="sm" wrap="nowrap">
            {overview.data?.coreReadable ? <CounterPartnerReferral personId={personId} homeCentreId={person?.homeCentreId ?? null} /> : null}
            <Anchor component={Link} to={`/office/people/${personId}`} size="sm">
              <Group gap={4} wrap="nowrap">
                <IconFolderOpen size={16} aria-hidden />
                <FormattedMessage id="casefile.counter.open" />
              </Group>
            </Anchor>
          </Group>
        </Group>
        {person ? (
          <Text fw={600}>
            <bdi>{name}</bdi>
            {person.birthDate ? <Text span c="gray.7" fw={400}> · {person.birthDate}</Text> : null}
            {person.preferredLanguage ? <Text span c="gray.7" fw={400}> · {languageName(person.preferredLanguage)}</Text> : null}
          </Text>
        ) : null}
        {person && person.contacts.length > 0 ? <Text size="sm">{person.contacts.map((contact) => contact.value).join(' · ')}</Text> : null}
        {open ? (
          <Group gap={4}>
            {overview.data!.visible.map((section) => (
              <Badge key={`${section.unitId}-${section.section}`} variant="light" color={section.breakGlass ? 'red' : 'blue'}>
                {section.unitName} · {intl.formatMessage({ id: `casefile.section.${section.section}` })} ({section.records})
              </Badge>
            ))}
          </Group>
        ) : (
          <Text size="sm" c="gray.7">
            <FormattedMessage id="casefile.counter.nothingShared" />
          </Text>
        )}
        {(entries.data ?? []).length > 0 ? (
          <List size="sm" spacing={2}>
            {entries.data!.slice(0, LATEST).map((entry) => (
              <List.Item key={entry.id}>
                <Text span size="xs" c="gray.7">
                  {formatDateTime(intl.locale, entry.createdAt)} · <UnitName id={entry.unitId} /> · {intl.formatMessage({ id: `casefile.section.${entry.section}` })}:
                </Text>{' '}
                {entry.section === 'forms' ? Object.values(entry.answers ?? {}).map(String).join(' · ') : entry.text}
              </List.Item>
            ))}
          </List>
        ) : null}
        {(documents.data ?? []).length > 0 ? (
          <Group gap="xs">
            {documents.data!.map((doc) => (
              <Anchor key={doc.id} size="sm" href={`/api/v1/casefile/documents/${doc.id}/content`} download={doc.fileName}>
                {doc.title || doc.fileName}
              </Anchor>
            ))}
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
