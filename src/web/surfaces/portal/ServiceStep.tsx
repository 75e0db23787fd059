import { Badge, Group, List, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useLocale } from '../../app/i18n.js';
import { nameIn, type PortalCentre, type PortalService } from './portal-api.js';

/** Big, plain choices: one card per service, grouped by who provides it. */
export function ServiceStep({ services, onPick }: { services: PortalService[]; onPick: (service: PortalService) => void }) {
  const { locale } = useLocale();
  const groups = [...new Set(services.map((service) => service.group))];
  return (
    <Stack gap="lg">
      {groups.map((group) => (
        <Stack key={group} gap="xs">
          <Title order={2} size="h4" c="gray.8">
            {group}
          </Title>
          {services
            .filter((service) => service.group === group)
            .map((service) => (
              <ChoiceCard key={service.code} onClick={() => onPick(service)} testId="service-choice" title={nameIn(service.names, locale.code)}>
                {service.requiredDocuments.length > 0 ? (
                  <Text size="sm" c="gray.7">
                    <FormattedMessage id="portal.service.bring" values={{ documents: service.requiredDocuments.map((document) => nameIn(document.names, locale.code)).join(', ') }} />
                  </Text>
                ) : null}
              </ChoiceCard>
            ))}
        </Stack>
      ))}
    </Stack>
  );
}

export function CentreStep({ centres, onPick }: { centres: PortalCentre[]; onPick: (centre: PortalCentre) => void }) {
  return (
    <Stack gap="xs">
      {centres.map((centre) => (
        <ChoiceCard key={centre.id} onClick={() => onPick(centre)} testId="centre-choice" title={centre.name}>
          <Text size="sm" c="gray.7">
            {[centre.address.street, [centre.address.postalCode, centre.address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}
          </Text>
        </ChoiceCard>
      ))}
    </Stack>
  );
}

function ChoiceCard({ title, children, onClick, testId }: { title: string; children?: React.ReactNode; onClick: () => void; testId: string }) {
  return (
    <UnstyledButton onClick={onClick} data-testid={testId} style={{ display: 'block', inlineSize: '100%' }}>
      <Paper p="md" radius="lg" withBorder mih={64} style={{ cursor: 'pointer' }}>
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Stack gap={2}>
            <Text fw={700} size="lg">
              {title}
            </Text>
            {children}
          </Stack>
          <IconChevronRight size={24} aria-hidden style={{ flexShrink: 0, transform: 'scaleX(var(--portal-flip, 1))' }} />
        </Group>
      </Paper>
    </UnstyledButton>
  );
}

/** What to bring, as a list. */
export function DocumentsList({ service }: { service: PortalService }) {
  const { locale } = useLocale();
  const intl = useIntl();
  if (service.requiredDocuments.length === 0) return <Badge variant="light">{intl.formatMessage({ id: 'portal.service.nothingToBring' })}</Badge>;
  return (
    <List spacing={4}>
      {service.requiredDocuments.map((document) => (
        <List.Item key={JSON.stringify(document.names)}>{nameIn(document.names, locale.code)}</List.Item>
      ))}
    </List>
  );
}
