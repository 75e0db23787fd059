import { createIntl, createIntlCache, type IntlShape } from 'react-intl';
import { HOST_LOCALE, findLocale } from '../../../shared/locales.js';
import { loadCatalogue } from '../../app/i18n.js';
import { speak, spellOut } from '../../ui/speech.js';

/**
 * The sound of a call on an information screen: a chime made with Web Audio (no audio files), then
 * the call spoken in each of the centre's announcement languages that has interface texts, with the
 * ticket number read character by character.
 */

const cache = createIntlCache();

/** One formatter per announcement language that has a message catalogue; others are left out. */
export async function announcementIntls(languages: readonly string[]): Promise<IntlShape[]> {
  const intls: IntlShape[] = [];
  for (const language of languages) {
    const locale = findLocale(language);
    if (!locale || intls.some((intl) => intl.locale === locale.code)) continue;
    const messages = await loadCatalogue(locale.code);
    intls.push(createIntl({ locale: locale.code, messages, defaultLocale: HOST_LOCALE }, cache));
  }
  return intls;
}

let context: AudioContext | null = null;

/** Browsers start audio suspended until a person touches the page; a wall screen is set up once. */
export function audioContext(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null;
  context ??= new AudioContext();
  return context;
}

export function soundBlocked(): boolean {
  return audioContext()?.state !== 'running';
}

/** Two soft rising tones, like a station's gong; resolves when they have sounded. */
export function chime(): Promise<void> {
  const audio = audioContext();
  if (!audio || audio.state !== 'running') return Promise.resolve();
  const start = audio.currentTime + 0.05;
  for (const [offset, frequency] of [
    [0, 659.25],
    [0.45, 880],
  ] as const) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.5, start + offset + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 1.2);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 1.25);
  }
  return new Promise((resolve) => setTimeout(resolve, 1300));
}

export interface AnnouncedCall {
  number: string;
  counterLabel: string;
}

/** Chime, then "Ticket A, 0, 4, 2, counter 7" in every announcement language. */
export async function announce(call: AnnouncedCall, intls: readonly IntlShape[]): Promise<void> {
  await chime();
  speak(
    intls.map((intl) => ({
      lang: intl.locale,
      text: intl.formatMessage({ id: 'display.speech.call' }, { number: spellOut(call.number), counter: spellOut(call.counterLabel) }),
    })),
  );
}
