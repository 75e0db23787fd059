import { Alert, Button, Card, Center, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { useCan } from '../../../app/session.js';
import { describeError } from '../../../ui/forms.js';
import { PageHeader } from '../../../ui/PageHeader.js';
import { BreakGlassModal } from './BreakGlassModal.js';
import { useFileOverview, usePersonCore } from './casefile-api.js';
import { FileConsentsCard } from './FileConsentsCard.js';
import { FileDocumentsCard } from './FileDocumentsCard.js';
import { FileEntriesCard } from './FileEntriesCard.js';
import { FileFormsCard } from './FileFormsCard.js';
import { FileProceduresCard } from './FileProceduresCard.js';
import { FileReferralsCard } from './FileReferralsCard.js';
import { formatDateTime } from './file-helpers.js';
import { PersonDataProtectionLinks } from '../people/PersonDataProtectionLinks.js';
import { PersonTimeline } from '../people/PersonTimeline.js';
import { Loading } from '../../../ui/Loading.js';

/** A person's file in the back office: the shared core, then what the viewer's unit may see. */
export function PersonFilePage() {
  const { personId = '' } = useParams();
  const intl = useIntl();
  const can = useCan();
  const overview = useFileOverview(personId);
  const core = usePersonCore(personId, overview.data?.coreReadable ?? false);
  const [breakGlassOpen, setBreakGlassOpen] = useState(false);

  if (overview.isLoading) return <Center><Loading /></Center>;
  if (overview.error || !overview.data) return <Alert color="red">{describeError(intl, overview.error)}</Alert>;
  const file = overview.data;
  const person = core.data;
  const name = person ? [`${person.givenNames} ${person.familyNames}`.trim(), `${person.nativeGivenNames} ${person.nativeFamilyNames}`.trim()].filter(Boolean).join(' · ') : '';

  return (
    <Stack>
      <PageHeader title={name || <FormattedMessage id="casefile.title" />} description={<FormattedMessage id="casefile.subtitle" />} />
      <PersonDataProtectionLinks personId={personId} homeCentreId={person?.homeCentreId ?? null} />
      {person ? (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs"><FormattedMessage id="casefile.core.title" /></Title>
          <Group gap="xl">
            <Text><FormattedMessage id="casefile.core.birth" />: {person.birthDate ?? '—'}</Text>
            <Text><FormattedMessage id="casefile.core.language" />: {person.preferredLanguage ?? '—'}</Text>
            <Text><FormattedMessage id="casefile.core.contacts" />: {person.contacts.map((c) => c.value).join(', ') || '—'}</Text>
          </Group>
        </Card>
      ) : null}
      {file.breakGlassUntil ? (
        <Alert color="red" icon={<IconLock size={18} />}>
          <FormattedMessage id="casefile.breakGlass.active" values={{ until: formatDateTime(intl.locale, file.breakGlassUntil) }} />
        </Alert>
      ) : null}
      {file.hiddenUnits > 0 && !file.breakGlassUntil ? (
        <Alert variant="outline" color="dark" icon={<IconLock size={18} />} title={<FormattedMessage id="casefile.hidden.title" />}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm"><FormattedMessage id="casefile.hidden.body" values={{ count: file.hiddenUnits }} /></Text>
            {can('casefile.break_glass') && file.coreReadable ? (
              <Button color="red" variant="light" onClick={() => setBreakGlassOpen(true)}>
                <FormattedMessage id="casefile.breakGlass.open" />
              </Button>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack>
            <FileEntriesCard personId={personId} />
            <FileFormsCard personId={personId} />
            <FileProceduresCard personId={personId} />
            <FileDocumentsCard personId={personId} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack>
            <FileReferralsCard personId={personId} homeCentreId={person?.homeCentreId ?? null} />
            <FileConsentsCard personId={personId} homeCentreId={person?.homeCentreId ?? null} />
            {/* Visits, tickets and appointments belong to the shared core: shown whenever the core is. */}
            {file.coreReadable ? <Card withBorder><PersonTimeline personId={personId} /></Card> : null}
          </Stack>
        </Grid.Col>
      </Grid>
      <BreakGlassModal personId={personId} opened={breakGlassOpen} onClose={() => setBreakGlassOpen(false)} />
    </Stack>
  );
}
