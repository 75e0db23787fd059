import { ActionIcon, Alert, Badge, Button, Card, Center, Checkbox, Group, MultiSelect, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useNavigate, useParams } from 'react-router';
import { CONTENT_LANGUAGES } from '../../../../shared/locales.js';
import { api } from '../../../app/api.js';
import { FormActions } from '../../../ui/FormActions.js';
import { useApiMutation } from '../../../ui/forms.js';
import { PageHeader } from '../../../ui/PageHeader.js';
import { PARTNER_TYPES, SERVICE_STATUSES, WEEKDAYS, type PartnerInput, type PartnerSchedule, type PartnerType, type PartnerView, type ServiceStatus, type Weekday } from './partners-api.js';
import { Loading } from '../../../ui/Loading.js';

/** The form keeps every text as a string (empty when absent) and documents one per line. */
interface PhoneValues {
  number: string;
  type: string;
}
interface LocationValues {
  id?: string;
  name: string;
  address1: string;
  address2: string;
  postalCode: string;
  city: string;
  country: string;
  phones: PhoneValues[];
  schedules: PartnerSchedule[];
}
interface ServiceValues {
  id?: string;
  name: string;
  description: string;
  url: string;
  email: string;
  status: ServiceStatus;
  applicationProcess: string;
  feesDescription: string;
  languages: string[];
  phones: PhoneValues[];
  schedules: PartnerSchedule[];
  documents: string;
  locations: string[];
}
interface PartnerValues {
  name: string;
  alternateName: string;
  description: string;
  partnerType: PartnerType | '';
  email: string;
  website: string;
  locations: LocationValues[];
  services: ServiceValues[];
}
type PartnerForm = UseFormReturnType<PartnerValues>;

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
const newLocation = (): LocationValues => ({ name: '', address1: '', address2: '', postalCode: '', city: '', country: 'PT', phones: [], schedules: [] });
const newService = (locations: number): ServiceValues => ({
  name: '',
  description: '',
  url: '',
  email: '',
  status: 'active',
  applicationProcess: '',
  feesDescription: '',
  languages: ['pt'],
  phones: [],
  schedules: [],
  documents: '',
  locations: locations > 0 ? ['0'] : [],
});
const newSchedule = (): PartnerSchedule => ({ days: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '09:00', closesAt: '17:00' });

function toValues(partner: PartnerView | undefined): PartnerValues {
  if (!partner) return { name: '', alternateName: '', description: '', partnerType: '', email: '', website: '', locations: [newLocation()], services: [newService(1)] };
  return {
    name: partner.name,
    alternateName: partner.alternateName ?? '',
    description: partner.description,
    partnerType: partner.partnerType ?? '',
    email: partner.email ?? '',
    website: partner.website ?? '',
    locations: partner.locations.map((location) => ({ ...location, name: location.name ?? '', address2: location.address2 ?? '' })),
    services: partner.services.map((service) => ({
      ...service,
      url: service.url ?? '',
      email: service.email ?? '',
      applicationProcess: service.applicationProcess ?? '',
      feesDescription: service.feesDescription ?? '',
      documents: service.requiredDocuments.join('\n'),
      locations: service.locations.map(String),
    })),
  };
}

/** The form's values as the API takes them: empty texts become null, documents a list. */
function toRequest(values: PartnerValues): PartnerInput {
  return {
    name: values.name,
    alternateName: orNull(values.alternateName),
    description: values.description,
    partnerType: values.partnerType as PartnerType,
    email: orNull(values.email),
    website: orNull(values.website),
    locations: values.locations.map((location) => ({ ...location, name: orNull(location.name), address2: orNull(location.address2), country: location.country.trim().toUpperCase() })),
    services: values.services.map(({ documents, ...service }) => ({
      ...service,
      url: orNull(service.url),
      email: orNull(service.email),
      applicationProcess: orNull(service.applicationProcess),
      feesDescription: orNull(service.feesDescription),
      requiredDocuments: documents.split('\n').map((line) => line.trim()).filter(Boolean),
      locations: service.locations.map(Number),
    })),
  };
}

/** /office/knowledge/partners/new and /office/knowledge/partners/:partnerId: a partner organisation by hand. */
export function PartnerEditorPage() {
  const { partnerId } = useParams();
  const partner = useQuery({ queryKey: ['directory-partner', partnerId], queryFn: () => api.get<PartnerView>(`/api/v1/directory/partners/${partnerId}`), enabled: Boolean(partnerId) });
  if (partnerId && partner.isPending) return <Center py="xl"><Loading /></Center>;
  if (partnerId && partner.isError) return <Alert color="red">{partner.error.message}</Alert>;
  return <PartnerFormPage key={partner.data?.lastModified ?? 'new'} partner={partner.data} />;
}

function PartnerFormPage({ partner }: { partner: PartnerView | undefined }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<PartnerValues>({ initialValues: toValues(partner) });
  const save = useApiMutation<PartnerView, PartnerValues>({
    form,
    successMessageId: 'directory.partner.saved',
    mutationFn: (values) => (partner ? api.put<PartnerView>(`/api/v1/directory/partners/${partner.id}`, toRequest(values)) : api.post<PartnerView>('/api/v1/directory/partners', toRequest(values))),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['directory-partner', saved.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['directory-partners'] });
      await queryClient.invalidateQueries({ queryKey: ['info-directory'] });
      if (!partner) void navigate(`/office/knowledge/partners/${saved.id}`, { replace: true });
    },
  });
  const typeOptions = PARTNER_TYPES.map((type) => ({ value: type, label: intl.formatMessage({ id: `directory.partnerType.${type}` }) }));

  function removeLocation(index: number) {
    // Services point to locations by position: those after the removed one move up by one.
    form.setFieldValue(
      'services',
      form.values.services.map((service) => ({ ...service, locations: service.locations.filter((position) => Number(position) !== index).map((position) => String(Number(position) > index ? Number(position) - 1 : Number(position))) })),
    );
    form.removeListItem('locations', index);
  }

  return (
    <>
      <PageHeader
        title={partner ? <FormattedMessage id="directory.partner.editTitle" values={{ name: partner.name }} /> : <FormattedMessage id="directory.partner.newTitle" />}
        description={<FormattedMessage id="directory.partner.help" />}
        actions={
          <Button component={Link} to="/office/knowledge?tab=partners" variant="default">
            <FormattedMessage id="directory.partners.back" />
          </Button>
        }
      />
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate data-testid="partner-form">
        <Stack gap="lg">
          <Card withBorder component="section" aria-labelledby="partner-organisation">
            <Stack gap="sm">
              <Title order={2} size="h4" id="partner-organisation">
                <FormattedMessage id="directory.partner.organisation" />
              </Title>
              {partner ? (
                <Group gap="xs">
                  <Badge variant="light" color={partner.origin === 'import' ? 'gray' : 'grape'}>
                    <FormattedMessage id={`directory.origin.${partner.origin}`} />
                  </Badge>
                </Group>
              ) : null}
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={intl.formatMessage({ id: 'directory.field.name' })} required {...form.getInputProps('name')} data-testid="partner-name" />
                <Select label={intl.formatMessage({ id: 'directory.field.partnerType' })} required data={typeOptions} allowDeselect={false} {...form.getInputProps('partnerType')} data-testid="partner-type" />
                <TextInput label={intl.formatMessage({ id: 'directory.field.alternateName' })} {...form.getInputProps('alternateName')} />
                <TextInput label={intl.formatMessage({ id: 'directory.field.email' })} type="email" {...form.getInputProps('email')} />
                <TextInput label={intl.formatMessage({ id: 'directory.field.website' })} type="url" placeholder="https://" {...form.getInputProps('website')} />
              </SimpleGrid>
              <Textarea label={intl.formatMessage({ id: 'directory.field.description' })} autosize minRows={2} {...form.getInputProps('description')} />
            </Stack>
          </Card>

          <Stack gap="sm" component="section" aria-labelledby="partner-locations">
            <Group justify="space-between">
              <Title order={2} size="h4" id="partner-locations">
                <FormattedMessage id="directory.partner.locations" />
              </Title>
              <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => form.insertListItem('locations', newLocation())} data-testid="add-location">
                <FormattedMessage id="directory.partner.addLocation" />
              </Button>
            </Group>
            {form.values.locations.map((_, index) => (
              <LocationCard key={index} form={form} index={index} onRemove={() => removeLocation(index)} />
            ))}
          </Stack>

          <Stack gap="sm" component="section" aria-labelledby="partner-services">
            <Group justify="space-between">
              <Title order={2} size="h4" id="partner-services">
                <FormattedMessage id="directory.partner.services" />
              </Title>
              <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => form.insertListItem('services', newService(form.values.locations.length))} data-testid="add-service">
                <FormattedMessage id="directory.partner.addService" />
              </Button>
            </Group>
            {typeof form.errors.services === 'string' ? <Text c="red" size="sm">{form.errors.services}</Text> : null}
            {form.values.services.map((_, index) => (
              <ServiceCard key={index} form={form} index={index} />
            ))}
          </Stack>

          <FormActions onCancel={() => void navigate('/office/knowledge?tab=partners')} saving={save.isPending} />
        </Stack>
      </form>
    </>
  );
}

function LocationCard({ form, index, onRemove }: { form: PartnerForm; index: number; onRemove: () => void }) {
  const intl = useIntl();
  const list = 'locations';
  const path = `locations.${index}`;
  return (
    <Card withBorder data-testid="partner-location">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">
            <FormattedMessage id="directory.partner.location" values={{ number: index + 1 }} />
          </Title>
          <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} />} onClick={onRemove}>
            <FormattedMessage id="directory.partner.removeLocation" />
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={intl.formatMessage({ id: 'directory.field.locationName' })} {...form.getInputProps(`${path}.name`)} />
          <TextInput label={intl.formatMessage({ id: 'directory.field.address1' })} required {...form.getInputProps(`${path}.address1`)} data-testid="location-address1" />
          <TextInput label={intl.formatMessage({ id: 'directory.field.address2' })} {...form.getInputProps(`${path}.address2`)} />
          <TextInput label={intl.formatMessage({ id: 'directory.field.postalCode' })} {...form.getInputProps(`${path}.postalCode`)} data-testid="location-postal-code" />
          <TextInput label={intl.formatMessage({ id: 'directory.field.city' })} required {...form.getInputProps(`${path}.city`)} data-testid="location-city" />
          <TextInput label={intl.formatMessage({ id: 'directory.field.country' })} maxLength={2} {...form.getInputProps(`${path}.country`)} />
        </SimpleGrid>
        <PhonesEditor form={form} list={list} index={index} />
        <SchedulesEditor form={form} list={list} index={index} />
      </Stack>
    </Card>
  );
}

function ServiceCard({ form, index }: { form: PartnerForm; index: number }) {
  const intl = useIntl();
  const list = 'services';
  const path = `services.${index}`;
  const languages = CONTENT_LANGUAGES.map((language) => ({ value: language.code, label: language.nativeName }));
  const statuses = SERVICE_STATUSES.map((status) => ({ value: status, label: intl.formatMessage({ id: `directory.status.${status.replace(' ', '_')}` }) }));
  const documentErrors = Object.entries(form.errors).filter(([key]) => key.startsWith(`${path}.requiredDocuments`)).map(([, message]) => message);
  return (
    <Card withBorder data-testid="partner-service">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">
            <FormattedMessage id="directory.partner.service" values={{ number: index + 1 }} />
          </Title>
          <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} />} onClick={() => form.removeListItem('services', index)}>
            <FormattedMessage id="directory.partner.removeService" />
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={intl.formatMessage({ id: 'directory.field.serviceName' })} required {...form.getInputProps(`${path}.name`)} data-testid="service-name" />
          <Select label={intl.formatMessage({ id: 'directory.field.status' })} data={statuses} allowDeselect={false} {...form.getInputProps(`${path}.status`)} />
        </SimpleGrid>
        <Textarea label={intl.formatMessage({ id: 'directory.field.description' })} autosize minRows={2} {...form.getInputProps(`${path}.description`)} data-testid="service-description" />
        <MultiSelect label={intl.formatMessage({ id: 'directory.field.languages' })} data={languages} searchable {...form.getInputProps(`${path}.languages`)} data-testid="service-languages" />
        {form.values.locations.length > 0 ? (
          <Checkbox.Group label={intl.formatMessage({ id: 'directory.field.offeredAt' })} {...form.getInputProps(`${path}.locations`)}>
            <Group gap="md" mt={4}>
              {form.values.locations.map((location, position) => (
                <Checkbox key={position} value={String(position)} label={location.name || location.address1 || intl.formatMessage({ id: 'directory.partner.location' }, { number: position + 1 })} />
              ))}
            </Group>
          </Checkbox.Group>
        ) : (
          <Text size="sm" c="dimmed">
            <FormattedMessage id="directory.partner.noLocations" />
          </Text>
        )}
        <Textarea label={intl.formatMessage({ id: 'directory.field.documents' })} autosize minRows={2} {...form.getInputProps(`${path}.documents`)} error={documentErrors[0] ?? form.errors[`${path}.documents`]} data-testid="service-documents" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={intl.formatMessage({ id: 'directory.field.url' })} type="url" placeholder="https://" {...form.getInputProps(`${path}.url`)} />
          <TextInput label={intl.formatMessage({ id: 'directory.field.email' })} type="email" {...form.getInputProps(`${path}.email`)} />
          <TextInput label={intl.formatMessage({ id: 'directory.field.applicationProcess' })} {...form.getInputProps(`${path}.applicationProcess`)} />
          <TextInput label={intl.formatMessage({ id: 'directory.field.fees' })} {...form.getInputProps(`${path}.feesDescription`)} />
        </SimpleGrid>
        <PhonesEditor form={form} list={list} index={index} />
        <SchedulesEditor form={form} list={list} index={index} />
      </Stack>
    </Card>
  );
}

/** The phones of a location or of a service. */
function PhonesEditor({ form, list, index: owner }: { form: PartnerForm; list: 'locations' | 'services'; index: number }) {
  const intl = useIntl();
  const path = `${list}.${owner}.phones`;
  const phones = form.values[list][owner]!.phones;
  return (
    <Stack gap={6}>
      <Text fw={600} size="sm">
        <FormattedMessage id="directory.partner.phones" />
      </Text>
      {phones.map((_, index) => (
        <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
          <TextInput label={intl.formatMessage({ id: 'directory.field.phone' })} type="tel" dir="ltr" placeholder="+351 210 000 000" style={{ flex: 1 }} maw={320} {...form.getInputProps(`${path}.${index}.number`)} data-testid="phone-number" />
          <ActionIcon variant="subtle" color="red" size="lg" mb={2} aria-label={intl.formatMessage({ id: 'directory.partner.removePhone' })} onClick={() => form.removeListItem(path, index)}>
            <IconTrash size={18} />
          </ActionIcon>
        </Group>
      ))}
      <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} style={{ alignSelf: 'flex-start' }} onClick={() => form.insertListItem(path, { number: '', type: 'voice' })} data-testid="add-phone">
        <FormattedMessage id="directory.partner.addPhone" />
      </Button>
    </Stack>
  );
}

/** The weekly hours of a location or of a service. */
function SchedulesEditor({ form, list, index: owner }: { form: PartnerForm; list: 'locations' | 'services'; index: number }) {
  const intl = useIntl();
  const path = `${list}.${owner}.schedules`;
  const schedules = form.values[list][owner]!.schedules;
  // 2024-01-01 was a Monday: weekday names in the interface language.
  const dayName = (day: Weekday) => intl.formatDate(new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day))), { weekday: 'short', timeZone: 'UTC' });
  return (
    <Stack gap={6}>
      <Text fw={600} size="sm">
        <FormattedMessage id="directory.partner.hours" />
      </Text>
      {schedules.map((_, index) => (
        <Card key={index} withBorder padding="xs" data-testid="schedule">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Checkbox.Group label={intl.formatMessage({ id: 'directory.field.days' })} {...form.getInputProps(`${path}.${index}.days`)}>
              <Group gap="xs" mt={4}>
                {WEEKDAYS.map((day) => (
                  <Checkbox key={day} value={day} label={dayName(day)} />
                ))}
              </Group>
            </Checkbox.Group>
            <TimeInput label={intl.formatMessage({ id: 'directory.field.opensAt' })} w={110} {...form.getInputProps(`${path}.${index}.opensAt`)} data-testid="schedule-opens" />
            <TimeInput label={intl.formatMessage({ id: 'directory.field.closesAt' })} w={110} {...form.getInputProps(`${path}.${index}.closesAt`)} data-testid="schedule-closes" />
            <ActionIcon variant="subtle" color="red" size="lg" mb={2} aria-label={intl.formatMessage({ id: 'directory.partner.removeHours' })} onClick={() => form.removeListItem(path, index)}>
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        </Card>
      ))}
      <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} style={{ alignSelf: 'flex-start' }} onClick={() => form.insertListItem(path, newSchedule())} data-testid="add-hours">
        <FormattedMessage id="directory.partner.addHours" />
      </Button>
    </Stack>
  );
}
