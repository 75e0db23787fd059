import { Button, Card, Group, Loader, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserOff, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { personName, usePeopleSearch, type Person, type VisitPerson } from './reception-api.js';
import { ReceptionDocuments } from './ReceptionDocuments.js';
import { RegisterPersonModal } from './RegisterPersonModal.js';

/** Find the person (name in any script, phone, document number), register them, or serve anonymously. */
export function PersonFinder({ centreId, value, onChange }: { centreId: string; value: VisitPerson | null; onChange: (person: VisitPerson | null) => void }) {
  const intl = useIntl();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [registering, setRegistering] = useState(false);
  const search = usePeopleSearch(q);

  if (value) {
    return (
      <Card withBorder bg="oneroof.0" data-testid="visit-person">
        <Group justify="space-between">
          <Text fw={600}>{value.kind === 'person' ? personName(value.person) : intl.formatMessage({ id: 'reception.anonymous' })}</Text>
          <Button variant="subtle" size="xs" onClick={() => onChange(null)}>
            <FormattedMessage id="reception.changePerson" />
          </Button>
        </Group>
        {value.kind === 'person' ? <ReceptionDocuments centreId={centreId} personId={value.person.id} /> : null}
      </Card>
    );
  }
  const pick = (person: Person) => onChange({ kind: 'person', person });
  return (
    <Stack gap="xs">
      <TextInput
        label={<FormattedMessage id="reception.search" />}
        description={<FormattedMessage id="reception.searchHint" />}
        leftSection={<IconSearch size={16} />}
        rightSection={search.isFetching ? <Loader size="xs" /> : null}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        autoFocus
      />
      {q.length >= 2 && search.data ? (
        search.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            <FormattedMessage id="reception.noMatch" />
          </Text>
        ) : (
          <Stack gap={4}>
            {search.data.items.map(({ person }) => (
              <UnstyledButton key={person.id} onClick={() => pick(person)} p="xs" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }}>
                <Text fw={600}>{personName(person)}</Text>
                <Text size="xs" c="dimmed">
                  {[person.birthDate, ...person.contacts.map((contact) => contact.value), ...person.documents.map((document) => document.number)].filter(Boolean).join(' · ')}
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
        )
      ) : null}
      <Group gap="xs">
        <Button variant="light" leftSection={<IconUserPlus size={16} />} onClick={() => setRegistering(true)}>
          <FormattedMessage id="reception.register" />
        </Button>
        <Button variant="default" leftSection={<IconUserOff size={16} />} onClick={() => onChange({ kind: 'anonymous' })}>
          <FormattedMessage id="reception.serveAnonymously" />
        </Button>
      </Group>
      {registering ? (
        <RegisterPersonModal
          centreId={centreId}
          initialName={text}
          onClose={() => setRegistering(false)}
          onPerson={(person) => {
            setRegistering(false);
            pick(person);
          }}
        />
      ) : null}
    </Stack>
  );
}
