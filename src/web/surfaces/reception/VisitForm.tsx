import { Alert, Button, Chip, Group, List, MultiSelect, Select, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../app/api.js';
import { useApiMutation } from '../../ui/forms.js';
import type { Centre } from '../backoffice/network/network-api.js';
import { COMMON_LANGUAGES, useLanguageName } from '../backoffice/network/network-labels.js';
import { idempotent, newIdempotencyKey, PRIORITY_REASONS, queueKeys, useLocalised, type PriorityReason, type Visit } from '../queue/queue-api.js';
import { AlertFields, alertPayload, alertRules, NO_ALERT, type AlertValues } from './AlertFields.js';
import { useCentreServices, useCentreUnits, useOpenNow, type VisitPerson } from './reception-api.js';

interface Values extends AlertValues {
  language: string | null;
  interpreterNeeded: boolean;
  priorityReasons: PriorityReason[];
  purpose: string;
  serviceIds: string[];
}

/** What the person needs, in the host language, and the services they go to, in order; then issue. */
export function VisitForm({ centre, person, onIssued }: { centre: Centre; person: VisitPerson | null; onIssued: (visit: Visit) => void }) {
  const intl = useIntl();
  const localised = useLocalised();
  const languageName = useLanguageName();
  const client = useQueryClient();
  const services = useCentreServices(centre.id);
  const units = useCentreUnits(centre.id);
  const openNow = useOpenNow(centre);
  // One key per visit being prepared: a double click or a retry returns the same visit, not a second one.
  const key = useRef(newIdempotencyKey());
  const form = useForm<Values>({
    initialValues: { language: null, interpreterNeeded: false, priorityReasons: [], purpose: '', serviceIds: [], ...NO_ALERT },
    validate: {
      language: (value) => (value ? null : intl.formatMessage({ id: 'reception.languageRequired' })),
      serviceIds: (value) => (value.length > 0 ? null : intl.formatMessage({ id: 'reception.servicesRequired' })),
      ...alertRules(intl),
    },
  });
  const preferred = person?.kind === 'person' ? person.person.preferredLanguage : null;
  useEffect(() => {
    if (preferred && !form.getValues().language) form.setFieldValue('language', preferred);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [preferred]);

  const issue = useApiMutation<Visit, Values>({
    // The server names a service by its position ("serviceIds.0": closed, archived): show it on the list.
    form: { setFieldError: (path, error) => form.setFieldError(path.replace(/^serviceIds\.\d+$/, 'serviceIds').replace(/^alert\.recipient$/, 'alertRecipient'), error) },
    mutationFn: (values) =>
      api.post<Visit>(
        '/api/v1/queue/visits',
        { centreId: centre.id, personId: person?.kind === 'person' ? person.person.id : null, language: values.language, purpose: values.purpose, interpreterNeeded: values.interpreterNeeded, priorityReasons: values.priorityReasons, serviceIds: values.serviceIds, ...alertPayload(values) },
        idempotent(key.current),
      ),
    onSuccess: (visit) => {
      key.current = newIdempotencyKey();
      form.reset();
      void client.invalidateQueries({ queryKey: queueKeys.visits(centre.id) });
      onIssued(visit);
    },
  });

  const live = (services.data ?? []).filter((service) => !service.archivedAt);
  const serviceOptions = (units.data ?? [])
    .map((unit) => ({ group: unit.name, items: live.filter((service) => service.unitId === unit.id).map((service) => ({ value: service.id, label: `${service.ticketPrefix} · ${localised(service.names)}` })) }))
    .filter((group) => group.items.length > 0);
  const label = (id: string) => serviceOptions.flatMap((group) => group.items).find((item) => item.value === id)?.label ?? id;
  const chosen = form.getValues().serviceIds;

  return (
    <form onSubmit={form.onSubmit((values) => issue.mutate(values))}>
      <Stack gap="sm">
        {openNow.data && !openNow.data.open ? (
          <Alert color="orange" data-testid="centre-closed">
            <FormattedMessage id="reception.closedNow" values={{ hours: openNow.data.intervals.map((interval) => `${interval.opens}–${interval.closes}`).join(', ') || '—' }} />
          </Alert>
        ) : null}
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label={<FormattedMessage id="reception.language" />}
            data={[...new Set([...(preferred ? [preferred] : []), ...COMMON_LANGUAGES])].map((code) => ({ value: code, label: languageName(code) }))}
            searchable
            withAsterisk
            comboboxProps={{ withinPortal: true }}
            miw={200}
            {...form.getInputProps('language')}
          />
          <Switch mt={{ base: 0, sm: 32 }} label={<FormattedMessage id="staffQueue.interpreterNeeded" />} {...form.getInputProps('interpreterNeeded', { type: 'checkbox' })} />
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            <FormattedMessage id="reception.priority" />
          </Text>
          <Chip.Group multiple {...form.getInputProps('priorityReasons')}>
            <Group gap={6}>
              {PRIORITY_REASONS.map((reason) => (
                <Chip key={reason} value={reason} size="sm" color={reason === 'emergency' ? 'red' : 'orange'}>
                  {intl.formatMessage({ id: `staffQueue.priority.${reason}` })}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Stack>
        <Textarea label={<FormattedMessage id="reception.purpose" />} description={<FormattedMessage id="reception.purposeHint" />} autosize minRows={2} maxLength={2000} {...form.getInputProps('purpose')} />
        <MultiSelect
          label={<FormattedMessage id="reception.services" />}
          description={<FormattedMessage id="reception.servicesHint" />}
          data={serviceOptions}
          searchable
          withAsterisk
          comboboxProps={{ withinPortal: true }}
          maxValues={5}
          {...form.getInputProps('serviceIds')}
        />
        {chosen.length > 1 ? (
          <List type="ordered" size="sm" data-testid="service-order">
            {chosen.map((id) => (
              <List.Item key={id}>{label(id)}</List.Item>
            ))}
          </List>
        ) : null}
        <AlertFields form={form} />
        <Button type="submit" size="lg" loading={issue.isPending} disabled={!person}>
          <FormattedMessage id="reception.issue" values={{ count: Math.max(chosen.length, 1) }} />
        </Button>
        {!person ? (
          <Text size="xs" c="dimmed" ta="center">
            <FormattedMessage id="reception.personFirst" />
          </Text>
        ) : null}
      </Stack>
    </form>
  );
}
