import { Anchor, Badge, Button, Center, Group, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { api } from '../../../app/api.js';
import type { PartnerSummary } from './partners-api.js';
import { Loading } from '../../../ui/Loading.js';

/** The knowledge area's "Partners" tab: outside organisations in the directory, each opened in the editor. */
export function PartnersPanel() {
  const partners = useQuery({ queryKey: ['directory-partners'], queryFn: () => api.get<PartnerSummary[]>('/api/v1/directory/partners') });
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Text c="gray.7" maw={640}>
          <FormattedMessage id="directory.partners.description" />
        </Text>
        <Button component={Link} to="/office/knowledge/partners/new" leftSection={<IconPlus size={18} />} data-testid="new-partner">
          <FormattedMessage id="directory.partners.new" />
        </Button>
      </Group>
      {partners.isPending ? (
        <Center py="xl"><Loading /></Center>
      ) : partners.isError ? (
        <Text c="red">{partners.error.message}</Text>
      ) : partners.data.length === 0 ? (
        <Text><FormattedMessage id="directory.partners.empty" /></Text>
      ) : (
        <Table striped highlightOnHover data-testid="partner-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th><FormattedMessage id="directory.field.name" /></Table.Th>
              <Table.Th><FormattedMessage id="directory.field.partnerType" /></Table.Th>
              <Table.Th><FormattedMessage id="directory.partner.services" /></Table.Th>
              <Table.Th><FormattedMessage id="directory.partners.origin" /></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {partners.data.map((partner) => (
              <Table.Tr key={partner.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/office/knowledge/partners/${partner.id}`} data-testid="partner-link">
                    {partner.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{partner.partnerType ? <FormattedMessage id={`directory.partnerType.${partner.partnerType}`} /> : <Text span c="dimmed"><FormattedMessage id="directory.partnerType.none" /></Text>}</Table.Td>
                <Table.Td>{partner.services}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={partner.origin === 'import' ? 'gray' : 'grape'}>
                    <FormattedMessage id={`directory.origin.${partner.origin}`} />
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
