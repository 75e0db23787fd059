import { Button, Card, Group, Select, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { roleAllows } from '../../../../shared/access.js';
import { api, queryString } from '../../../app/api.js';
import { useLocale } from '../../../app/i18n.js';
import { useSession } from '../../../app/session.js';
import { describeError } from '../../../ui/forms.js';
import { PageHeader } from '../../../ui/PageHeader.js';
import { nameIn } from '../../phoneline/phone-api.js';
import { useStaffCentres } from '../../reception/reception-api.js';

interface ReportRow {
  level: 'centre' | 'unit' | 'service';
  unitId: string | null;
  unitName: string | null;
  serviceId: string | null;
  serviceNames: Record<string, string> | null;
  visits: number;
  tickets: number;
  served: number;
  noShows: number;
  cancelled: number;
  transferredOut: number;
  waitP50Minutes: number | null;
  waitP90Minutes: number | null;
  serviceMeanMinutes: number | null;
  serviceP50Minutes: number | null;
  serviceP90Minutes: number | null;
  appointments: number;
  appointmentsCheckedIn: number;
  appointmentNoShows: number;
  appointmentsCancelled: number;
}

interface DailyReport {
  centreId: string;
  day: string;
  timeZone: string;
  rows: ReportRow[];
}

/** Today in the browser's zone; the report itself is in the centre's zone. */
const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

/** /office/reports: a centre's day per unit and service — visits, outcomes, waits, service times, appointments — and its CSV. */
export function DailyReportPage() {
  const intl = useIntl();
  const { locale } = useLocale();
  const { me } = useSession();
  const centres = useStaffCentres();
  const readable = (centres.data ?? []).filter((centre) => me?.grants.some((grant) => roleAllows(grant.role, 'queue.read') && (grant.scopeType === 'network' || grant.centreId === centre.id)));
  const [chosenCentre, setCentreId] = useState<string | null>(null);
  const centreId = chosenCentre ?? readable[0]?.id ?? null;
  const [day, setDay] = useState(today);
  const report = useQuery({
    queryKey: ['queue', 'report', centreId, day],
    queryFn: () => api.get<DailyReport>(`/api/v1/centres/${centreId}/queue-report${queryString({ day })}`),
    enabled: centreId !== null && /^\d{4}-\d{2}-\d{2}$/.test(day),
  });
  const minutes = (value: number | null) => (value === null ? '–' : intl.formatNumber(value, { maximumFractionDigits: 1 }));
  const csvUrl = centreId ? `/api/v1/centres/${centreId}/queue-report.csv${queryString({ day, language: locale.code })}` : null;

  return (
    <>
      <PageHeader title={<FormattedMessage id="report.title" />} description={<FormattedMessage id="report.description" />} />
      <Card withBorder mb="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={<FormattedMessage id="report.centre" />}
            data={readable.map((centre) => ({ value: centre.id, label: centre.name }))}
            value={centreId}
            onChange={setCentreId}
            allowDeselect={false}
            data-testid="report-centre"
          />
          <TextInput type="date" label={<FormattedMessage id="report.day" />} value={day} max={today()} onChange={(event) => event.currentTarget.value && setDay(event.currentTarget.value)} data-testid="report-day" />
          <Group align="end">
            <Button component="a" href={csvUrl ?? undefined} download variant="default" leftSection={<IconDownload size={18} />} disabled={!csvUrl}>
              <FormattedMessage id="report.downloadCsv" />
            </Button>
          </Group>
        </SimpleGrid>
        {report.data ? (
          <Text size="sm" c="dimmed" mt="xs">
            <FormattedMessage id="report.timeZone" values={{ zone: report.data.timeZone }} />
          </Text>
        ) : null}
      </Card>
      {centres.data && readable.length === 0 ? (
        <Text c="dimmed">
          <FormattedMessage id="report.noCentre" />
        </Text>
      ) : null}
      {report.error ? <Text c="red">{describeError(intl, report.error)}</Text> : null}
      {report.data && report.data.rows.length === 0 ? (
        <Text c="dimmed" data-testid="report-empty">
          <FormattedMessage id="report.empty" />
        </Text>
      ) : null}
      {report.data && report.data.rows.length > 0 ? (
        <Table.ScrollContainer minWidth={1100}>
          <Table striped withTableBorder data-testid="report-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th rowSpan={2}>{intl.formatMessage({ id: 'report.where' })}</Table.Th>
                <Table.Th colSpan={6} ta="center">{intl.formatMessage({ id: 'report.tickets' })}</Table.Th>
                <Table.Th colSpan={2} ta="center">{intl.formatMessage({ id: 'report.wait' })}</Table.Th>
                <Table.Th colSpan={3} ta="center">{intl.formatMessage({ id: 'report.serviceTime' })}</Table.Th>
                <Table.Th colSpan={4} ta="center">{intl.formatMessage({ id: 'report.appointments' })}</Table.Th>
              </Table.Tr>
              <Table.Tr>
                {['visits', 'issued', 'served', 'noShows', 'cancelled', 'transferred', 'p50', 'p90', 'mean', 'p50', 'p90', 'booked', 'checkedIn', 'noShows', 'cancelled'].map((id, index) => (
                  <Table.Th key={index} ta="end">
                    {intl.formatMessage({ id: `report.column.${id}` })}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.data.rows.map((row) => (
                <Table.Tr key={`${row.level}:${row.unitId ?? ''}:${row.serviceId ?? ''}`} fw={row.level === 'service' ? undefined : 700} data-level={row.level}>
                  <Table.Td ps={row.level === 'service' ? 'xl' : undefined}>
                    {row.level === 'centre' ? intl.formatMessage({ id: 'report.wholeCentre' }) : row.level === 'unit' ? row.unitName : nameIn(row.serviceNames ?? {}, locale.code)}
                  </Table.Td>
                  {[row.visits, row.tickets, row.served, row.noShows, row.cancelled, row.transferredOut].map((value, index) => (
                    <Table.Td key={index} ta="end">
                      {intl.formatNumber(value)}
                    </Table.Td>
                  ))}
                  {[row.waitP50Minutes, row.waitP90Minutes, row.serviceMeanMinutes, row.serviceP50Minutes, row.serviceP90Minutes].map((value, index) => (
                    <Table.Td key={index} ta="end">
                      {minutes(value)}
                    </Table.Td>
                  ))}
                  {[row.appointments, row.appointmentsCheckedIn, row.appointmentNoShows, row.appointmentsCancelled].map((value, index) => (
                    <Table.Td key={index} ta="end">
                      {intl.formatNumber(value)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <Text size="sm" c="dimmed" mt="md">
        <FormattedMessage id="report.explain" />
      </Text>
    </>
  );
}
