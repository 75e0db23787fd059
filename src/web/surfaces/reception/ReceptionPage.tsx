import { Card, Center, Grid, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { roleAllows } from '../../../shared/access.js';
import { useSession } from '../../app/session.js';
import { SurfaceLayout } from '../../ui/SurfaceLayout.js';
import { useQueueLive, type Visit } from '../queue/queue-api.js';
import { AppointmentCheckIn } from './AppointmentCheckIn.js';
import { IssuedVisitModal } from './IssuedVisitModal.js';
import { PersonFinder } from './PersonFinder.js';
import { useStaffCentres, type VisitPerson } from './reception-api.js';
import { TodayVisits } from './TodayVisits.js';
import { VisitForm } from './VisitForm.js';

const STORAGE_KEY = 'oneroof.reception.centre';

/** /reception: find or register the person, record the visit, issue tickets, print; today's visits live. */
export function ReceptionPage() {
  const intl = useIntl();
  const { me } = useSession();
  const centres = useStaffCentres();
  // Reception works for a whole centre: any queue.issue grant placing the staff member there.
  const mine = (centres.data ?? []).filter((centre) => me?.grants.some((grant) => roleAllows(grant.role, 'queue.issue') && (grant.scopeType === 'network' || grant.centreId === centre.id)));
  const [chosenId, setChosenId] = useState(() => localStorage.getItem(STORAGE_KEY));
  const centre = mine.find((one) => one.id === chosenId) ?? mine[0];
  const [person, setPerson] = useState<VisitPerson | null>(null);
  const [issued, setIssued] = useState<Visit | null>(null);
  useQueueLive(centre?.id);

  if (centres.isLoading) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  const picker =
    mine.length > 1 ? (
      <Select
        size="xs"
        aria-label={intl.formatMessage({ id: 'reception.centre' })}
        data={mine.map((one) => ({ value: one.id, label: one.name }))}
        value={centre?.id ?? null}
        allowDeselect={false}
        onChange={(id) => {
          if (id) localStorage.setItem(STORAGE_KEY, id);
          setChosenId(id);
        }}
      />
    ) : null;

  return (
    <SurfaceLayout title={<FormattedMessage id="reception.title" />} place={centre?.name} actions={picker}>
      {!centre ? (
        <Text c="dimmed" ta="center" py="xl">
          <FormattedMessage id="reception.noCentre" />
        </Text>
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Card withBorder>
              <Stack>
                <Title order={2} size="h5">
                  <FormattedMessage id="reception.step.person" />
                </Title>
                <PersonFinder centreId={centre.id} value={person} onChange={setPerson} />
                <Title order={2} size="h5">
                  <FormattedMessage id="reception.step.visit" />
                </Title>
                <VisitForm
                  key={centre.id}
                  centre={centre}
                  person={person}
                  onIssued={(visit) => {
                    setIssued(visit);
                    setPerson(null);
                  }}
                />
              </Stack>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack>
              <AppointmentCheckIn centre={centre} person={person} onCheckedIn={setIssued} />
              <TodayVisits centreId={centre.id} />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
      {issued ? <IssuedVisitModal visit={issued} onClose={() => setIssued(null)} /> : null}
    </SurfaceLayout>
  );
}
