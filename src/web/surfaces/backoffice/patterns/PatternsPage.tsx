import { Badge, Button, Card, Checkbox, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, queryString } from '../../../app/api.js';
import { describeError } from '../../../ui/forms.js';
import { PageHeader } from '../../../ui/PageHeader.js';
import { CancelModal } from '../../phoneline/BookingActions.js';
import { nameIn, type PersonBooking } from '../../phoneline/phone-api.js';
import { useStaffCentres } from '../../reception/reception-api.js';
import { useLocale } from '../../../app/i18n.js';

interface PatternRow {
  kind: 'email' | 'phone' | 'address';
  key: string;
  label: string;
  bookings: number;
  holds: number;
  cancellations: number;
  noShows: number;
  centres: number;
  firstAt: string;
  lastAt: string;
}

type PatternBooking = PersonBooking & { createdAt: string; addressFingerprint: string | null };

interface Filters {
  centreId: string | null;
  from: string;
  to: string;
  minBookings: number;
  minHolds: number;
  minCancellations: number;
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** /office/appointments/patterns: contacts and addresses (fingerprints) with many bookings, holds or cancellations. */
export function PatternsPage() {
  const intl = useIntl();
  const centres = useStaffCentres();
  const [filters, setFilters] = useState<Filters>({ centreId: null, from: daysAgo(7), to: daysAgo(0), minBookings: 5, minHolds: 10, minCancellations: 3 });
  const [open, setOpen] = useState<PatternRow | null>(null);
  const list = useQuery({
    queryKey: ['appointments', 'patterns', filters],
    queryFn: () => api.get<{ items: PatternRow[] }>(`/api/v1/appointments/patterns${queryString({ ...filters })}`),
  });
  const set = <K extends keyof Filters>(key: K) => (value: Filters[K]) => setFilters((current) => ({ ...current, [key]: value }));

  return (
    <>
      <PageHeader title={<FormattedMessage id="patterns.title" />} description={<FormattedMessage id="patterns.description" />} />
      <Card withBorder mb="md">
        <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }}>
          <Select label={<FormattedMessage id="patterns.centre" />} placeholder={intl.formatMessage({ id: 'patterns.allCentres' })} data={(centres.data ?? []).map((centre) => ({ value: centre.id, label: centre.name }))} clearable value={filters.centreId} onChange={set('centreId')} />
          <TextInput type="date" label={<FormattedMessage id="patterns.from" />} value={filters.from} onChange={(event) => event.currentTarget.value && set('from')(event.currentTarget.value)} />
          <TextInput type="date" label={<FormattedMessage id="patterns.to" />} value={filters.to} onChange={(event) => event.currentTarget.value && set('to')(event.currentTarget.value)} />
          <NumberInput label={<FormattedMessage id="patterns.minBookings" />} min={1} value={filters.minBookings} onChange={(value) => set('minBookings')(Number(value) || 1)} />
          <NumberInput label={<FormattedMessage id="patterns.minHolds" />} min={1} value={filters.minHolds} onChange={(value) => set('minHolds')(Number(value) || 1)} />
          <NumberInput label={<FormattedMessage id="patterns.minCancellations" />} min={1} value={filters.minCancellations} onChange={(value) => set('minCancellations')(Number(value) || 1)} />
        </SimpleGrid>
      </Card>
      {list.error ? <Text c="red">{describeError(intl, list.error)}</Text> : null}
      {list.data && list.data.items.length === 0 ? (
        <Text c="dimmed">
          <FormattedMessage id="patterns.none" />
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover data-testid="patterns">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{intl.formatMessage({ id: 'patterns.who' })}</Table.Th>
                <Table.Th>{intl.formatMessage({ id: 'patterns.bookings' })}</Table.Th>
                <Table.Th>{intl.formatMessage({ id: 'patterns.holds' })}</Table.Th>
                <Table.Th>{intl.formatMessage({ id: 'patterns.cancellations' })}</Table.Th>
                <Table.Th>{intl.formatMessage({ id: 'patterns.noShows' })}</Table.Th>
                <Table.Th>{intl.formatMessage({ id: 'patterns.last' })}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(list.data?.items ?? []).map((row) => (
                <Table.Tr key={`${row.kind}:${row.key}`}>
                  <Table.Td>
                    <Badge variant="light" me="xs">
                      {intl.formatMessage({ id: `patterns.kind.${row.kind}` })}
                    </Badge>
                    <Text component="span" ff={row.kind === 'address' ? 'monospace' : undefined}>
                      {row.label}
                    </Text>
                  </Table.Td>
                  <Table.Td>{row.bookings}</Table.Td>
                  <Table.Td>{row.holds}</Table.Td>
                  <Table.Td>{row.cancellations}</Table.Td>
                  <Table.Td>{row.noShows}</Table.Td>
                  <Table.Td>{intl.formatDate(new Date(row.lastAt), { dateStyle: 'short', timeStyle: 'short' })}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" onClick={() => setOpen(row)}>
                      <FormattedMessage id="patterns.open" />
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {open ? <PatternBookings row={open} filters={filters} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

function PatternBookings({ row, filters, onClose }: { row: PatternRow; filters: Filters; onClose: () => void }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const queryKey = ['appointments', 'patterns', 'bookings', row.kind, row.key, filters.centreId, filters.from, filters.to];
  const bookings = useQuery({
    queryKey,
    queryFn: () => api.get<{ items: PatternBooking[] }>(`/api/v1/appointments/patterns/bookings${queryString({ kind: row.kind, key: row.key, centreId: filters.centreId, from: filters.from, to: filters.to })}`),
  });
  const [chosen, setChosen] = useState<string[]>([]);
  const [cancelling, setCancelling] = useState(false);
  const cancellable = (bookings.data?.items ?? []).filter((one) => one.state === 'booked');
  const toggle = (id: string) => setChosen((current) => (current.includes(id) ? current.filter((one) => one !== id) : [...current, id]));
  return (
    <Modal opened onClose={onClose} size="xl" title={`${intl.formatMessage({ id: `patterns.kind.${row.kind}` })}: ${row.label}`}>
      <Stack>
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="pattern-bookings">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  <Checkbox
                    aria-label={intl.formatMessage({ id: 'patterns.chooseAll' })}
                    checked={cancellable.length > 0 && chosen.length === cancellable.length}
                    onChange={(event) => setChosen(event.currentTarget.checked ? cancellable.map((one) => one.id) : [])}
                  />
                </Table.Th>
                <Table.Th>{intl.formatMessage({ id: 'patterns.made' })}</Table.Th>
                <Table.Th>{intl.formatMessage({ id: 'patterns.appointment' })}</Table.Th>
                <Table.Th>{intl.formatMessage({ id: 'patterns.contact' })}</Table.Th>
                <Table.Th>{intl.formatMessage({ id: 'patterns.state' })}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(bookings.data?.items ?? []).map((one) => (
                <Table.Tr key={one.id}>
                  <Table.Td>{one.state === 'booked' ? <Checkbox aria-label={one.reference} checked={chosen.includes(one.id)} onChange={() => toggle(one.id)} /> : null}</Table.Td>
                  <Table.Td>
                    {intl.formatDate(new Date(one.createdAt), { dateStyle: 'short', timeStyle: 'short' })}
                    {one.addressFingerprint ? (
                      <Text size="xs" ff="monospace" c="dimmed">
                        {one.addressFingerprint}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {intl.formatDate(new Date(one.startsAt), { dateStyle: 'short', timeStyle: 'short', timeZone: one.timeZone })} · {nameIn(one.serviceNames, locale.code)}
                    <Text size="xs" c="dimmed">
                      {one.centreName} · <span style={{ fontFamily: 'monospace' }}>{one.reference}</span>
                    </Text>
                  </Table.Td>
                  <Table.Td>{[one.contact.name, one.contact.email, one.contact.phone].filter(Boolean).join(' · ')}</Table.Td>
                  <Table.Td>
                    {intl.formatMessage({ id: `phone.state.${one.state}` })}
                    {one.cancelReason ? (
                      <Text size="xs" c="dimmed">
                        {one.cancelReason}
                      </Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="flex-end">
          <Button color="red" disabled={chosen.length === 0} onClick={() => setCancelling(true)}>
            {intl.formatMessage({ id: 'patterns.cancelChosen' }, { count: chosen.length })}
          </Button>
        </Group>
      </Stack>
      {cancelling ? (
        <CancelModal
          ids={chosen}
          title={intl.formatMessage({ id: 'patterns.cancelTitle' }, { count: chosen.length })}
          invalidate={['appointments', 'patterns']}
          onClose={() => {
            setCancelling(false);
            setChosen([]);
          }}
        />
      ) : null}
    </Modal>
  );
}
