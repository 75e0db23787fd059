import { Alert, Button, Card, Grid, Group, Kbd, Loader, Select, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { roleAllows } from '../../../shared/access.js';
import { api } from '../../app/api.js';
import { useSession } from '../../app/session.js';
import { describeError } from '../../ui/forms.js';
import { SurfaceLayout } from '../../ui/SurfaceLayout.js';
import { personName, usePeopleSearch, useStaffCentres, type Person } from '../reception/reception-api.js';
import { RegisterPersonModal } from '../reception/RegisterPersonModal.js';
import { normaliseReference, REFERENCE_PATTERN, type StaffAppointment } from './phone-api.js';
import { Facts } from './Facts.js';
import { PersonPanel } from './PersonPanel.js';

const STORAGE_KEY = 'oneroof.phone.centre';

/** /phone: find the caller (name in any script, phone, e-mail, document, booking reference) or register them, then act for them. */
export function PhoneLinePage() {
  const intl = useIntl();
  const { me } = useSession();
  const centres = useStaffCentres();
  const registrable = (centres.data ?? []).filter((centre) => me?.grants.some((grant) => roleAllows(grant.role, 'people.register') && (grant.scopeType === 'network' || grant.centreId === centre.id)));
  const [centreId, setCentreId] = useState(() => localStorage.getItem(STORAGE_KEY));
  // New people are registered at a home centre: the one chosen last, else a national centre.
  const centre = registrable.find((one) => one.id === centreId) ?? registrable.find((one) => one.kind === 'national') ?? registrable[0];
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [person, setPerson] = useState<Person | null>(null);
  const [registering, setRegistering] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  useHotkeys([['/', () => searchRef.current?.focus()], ['alt+n', () => setRegistering(true)]]);
  const reference = normaliseReference(q);
  const isReference = REFERENCE_PATTERN.test(reference);
  const search = usePeopleSearch(isReference ? '' : q);
  const byReference = useQuery({ queryKey: ['phone', 'reference', reference], queryFn: () => api.get<StaffAppointment>(`/api/v1/appointments/by-reference/${reference}`), enabled: isReference, retry: false });
  const open = async (personId: string) => setPerson(await api.get<Person>(`/api/v1/people/${personId}`));

  const picker =
    registrable.length > 1 ? (
      <Select
        size="xs"
        aria-label={intl.formatMessage({ id: 'phone.homeCentre' })}
        data={registrable.map((one) => ({ value: one.id, label: one.name }))}
        value={centre?.id ?? null}
        allowDeselect={false}
        onChange={(id) => {
          if (id) localStorage.setItem(STORAGE_KEY, id);
          setCentreId(id);
        }}
      />
    ) : null;

  return (
    <SurfaceLayout title={<FormattedMessage id="phone.title" />} actions={picker}>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder>
            <Stack gap="xs">
              <Title order={2} size="h5">
                <FormattedMessage id="phone.find" />
              </Title>
              <TextInput
                ref={searchRef}
                label={<FormattedMessage id="phone.search" />}
                description={<FormattedMessage id="phone.searchHint" />}
                leftSection={<IconSearch size={16} />}
                rightSection={search.isFetching || byReference.isFetching ? <Loader size="xs" /> : null}
                value={text}
                onChange={(event) => setText(event.currentTarget.value)}
                autoFocus
              />
              <Text size="xs" c="dimmed">
                <FormattedMessage id="phone.keys" values={{ slash: <Kbd>/</Kbd>, register: <Kbd>Alt+N</Kbd> }} />
              </Text>
              {isReference ? (
                byReference.data ? (
                  <Card withBorder padding="xs" data-testid="reference-hit">
                    <Text fw={600}>
                      <bdi dir="ltr">{byReference.data.reference}</bdi> · {byReference.data.contact.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {intl.formatMessage({ id: `phone.state.${byReference.data.state}` })} · <Facts items={[byReference.data.contact.phone, byReference.data.contact.email]} />
                    </Text>
                    {byReference.data.personId ? (
                      <Button size="xs" mt={4} variant="light" onClick={() => void open(byReference.data!.personId!)}>
                        <FormattedMessage id="phone.openPerson" />
                      </Button>
                    ) : (
                      <Button size="xs" mt={4} variant="light" onClick={() => setText(byReference.data!.contact.phone ?? byReference.data!.contact.email ?? '')}>
                        <FormattedMessage id="phone.searchContact" />
                      </Button>
                    )}
                  </Card>
                ) : byReference.error ? (
                  <Text size="sm" c="dimmed">
                    {describeError(intl, byReference.error)}
                  </Text>
                ) : null
              ) : null}
              {!isReference && q.length >= 2 && search.data ? (
                search.data.items.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    <FormattedMessage id="phone.noMatch" />
                  </Text>
                ) : (
                  <Stack gap={4} data-testid="people-results">
                    {search.data.items.map(({ person: hit }) => (
                      <UnstyledButton key={hit.id} onClick={() => setPerson(hit)} p="xs" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }} aria-pressed={person?.id === hit.id}>
                        <Text fw={600}>{personName(hit)}</Text>
                        <Text size="xs" c="dimmed">
                          <Facts items={[hit.birthDate, ...hit.contacts.map((contact) => contact.value), ...hit.documents.map((document) => document.number)]} />
                        </Text>
                      </UnstyledButton>
                    ))}
                  </Stack>
                )
              ) : null}
              <Group>
                <Button variant="light" leftSection={<IconUserPlus size={16} />} onClick={() => setRegistering(true)} disabled={!centre}>
                  <FormattedMessage id="phone.register" />
                </Button>
              </Group>
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {person ? (
            <PersonPanel key={person.id} person={person} onClose={() => setPerson(null)} />
          ) : (
            <Alert color="gray" variant="light">
              <FormattedMessage id="phone.pickSomeone" />
            </Alert>
          )}
        </Grid.Col>
      </Grid>
      {registering && centre ? (
        <RegisterPersonModal
          centreId={centre.id}
          initialName={isReference ? '' : text}
          onClose={() => setRegistering(false)}
          onPerson={(registered) => {
            setRegistering(false);
            setPerson(registered);
          }}
        />
      ) : null}
    </SurfaceLayout>
  );
}
