import { Alert, Button, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowBack, IconBackspace, IconCalendarCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { useLocale } from '../../app/i18n.js';
import { cameraScanAvailable, KioskCameraScan } from './KioskCameraScan.js';
import { checkInAtKiosk, keepReferenceCharacters, REFERENCE_KEYS, REFERENCE_LENGTH, referenceFrom, refusalOf, type CheckInRefusal, type KioskCheckIn } from './kiosk-checkin.js';

/**
 * "I have an appointment": the booking reference typed on a large keypad, typed by a hardware QR
 * scanner into the focused field (the reference or the whole link of the confirmation), or read by
 * the camera where the browser can. Ends on the ticket the check-in issued.
 */
export function KioskCheckInStep({ centreId, token, onBack, onCheckedIn }: { centreId: string; token: string; onBack: () => void; onCheckedIn: (ticket: KioskCheckIn) => void }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const [typed, setTyped] = useState('');
  const [incomplete, setIncomplete] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const checkIn = useMutation({ mutationFn: (reference: string) => checkInAtKiosk(centreId, token, reference), onSuccess: onCheckedIn });

  const submit = (text: string) => {
    const reference = referenceFrom(text);
    if (!reference) {
      checkIn.reset();
      setTyped(keepReferenceCharacters(text));
      setIncomplete(true);
      return;
    }
    setIncomplete(false);
    setTyped(reference);
    checkIn.mutate(reference);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(typed);
  };
  // A scanner types a whole link (with ':' and '/') then Enter; a person types the reference only.
  const onType = (value: string) => setTyped(/[:/.#]/.test(value) ? value.slice(0, 300) : keepReferenceCharacters(value));
  const press = (key: string) => setTyped((current) => keepReferenceCharacters(current + key));
  // Keys keep the focus in the field, so a scanner's typing always lands there.
  const keepFocus = (event: { preventDefault: () => void }) => event.preventDefault();
  const refusal = checkIn.error ? refusalOf(checkIn.error) : null;

  return (
    <Stack p="xl" gap="lg" component="form" onSubmit={onSubmit}>
      <Group justify="space-between" className="kiosk-no-print">
        <Button size="xl" mih={64} variant="default" leftSection={<IconArrowBack size={28} style={{ transform: locale.dir === 'rtl' ? 'scaleX(-1)' : undefined }} />} onClick={onBack}>
          <FormattedMessage id="kiosk.checkIn.back" />
        </Button>
      </Group>
      <Title order={1} fz={44}>
        <FormattedMessage id="kiosk.checkIn.title" />
      </Title>
      <Text fz={24}>
        <FormattedMessage id="kiosk.checkIn.help" />
      </Text>
      <TextInput
        ref={field}
        autoFocus
        value={typed}
        onChange={(event) => onType(event.currentTarget.value)}
        label={<Text fz={24} fw={700} span><FormattedMessage id="kiosk.checkIn.field" /></Text>}
        // The kiosk has its own keypad; the scanner types like a keyboard.
        inputMode="none"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        dir="ltr"
        size="xl"
        styles={{ input: { fontSize: 48, height: 88, letterSpacing: '0.2em', fontFamily: 'monospace', textAlign: 'center' } }}
        data-testid="kiosk-reference"
      />
      {incomplete ? (
        <Alert color="orange" role="alert">
          <Text fz={24}>
            <FormattedMessage id="kiosk.checkIn.incomplete" values={{ count: REFERENCE_LENGTH }} />
          </Text>
        </Alert>
      ) : null}
      {refusal ? <Refusal refusal={refusal} intl={intl} /> : null}
      <SimpleGrid cols={8} spacing="sm" dir="ltr" role="group" aria-label={intl.formatMessage({ id: 'kiosk.checkIn.keypad' })}>
        {REFERENCE_KEYS.map((key) => (
          <Button key={key} type="button" h={80} fz={36} variant="white" c="dark" bd="2px solid var(--mantine-color-gray-5)" onMouseDown={keepFocus} onClick={() => press(key)} disabled={keepReferenceCharacters(typed).length >= REFERENCE_LENGTH}>
            {key}
          </Button>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={4} spacing="sm">
        <Button type="button" h={80} fz={26} variant="default" leftSection={<IconBackspace size={32} />} onMouseDown={keepFocus} onClick={() => setTyped((current) => keepReferenceCharacters(current).slice(0, -1))} aria-label={intl.formatMessage({ id: 'kiosk.checkIn.delete' })}>
          <FormattedMessage id="kiosk.checkIn.deleteShort" />
        </Button>
        <Button type="button" h={80} fz={26} variant="default" onMouseDown={keepFocus} onClick={() => { setTyped(''); setIncomplete(false); checkIn.reset(); field.current?.focus(); }}>
          <FormattedMessage id="kiosk.checkIn.clear" />
        </Button>
        <Button type="submit" h={80} fz={30} style={{ gridColumn: 'span 2' }} leftSection={<IconCalendarCheck size={32} />} loading={checkIn.isPending} data-testid="kiosk-check-in">
          <FormattedMessage id="kiosk.checkIn.submit" />
        </Button>
      </SimpleGrid>
      {cameraScanAvailable() ? <KioskCameraScan onScanned={submit} /> : null}
    </Stack>
  );
}

/** The refusal in plain words, with what to do next. */
function Refusal({ refusal, intl }: { refusal: CheckInRefusal; intl: IntlShape }) {
  const values: Record<string, string> =
    refusal.kind === 'tooEarly'
      ? { time: refusal.time }
      : refusal.kind === 'notToday'
        ? { time: refusal.time, date: intl.formatDate(`${refusal.date}T12:00:00Z`, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }) }
        : refusal.kind === 'otherCentre'
          ? { centre: refusal.centreName }
          : {};
  return (
    <Alert color="red" variant="light" role="alert" title={<Text fz={28} fw={700} span><FormattedMessage id="kiosk.checkIn.refused" /></Text>} data-testid="kiosk-check-in-refusal" data-reason={refusal.kind}>
      <Text fz={26}>{intl.formatMessage({ id: `kiosk.checkIn.${refusal.kind}` }, values)}</Text>
    </Alert>
  );
}
