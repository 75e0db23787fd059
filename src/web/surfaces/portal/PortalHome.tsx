import { Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCalendarPlus, IconEdit, IconInfoCircle, IconTicket } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useNavigate } from 'react-router';
import { useLocale } from '../../app/i18n.js';
import { ListenButton } from '../../ui/ListenButton.js';
import { READABLE } from './DetailsStep.js';
import { PortalCard } from './PortalCard.js';
import { PortalLayout } from './PortalLayout.js';

/** The virtual One-Stop-Shop's front page: book, follow a ticket, or open a booking. */
export function PortalHome() {
  const intl = useIntl();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [ticketCode, setTicketCode] = useState('');
  const [reference, setReference] = useState('');
  const [secret, setSecret] = useState('');
  const t = (id: string) => intl.formatMessage({ id });

  const followTicket = (event: FormEvent) => {
    event.preventDefault();
    const code = ticketCode.trim();
    if (code) void navigate(`/t/${encodeURIComponent(code)}`);
  };
  const openBooking = (event: FormEvent) => {
    event.preventDefault();
    const ref = reference.toUpperCase().replace(/[\s-]/g, '');
    if (ref && secret.trim()) void navigate(`/b/${encodeURIComponent(ref)}#${encodeURIComponent(secret.trim())}`);
  };

  return (
    <PortalLayout>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>
            <FormattedMessage id="portal.home.title" />
          </Title>
          <Text size="lg">
            <FormattedMessage id="portal.home.intro" />
          </Text>
        </Stack>
        <ListenButton lang={locale.code} text={() => [t('portal.home.title'), t('portal.home.intro'), t('portal.home.book'), t('portal.home.bookHelp'), t('portal.home.ticket'), t('portal.home.manage'), t('portal.home.info'), t('portal.home.infoHelp')].join('. ')} />
        <PortalCard titleId="portal.home.book" helpId="portal.home.bookHelp">
          <Button component={Link} to="/book" size="xl" fullWidth leftSection={<IconCalendarPlus size={28} />} data-testid="start-booking">
            <FormattedMessage id="portal.home.bookButton" />
          </Button>
        </PortalCard>
        <PortalCard titleId="portal.home.ticket" onSubmit={followTicket}>
          <TextInput size="lg" label={t('portal.home.ticketCode')} styles={READABLE} description={t('portal.home.ticketCodeHelp')} value={ticketCode} onChange={(event) => setTicketCode(event.currentTarget.value)} autoCapitalize="characters" autoComplete="off" />
          <Button type="submit" size="lg" variant="light" fullWidth leftSection={<IconTicket size={24} />}>
            <FormattedMessage id="portal.home.ticketButton" />
          </Button>
        </PortalCard>
        <PortalCard titleId="portal.home.manage" helpId="portal.home.manageHelp" onSubmit={openBooking}>
          <TextInput size="lg" label={t('portal.field.reference')} value={reference} onChange={(event) => setReference(event.currentTarget.value)} autoCapitalize="characters" autoComplete="off" />
          <TextInput size="lg" label={t('portal.field.secret')} styles={READABLE} description={t('portal.field.secretHelp')} value={secret} onChange={(event) => setSecret(event.currentTarget.value)} autoComplete="off" />
          <Button type="submit" size="lg" variant="light" fullWidth leftSection={<IconEdit size={24} />}>
            <FormattedMessage id="portal.home.manageButton" />
          </Button>
        </PortalCard>
        <PortalCard titleId="portal.home.info" helpId="portal.home.infoHelp">
          <Button component={Link} to="/info" size="lg" variant="light" fullWidth leftSection={<IconInfoCircle size={24} />} data-testid="open-information">
            <FormattedMessage id="portal.home.infoButton" />
          </Button>
        </PortalCard>
      </Stack>
    </PortalLayout>
  );
}
