import { Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { createIntl, createIntlCache, useIntl, type IntlShape } from 'react-intl';
import { findLocale, HOST_LOCALE } from '../../../shared/locales.js';
import { loadCatalogue } from '../../app/i18n.js';
import { ListenButton } from '../../ui/ListenButton.js';
import type { PersonBooking, TodaysTicket } from './phone-api.js';
import { statusSentences } from './status-text.js';

const cache = createIntlCache();

/** The messages of another interface language (the person's), for reading their status out to them. */
function useIntlIn(code: string): IntlShape | null {
  const [intl, setIntl] = useState<IntlShape | null>(null);
  useEffect(() => {
    let current = true;
    void loadCatalogue(code).then((messages) => {
      if (current) setIntl(createIntl({ locale: code, messages, defaultLocale: HOST_LOCALE }, cache));
    });
    return () => {
      current = false;
    };
  }, [code]);
  return intl;
}

/**
 * "Tell them their status": plain sentences in the person's preferred language when the interface
 * has it (the host language otherwise), to read out or play with Listen.
 */
export function StatusReadout({ preferredLanguage, bookings, tickets }: { preferredLanguage: string | null; bookings: PersonBooking[]; tickets: TodaysTicket[] }) {
  const own = useIntl();
  const locale = findLocale(preferredLanguage) ?? findLocale(HOST_LOCALE)!;
  const intl = useIntlIn(locale.code);
  const languageName = new Intl.DisplayNames([own.locale], { type: 'language' }).of(locale.code) ?? locale.code;
  const lines = intl ? statusSentences(intl, bookings, tickets) : [];
  return (
    <Card withBorder bg="oneroof.0" data-testid="status-readout">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h5">
            {own.formatMessage({ id: 'phone.status.title' }, { language: languageName })}
          </Title>
          {intl ? <ListenButton lang={locale.code} text={() => lines.join(' ')} size="md" /> : <Loader size="xs" />}
        </Group>
        {preferredLanguage && !findLocale(preferredLanguage) ? (
          <Text size="xs" c="dimmed">
            {own.formatMessage({ id: 'phone.status.noInterfaceLanguage' }, { language: new Intl.DisplayNames([own.locale], { type: 'language' }).of(preferredLanguage) ?? preferredLanguage })}
          </Text>
        ) : null}
        <Stack gap={4} lang={locale.code} dir={locale.dir}>
          {lines.map((line) => (
            <Text key={line} size="md">
              {line}
            </Text>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
