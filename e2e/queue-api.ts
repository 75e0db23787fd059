import { expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { E2E_PASSWORD } from '../playwright.config.js';

/** A signed-in API client with its own cookies and the session's CSRF token on writes. */
export async function apiAs(baseURL: string, username: string) {
  const context: APIRequestContext = await playwrightRequest.newContext({ baseURL });
  const login = await context.post('/api/v1/auth/login', { data: { username, password: E2E_PASSWORD } });
  expect(login.ok()).toBe(true);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const call = async <T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, data?: unknown): Promise<T> => {
    const response = await context.fetch(url, { method, data, headers: method === 'GET' ? {} : { 'x-csrf-token': csrfToken } });
    expect(response.ok(), `${method} ${url}: ${response.status()} ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };
  return {
    get: <T>(url: string) => call<T>('GET', url),
    post: <T>(url: string, data: unknown = {}) => call<T>('POST', url, data),
    patch: <T>(url: string, data: unknown) => call<T>('PATCH', url, data),
    put: <T>(url: string, data: unknown) => call<T>('PUT', url, data),
    dispose: () => context.dispose(),
  };
}
export type Api = Awaited<ReturnType<typeof apiAs>>;

/** The test must not depend on the hour it runs at: Lisbon opens all of today. */
export async function openAllToday(manager: Api, centreId: string): Promise<void> {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Lisbon' }).format(new Date());
  const existing = await manager.get<{ id: string }[]>(`/api/v1/centres/${centreId}/exceptions?from=${today}&to=${today}`);
  const hours = { kind: 'special_hours', opens: '00:00', closes: '23:59', label: 'End-to-end test' };
  if (existing[0]) await manager.patch(`/api/v1/centres/${centreId}/exceptions/${existing[0].id}`, { ...hours, date: today });
  else await manager.post(`/api/v1/centres/${centreId}/exceptions`, { ...hours, date: today });
}

export interface Counter {
  id: string;
  label: string;
}

/** Takes a ticket at the kiosk (no sign-in, the kiosk's token) and returns its number and code. */
export async function kioskTicket(baseURL: string, centreId: string, kioskToken: string, serviceId: string, key: string): Promise<{ number: string; publicCode: string }> {
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const response = await anonymous.post(`/api/v1/public/kiosk/${centreId}/tickets`, { headers: { 'x-device-token': kioskToken, 'idempotency-key': key }, data: { serviceId, language: 'en' } });
  expect(response.status()).toBe(201);
  const ticket = (await response.json()) as { number: string; publicCode: string };
  await anonymous.dispose();
  return ticket;
}

/**
 * The officer at an open counter calls until the given ticket comes, serving those before it, and
 * returns with that ticket at the counter.
 */
export async function callUntil(officer: Api, counter: Counter, number: string): Promise<string> {
  for (let round = 0; round < 50; round++) {
    const queue = await officer.get<{ counter: { activeTicket: { id: string; state: string } | null } }>(`/api/v1/counters/${counter.id}/queue`);
    const active = queue.counter.activeTicket;
    if (active) {
      if (active.state === 'called') await officer.post(`/api/v1/queue/tickets/${active.id}/start`);
      await officer.post(`/api/v1/queue/tickets/${active.id}/end`, { outcome: 'resolved' });
    }
    const { ticket } = await officer.post<{ ticket: { id: string; number: string } | null }>(`/api/v1/counters/${counter.id}/call-next`);
    if (ticket?.number === number) return ticket.id;
    if (!ticket) throw new Error(`ticket ${number} never came`);
  }
  throw new Error(`ticket ${number} was not called within 50 calls`);
}

/** Ends the ticket at the counter and closes it: e2e specs share one server, the next finds it free. */
export async function serveAndClose(officer: Api, counter: Counter, ticketId: string): Promise<void> {
  await officer.post(`/api/v1/queue/tickets/${ticketId}/start`);
  await officer.post(`/api/v1/queue/tickets/${ticketId}/end`, { outcome: 'resolved' });
  await officer.post(`/api/v1/counters/${counter.id}/close`);
}

/**
 * Cancels every ticket waiting at an officer's counter (by label) except `keep`: specs share one
 * server, and a spec that presses "Call next" must find its own ticket first in line.
 */
export async function cancelOthersWaiting(officer: Api, counterLabel: string, keep: string): Promise<void> {
  const mine = await officer.get<{ items: { counter: { counterId: string; label: string } }[] }>('/api/v1/queue/my-counters');
  const counter = mine.items.find((item) => item.counter.label === counterLabel);
  if (!counter) throw new Error(`counter ${counterLabel} is not one this officer serves at`);
  const queue = await officer.get<{ waiting: { id: string; number: string }[] }>(`/api/v1/counters/${counter.counter.counterId}/queue`);
  for (const other of queue.waiting.filter((ticket) => ticket.number !== keep)) {
    await officer.post(`/api/v1/queue/tickets/${other.id}/cancel`, { note: 'cleared by a browser test' });
  }
}
