import 'altcha';
import 'altcha/types/react';
import type { AltchaWidgetElement } from 'altcha/types/generic';
import { useCallback, useEffect, useRef } from 'react';

/**
 * The proof-of-work a public hold needs (altcha): the invisible widget solves a challenge in the
 * background while the person reads, so taking a time does not wait. Each solution is used once;
 * the next one is solved as soon as the last is taken.
 */
const CHALLENGE_URL = '/api/v1/public/appointments/challenge';
const CONFIGURATION = JSON.stringify({ hideFooter: true, hideLogo: true });

export function useProofOfWork(): { widget: React.ReactNode; take: () => Promise<string | undefined> } {
  const element = useRef<AltchaWidgetElement | null>(null);
  const next = useRef<Promise<string | undefined> | null>(null);

  const solve = useCallback((): Promise<string | undefined> => {
    const widget = element.current;
    if (!widget?.verify) return Promise.resolve(undefined);
    return widget.verify().then(
      (result) => result?.payload ?? undefined,
      () => undefined,
    );
  }, []);

  useEffect(() => {
    const widget = element.current;
    if (!widget) return;
    const start = () => {
      next.current = solve();
    };
    // The element upgrades asynchronously: its methods exist once it is defined.
    void customElements.whenDefined('altcha-widget').then(() => setTimeout(start, 0));
  }, [solve]);

  const take = useCallback(async () => {
    const payload = await (next.current ?? solve());
    next.current = solve();
    return payload;
  }, [solve]);

  const widget = (
    <div hidden>
      <altcha-widget ref={element as React.Ref<HTMLElement>} challenge={CHALLENGE_URL} display="invisible" auto="off" configuration={CONFIGURATION} data-testid="proof-of-work" />
    </div>
  );
  return { widget, take };
}
