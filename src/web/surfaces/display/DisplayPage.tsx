import { Box, Button, Center, Stack, Text } from '@mantine/core';
import { IconVolume, IconWifiOff } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { useParams, useSearchParams } from 'react-router';
import { api, ApiError } from '../../app/api.js';
import { useRealtime, type RealtimeEnvelope } from '../../app/realtime.js';
import { announce, audioContext, soundBlocked } from './announcer.js';
import { DISPLAY_EVENT_TYPES, displayStateUrl, displayStreamUrl, mergeCalls, useAnnouncementIntls, type DisplayCall, type DisplayState } from './display-api.js';
import classes from './display.module.css';

/**
 * The information screen (DESIGN §6): the latest calls, the newest highlighted, readable at 5 m.
 * Push only: the state is fetched when the stream (re)connects or resets, then calls arrive live.
 */
export function DisplayPage() {
  const { centreId = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const queryClient = useQueryClient();
  const queryKey = ['public-display', centreId, token];
  const state = useQuery({ queryKey, queryFn: () => api.get<DisplayState>(displayStateUrl(centreId, token)), enabled: token !== '' });
  const [live, setLive] = useState<DisplayCall[]>([]);
  const [online, setOnline] = useState(true);
  const [muted, setMuted] = useState(soundBlocked);
  const intls = useAnnouncementIntls(state.data?.centre.announcementLanguages);
  const refused = state.error instanceof ApiError && (state.error.status === 401 || state.error.status === 403);

  const onEvent = (event: RealtimeEnvelope) => {
    if (event.type === 'error') return setOnline(false);
    if (event.type === 'open' || event.type === 'reset') {
      // Whatever happened while disconnected, the server's state is the truth.
      setOnline(true);
      setLive([]);
      void queryClient.invalidateQueries({ queryKey });
      return;
    }
    const call = event.payload as unknown as DisplayCall;
    setLive((calls) => [call, ...calls]);
    void announce(call, intls);
  };

  const page = useIntl();
  if (!token || refused) return <Refused missing={!token} />;
  const calls = mergeCalls(live, state.data?.calls);
  const [newest, ...earlier] = calls;
  return (
    <Box className={classes.screen}>
      <Subscription url={displayStreamUrl(centreId, token)} types={[...DISPLAY_EVENT_TYPES, 'open', 'error']} onEvent={onEvent} />
      <header className={classes.header}>
        <span className={classes.centreName}>{state.data?.centre.name}</span>
        <Clock timeZone={state.data?.centre.timeZone} />
      </header>
      {newest ? (
        <section key={`${newest.ticketId}:${newest.callCount}`} className={classes.newest} aria-live="assertive" data-testid="display-newest">
          <div>
            <div className={classes.label}>
              <Bilingual id="display.ticket" intls={intls} />
            </div>
            <div className={classes.newestNumber}>{newest.number}</div>
          </div>
          <div className={classes.arrow} aria-hidden>
            ➜
          </div>
          <div>
            <div className={classes.label}>
              <Bilingual id="display.counter" intls={intls} />
            </div>
            <div className={classes.newestNumber}>{newest.counterLabel}</div>
          </div>
          <div className={classes.service}>{serviceName(newest, intls, page.locale)}</div>
        </section>
      ) : (
        <Center className={classes.empty}>
          <FormattedMessage id="display.noCalls" />
        </Center>
      )}
      <ol className={classes.earlier} aria-label={page.formatMessage({ id: 'display.earlierCalls' })}>
        {earlier.slice(0, 5).map((call) => (
          <li key={`${call.ticketId}:${call.callCount}:${call.at}`} className={classes.row}>
            <span>{call.number}</span>
            <span className={classes.rowCounter}>
              <Bilingual id="display.counter" intls={intls} max={1} /> {call.counterLabel}
            </span>
          </li>
        ))}
      </ol>
      <footer className={classes.footer}>
        {!online ? (
          <span role="status">
            <IconWifiOff size={28} /> <FormattedMessage id="display.reconnecting" />
          </span>
        ) : null}
        {muted ? (
          <Button size="lg" color="yellow" c="dark" leftSection={<IconVolume size={28} />} onClick={() => void audioContext()?.resume().then(() => setMuted(soundBlocked()))}>
            <FormattedMessage id="display.enableSound" />
          </Button>
        ) : null}
      </footer>
    </Box>
  );
}

/** A heading in the first announcement languages ("Senha · Ticket"), or the page's language. */
function Bilingual({ id, intls, max = 2 }: { id: string; intls: readonly IntlShape[]; max?: number }) {
  const page = useIntl();
  const texts = intls.length > 0 ? intls.slice(0, max).map((intl) => intl.formatMessage({ id })) : [page.formatMessage({ id })];
  return <>{[...new Set(texts)].join(' · ')}</>;
}

function Clock({ timeZone }: { timeZone: string | undefined }) {
  const intl = useIntl();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 15_000);
    return () => clearInterval(timer);
  }, []);
  return <time>{intl.formatTime(now, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone })}</time>;
}

function Refused({ missing }: { missing: boolean }) {
  return (
    <Center className={classes.screen}>
      <Stack align="center" p="xl">
        <Text fz={48} fw={700} ta="center">
          <FormattedMessage id={missing ? 'display.tokenMissing' : 'display.tokenRefused'} />
        </Text>
        <Text fz={28} ta="center">
          <FormattedMessage id="display.tokenHelp" />
        </Text>
      </Stack>
    </Center>
  );
}

/** Listens only while rendered: a refused token opens no stream. */
function Subscription({ url, types, onEvent }: { url: string; types: readonly string[]; onEvent: (event: RealtimeEnvelope) => void }) {
  useRealtime(types, onEvent, url);
  return null;
}

/** The service in the first announcement language (the host language, usually), as people read the screen. */
function serviceName(call: DisplayCall, intls: readonly IntlShape[], fallback: string): string {
  const language = intls[0]?.locale ?? fallback;
  return call.serviceNames[language] ?? call.serviceNames.pt ?? Object.values(call.serviceNames)[0] ?? '';
}
