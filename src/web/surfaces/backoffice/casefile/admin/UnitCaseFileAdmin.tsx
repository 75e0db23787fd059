import { Card, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useServices } from '../../network/network-api.js';
import { useLocalised } from '../../../queue/queue-api.js';
import { ServiceWorkflowEditor } from './ServiceWorkflowEditor.js';
import { UnitFormsEditor } from './UnitFormsEditor.js';

/** On a unit's page, for its administrators: the form and the procedure workflow of each service (docs/casefile.md). */
export function UnitCaseFileAdmin({ unitId }: { unitId: string }) {
  const intl = useIntl();
  const localised = useLocalised();
  const services = useServices(unitId, false);
  const [chosen, setChosen] = useState<string | null>(null);
  const list = services.data ?? [];
  const serviceId = chosen ?? list[0]?.id ?? null;
  return (
    <Card withBorder data-testid="unit-casefile-admin">
      <Stack>
        <Title order={2} size="h4"><FormattedMessage id="casefile.admin.title" /></Title>
        {list.length === 0 ? (
          <Text c="gray.7"><FormattedMessage id="casefile.admin.noServices" /></Text>
        ) : (
          <>
            <Select label={<FormattedMessage id="casefile.admin.service" />} data={list.map((s) => ({ value: s.id, label: `${s.ticketPrefix} · ${localised(s.names)}` }))} value={serviceId} allowDeselect={false} onChange={setChosen} comboboxProps={{ withinPortal: true }} maw={480} />
            {serviceId ? (
              <Tabs defaultValue="form" keepMounted={false}>
                <Tabs.List aria-label={intl.formatMessage({ id: 'casefile.admin.title' })}>
                  <Tabs.Tab value="form"><FormattedMessage id="casefile.admin.formTab" /></Tabs.Tab>
                  <Tabs.Tab value="workflow"><FormattedMessage id="casefile.admin.workflowTab" /></Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="form" pt="md"><UnitFormsEditor unitId={unitId} serviceId={serviceId} /></Tabs.Panel>
                <Tabs.Panel value="workflow" pt="md"><ServiceWorkflowEditor serviceId={serviceId} /></Tabs.Panel>
              </Tabs>
            ) : null}
          </>
        )}
      </Stack>
    </Card>
  );
}
