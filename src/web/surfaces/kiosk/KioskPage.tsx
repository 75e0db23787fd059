import { Box, Button, Center, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams, useSearchParams } from 'react-router';
import { HOST_LOCALE, INTERFACE_LOCALES } from '../../../shared/locales.js';
import { useLocale } from '../../app/i18n.js';
import { loadMoreScripts } from '../../app/fonts.js';
import { registerInformationWorker } from '../../app/offline.js';
import { useRotatingGreeting } from '../../app/greetings.js';
import type { KioskTicket } from './kiosk-api.js';
import { KioskServiceStep } from './KioskServiceStep.js';
import { KioskTicketStep } from './KioskTicketStep.js';
import { useIdleReset } from './useIdleReset.js';
import { KioskInfoEntry } from './info/KioskInfoEntry.js';
import { KioskCheckInEntry } from './KioskCheckInEntry.js';
import { KioskCheckInStep } from './KioskCheckInStep.js';
import './kiosk.css';

/**
 * The steps of the kiosk. After the language, next to the services, "I have an appointment" leads to
 * the check-in step (booking reference or QR), which ends on the same ticket step with the ticket the
 * check-in issued.
 */
type Step = { name: 'language' } | { name: 'services' } | { name: 'check-in' } | { name: 'ticket'; ticket: KioskTicket };

/** The touch kiosk at a centre's door (DESIGN §6): language first, then a service, then a printed ticket. */
export function KioskPage() {
  const { centreId = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { setLocale } = useLocale();
  const [step, setStep] = useState<Step>({ name: 'language' });
  const startOver = () => {
    setStep({ name: 'language' });
    setLocale(HOST_LOCALE);
  };
  const idle = useIdleReset(step.name !== 'language', startOver);

  // A kiosk reloaded in the middle of someone's session starts from the beginning.
  useEffect(() => setLocale(HOST_LOCALE), [setLocale]);
  // Installed from the start screen, so the information mode is ready offline before anyone opens it.
  useEffect(() => registerInformationWorker('kiosk'), []);

  return (
    <Box mih="100vh" bg="gray.0" className="kiosk">
      {step.name === 'language' ? (
        <LanguageStep
          onChoose={(code) => {
            setLocale(code);
            setStep({ name: 'services' });
          }}
        />
      ) : step.name === 'services' ? (
        <>
          {token ? <KioskCheckInEntry onChoose={() => setStep({ name: 'check-in' })} /> : null}
          <KioskServiceStep centreId={centreId} token={token} onBack={startOver} onIssued={(ticket) => setStep({ name: 'ticket', ticket })} />
        </>
      ) : step.name === 'check-in' ? (
        <KioskCheckInStep centreId={centreId} token={token} onBack={() => setStep({ name: 'services' })} onCheckedIn={(ticket) => setStep({ name: 'ticket', ticket })} />
      ) : (
        <KioskTicketStep ticket={step.ticket} onDone={startOver} />
      )}
      {step.name === 'language' ? <KioskInfoEntry centreId={centreId} token={token} /> : null}
      <Text className="kiosk-no-print" ta="center" size="xl" py="lg" c="dark.6">
        <FormattedMessage id="kiosk.askStaff" />
      </Text>
      <Modal opened={idle.warning} onClose={idle.extend} centered size="lg" withCloseButton={false} title={<FormattedMessage id="kiosk.idle.title" />}>
        <Stack gap="lg">
          <Text size="xl" role="timer" aria-live="polite">
            <FormattedMessage id="kiosk.idle.body" values={{ seconds: idle.secondsLeft }} />
          </Text>
          <Button size="xl" mih={64} onClick={idle.extend} data-autofocus>
            <FormattedMessage id="kiosk.idle.extend" />
          </Button>
        </Stack>
      </Modal>
    </Box>
  );
}

/**
 * Language first, each by its own name. The question is asked in the kiosk's current language and,
 * beside it, in each other language in turn (twenty lines at once would not fit a kiosk screen).
 */
function LanguageStep({ onChoose }: { onChoose: (code: string) => void }) {
  const intl = useIntl();
  const other = useRotatingGreeting('kiosk.chooseLanguage', intl.locale);
  // Every language's name is drawn in its own script from the first moment.
  useEffect(() => void loadMoreScripts(), []);
  return (
    <Center mih="75vh" px="xl" pt="xl">
      <Stack align="center" gap="xl" w="100%" maw={1000}>
        <Stack gap={4} align="center">
          <Title order={1} fz={48} ta="center">
            <FormattedMessage id="kiosk.chooseLanguage" />
          </Title>
          {/* Hidden from screen readers: a line changing every few seconds would interrupt them. */}
          <Text fz={32} fw={700} c="dark.5" ta="center" mih={48} lang={other?.lang} dir={other?.dir} aria-hidden="true" data-testid="kiosk-language-rotating">
            {other?.text}
          </Text>
        </Stack>
        <SimpleGrid cols={{ base: 1, xs: 2 }} w="100%" spacing="md" verticalSpacing="md">
          {INTERFACE_LOCALES.map((locale) => (
            <Button key={locale.code} fullWidth h={96} fz={34} variant="white" c="dark" bd="3px solid var(--mantine-color-oneroof-6)" lang={locale.code} dir={locale.dir} onClick={() => onChoose(locale.code)}>
              {locale.nativeName}
            </Button>
          ))}
        </SimpleGrid>
      </Stack>
    </Center>
  );
}
