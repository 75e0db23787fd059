import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.js';
import { useApiMutation } from '../../ui/forms.js';
import { idempotent, newIdempotencyKey, queueKeys } from '../queue/queue-api.js';

/** One request to the queue engine from the counter: a fresh Idempotency-Key each time, refetch after. */
export interface CounterRequest {
  url: string;
  body?: unknown;
}

export function useCounterRequest() {
  const client = useQueryClient();
  return useApiMutation<unknown, CounterRequest>({
    mutationFn: ({ url, body }) => api.post(url, body ?? {}, idempotent(newIdempotencyKey())),
    onSettled: () => client.invalidateQueries({ queryKey: queueKeys.all }),
  });
}

const STORAGE_KEY = 'oneroof.counter';

/** The counter chosen on this device, remembered between visits. */
export const rememberedCounter = {
  get: (): string | null => localStorage.getItem(STORAGE_KEY),
  set: (id: string | null) => (id ? localStorage.setItem(STORAGE_KEY, id) : localStorage.removeItem(STORAGE_KEY)),
};

/** True when a key press belongs to a field, a button or a menu rather than to the page. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return Boolean(target.closest('input, textarea, select, button, [contenteditable="true"], [role="listbox"], [role="dialog"], [role="combobox"]'));
}
