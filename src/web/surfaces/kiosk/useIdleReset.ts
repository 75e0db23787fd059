import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';

/** After this long without a touch the kiosk asks whether the person is still there… */
export const IDLE_MS = 60_000;
/** …and after this long without an answer it wipes the session and returns to the language picker. */
export const WARNING_MS = 20_000;

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart'] as const;

/**
 * The idle reset of a self-service terminal (DESIGN §6, EN 301 549): a warning that can be extended
 * before the session is wiped. Inactive while `active` is false (the language picker is the start).
 */
export function useIdleReset(active: boolean, onReset: () => void): { warning: boolean; secondsLeft: number; extend: () => void } {
  const [warning, setWarning] = useState(false);
  const [secondsLeft, setSecondsLeft] = useState(0);
  const lastActivity = useRef(0);
  // When the warning appeared (null: not shown); read by the timer and the activity listener.
  const warningSince = useRef<number | null>(null);
  const reset = useEffectEvent(onReset);

  const extend = useCallback(() => {
    lastActivity.current = Date.now();
    warningSince.current = null;
    setWarning(false);
  }, []);

  useEffect(() => {
    if (!active) return;
    lastActivity.current = Date.now();
    const touched = () => {
      // While the warning shows, only its own button extends: a stray touch must not hide it silently.
      if (warningSince.current === null) lastActivity.current = Date.now();
    };
    for (const type of ACTIVITY) window.addEventListener(type, touched, { passive: true });
    const timer = setInterval(() => {
      const now = Date.now();
      if (warningSince.current === null) {
        if (now - lastActivity.current < IDLE_MS) return;
        warningSince.current = now;
        setSecondsLeft(Math.ceil(WARNING_MS / 1000));
        setWarning(true);
        return;
      }
      const left = WARNING_MS - (now - warningSince.current);
      if (left > 0) return setSecondsLeft(Math.ceil(left / 1000));
      warningSince.current = null;
      setWarning(false);
      reset();
    }, 500);
    return () => {
      clearInterval(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, touched);
      warningSince.current = null;
      setWarning(false);
    };
  }, [active]);

  return { warning, secondsLeft, extend };
}
