import { useEffect, useState } from 'react';

/**
 * Reading aloud with the Web Speech API (DESIGN §6): screens announce calls, kiosks and the phone
 * view read their content for people who read poorly. Voices come from the device; a language
 * without a voice is reported so the page can say so instead of staying silent.
 */

export interface Utterance {
  lang: string;
  text: string;
}

function synth(): SpeechSynthesis | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;
}

export function voiceFor(lang: string): SpeechSynthesisVoice | undefined {
  const voices = synth()?.getVoices() ?? [];
  const base = lang.toLowerCase().split('-')[0]!;
  return voices.find((voice) => voice.lang.toLowerCase() === lang.toLowerCase()) ?? voices.find((voice) => voice.lang.toLowerCase().split(/[-_]/)[0] === base);
}

/** Ticket numbers are read one character at a time: "A042" → "A, 0, 4, 2". */
export function spellOut(code: string): string {
  return [...code].join(', ');
}

/** Queues the texts in order; texts in a language without a voice are skipped. Returns how many will be spoken. */
export function speak(utterances: readonly Utterance[], options: { interrupt?: boolean } = {}): number {
  const speech = synth();
  if (!speech) return 0;
  if (options.interrupt) speech.cancel();
  let spoken = 0;
  for (const { lang, text } of utterances) {
    const voice = voiceFor(lang);
    if (!voice) continue;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = voice.lang;
    utterance.voice = voice;
    utterance.rate = 0.9;
    speech.speak(utterance);
    spoken++;
  }
  return spoken;
}

export function stopSpeaking(): void {
  synth()?.cancel();
}

/** Whether the device has a voice for a language; voices load after the page, so this updates. */
export function useHasVoice(lang: string): boolean {
  const [has, setHas] = useState(() => voiceFor(lang) !== undefined);
  useEffect(() => {
    const speech = synth();
    if (!speech) return;
    const update = () => setHas(voiceFor(lang) !== undefined);
    update();
    speech.addEventListener('voiceschanged', update);
    return () => speech.removeEventListener('voiceschanged', update);
  }, [lang]);
  return has;
}
