import { Anchor, Group, Stack, Text } from '@mantine/core';
import { IconMail, IconMapPin, IconPhone } from '@tabler/icons-react';
import { FormattedMessage } from 'react-intl';
import type { PartnerRef } from './casefile-api.js';

/**
 * How to reach a partner association, from the service directory: phones (tap to call), e-mail and
 * address. A partner named in free text before the directory shows its name and a note instead.
 */
export function PartnerContact({ partner, withName = true }: { partner: PartnerRef; withName?: boolean }) {
  const address = partner.addresses[0];
  return (
    <Stack gap={2} data-testid="partner-contact">
      {withName ? <Text size="sm" fw={600}>{partner.name}</Text> : null}
      {partner.organizationId === null ? (
        <Text size="xs" c="gray.7">
          <FormattedMessage id="casefile.partners.notInDirectory" />
        </Text>
      ) : null}
      {partner.phones.length > 0 ? (
        <Group gap="xs" wrap="wrap">
          <IconPhone size={14} aria-hidden />
          {partner.phones.map((phone) => (
            <Anchor key={phone.number} size="sm" href={`tel:${phone.number.replace(/[^\d+]/g, '')}`} dir="ltr">
              {phone.number}
              {phone.extension ? ` (${phone.extension})` : ''}
            </Anchor>
          ))}
        </Group>
      ) : null}
      {partner.email ? (
        <Group gap="xs" wrap="nowrap">
          <IconMail size={14} aria-hidden />
          <Anchor size="sm" href={`mailto:${partner.email}`} dir="ltr">{partner.email}</Anchor>
        </Group>
      ) : null}
      {address ? (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconMapPin size={14} aria-hidden style={{ marginBlockStart: 3 }} />
          <Text size="sm">{[address.address1, address.address2, [address.postalCode, address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}</Text>
        </Group>
      ) : null}
    </Stack>
  );
}
