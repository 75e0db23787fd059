import { Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { usePartnerSearch, type PartnerSummary } from './casefile-api.js';

interface PartnerPickerProps {
  value: PartnerSummary | null;
  onChange(partner: PartnerSummary | null): void;
  error?: ReactNode;
  description?: ReactNode;
  required?: boolean;
}

/**
 * Picks a partner association from the service directory (docs/directory.md) by typing part of its
 * name: the search runs on the server, accents and case aside. The chosen partner stays listed while
 * the staff member types again.
 */
export function PartnerPicker({ value, onChange, error, description, required }: PartnerPickerProps) {
  const intl = useIntl();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  // Once chosen, the box shows the partner's name: that is not a new search.
  const query = value && search === value.name ? '' : debounced;
  const found = usePartnerSearch(query);
  const partners = [...(value ? [value] : []), ...(found.data ?? []).filter((partner) => partner.id !== value?.id)];
  const byId = new Map(partners.map((partner) => [partner.id, partner]));
  return (
    <Select
      label={<FormattedMessage id="casefile.consents.partner" />}
      placeholder={intl.formatMessage({ id: 'casefile.partners.placeholder' })}
      description={description}
      required={required}
      error={error}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // The server has filtered already, by every word and without accents.
      filter={({ options }) => options}
      data={partners.map((partner) => ({ value: partner.id, label: partner.name }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(id ? (byId.get(id) ?? null) : null)}
      nothingFoundMessage={found.isFetching ? intl.formatMessage({ id: 'common.loading' }) : intl.formatMessage({ id: 'casefile.partners.none' })}
      renderOption={({ option }) => {
        const partner = byId.get(option.value);
        const address = partner?.addresses[0];
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {address ? <Text size="xs" c="gray.7">{[address.address1, address.city].join(', ')}</Text> : null}
          </Stack>
        );
      }}
      comboboxProps={{ withinPortal: true }}
      data-testid="partner-picker"
    />
  );
}
