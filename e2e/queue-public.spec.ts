import { expect, request as playwrightRequest, test, type Browser, type Page } from '@playwright/test';
import { apiAs, openAllToday, type Api } from './queue-api.js';
import { saveScreenshot } from './support.js';

async function pageOf(browser: Browser, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'en-GB' });
  return context.newPage();
}

interface Counter {
  id: string;
  label: string;
}
interface CalledTicket {
  id: string;
  number: string;
}

/** The officer opens a counter of the unit and calls until the given ticket comes, serving those before it. */
async function callUntil(officer: Api, counters: Counter[], number: string): Promise<{ counter: Counter; ticketId: string; calledAt: number }> {
  let counter: Counter | undefined;
  for (const candidate of counters) {
    const opened = await officer.post<{ state: string }>(`/api/v1/counters/${candidate.id}/open`).catch(() => undefined);
    if (opened?.state === 'open') {
      counter = candidate;
      break;
    }
  }
  if (!counter) throw new Error('no counter of the unit could be opened');
  for (let round = 0; round < 50; round++) {
    const queue = await officer.get<{ counter: { activeTicket: (CalledTicket & { state: string }) | null } }>(`/api/v1/counters/${counter.id}/queue`);
    const active = queue.counter.activeTicket;
    if (active) {
      if (active.state === 'called') await officer.post(`/api/v1/queue/tickets/${active.id}/start`);
      await officer.post(`/api/v1/queue/tickets/${active.id}/end`, { outcome: 'resolved' });
    }
    const { ticket } = await officer.post<{ ticket: CalledTicket | null }>(`/api/v1/counters/${counter.id}/call-next`);
    if (ticket?.number === number) return { counter, ticketId: ticket.id, calledAt: Date.now() };
    if (!ticket) throw new Error(`ticket ${number} never came`);
  }
  throw new Error(`ticket ${number} was not called within 50 calls`);
}

test('a kiosk ticket is called on the screen within a second and the phone says "your turn"', async ({ browser, baseURL }) => {
  const manager = await apiAs(baseURL!, 'manager.lisboa');
  const officer = await apiAs(baseURL!, 'officer.immigration');
  const lisbon = (await manager.get<{ id: string; code: string }[]>('/api/v1/centres')).find((centre) => centre.code === 'LIS')!;
  await openAllToday(manager, lisbon.id);
  const screen = await manager.post<{ path: string }>(`/api/v1/centres/${lisbon.id}/queue-devices`, { kind: 'screen', label: 'Hall, ground floor' });
  const kiosk = await manager.post<{ path: string }>(`/api/v1/centres/${lisbon.id}/queue-devices`, { kind: 'kiosk', label: 'Entrance' });
  const immigration = (await officer.get<{ id: string; code: string }[]>(`/api/v1/centres/${lisbon.id}/units`)).find((unit) => unit.code === 'IMM')!;
  const counters = await officer.get<Counter[]>(`/api/v1/units/${immigration.id}/counters`);

  // Two people took tickets before: the screen will show their calls below the newest.
  const kioskToken = new URL(kiosk.path, baseURL).searchParams.get('token')!;
  const renewal = (await officer.get<{ id: string; code: string }[]>(`/api/v1/centres/${lisbon.id}/services`)).find((service) => service.code === 'PERMIT-RENEW')!;
  const anonymous = await playwrightRequest.newContext({ baseURL });
  for (const key of ['e2e-earlier-ticket-1', 'e2e-earlier-ticket-2']) {
    const earlier = await anonymous.post(`/api/v1/public/kiosk/${lisbon.id}/tickets`, { headers: { 'x-device-token': kioskToken, 'idempotency-key': key }, data: { serviceId: renewal.id, language: 'pt' } });
    expect(earlier.status()).toBe(201);
  }
  await anonymous.dispose();

  // The kiosk: language first, then the service, then the ticket to print.
  const kioskPage = await pageOf(browser, 1080, 1920);
  // The idle reset is tested by moving the kiosk's clock, not by waiting a minute.
  await kioskPage.clock.install();
  await kioskPage.goto(kiosk.path);
  await expect(kioskPage.getByRole('button', { name: 'العربية' })).toBeVisible();
  await saveScreenshot(kioskPage, 'kiosk-language');
  await kioskPage.getByRole('button', { name: 'English' }).click();
  await expect(kioskPage.getByRole('heading', { name: 'What do you need today?' })).toBeVisible();
  await saveScreenshot(kioskPage, 'kiosk-services');
  await kioskPage.getByRole('button', { name: /Residence permit renewal/ }).click();
  const number = (await kioskPage.getByTestId('kiosk-ticket-number').textContent())!.trim();
  expect(number).toMatch(/^A\d{3}$/);
  await expect(kioskPage.getByRole('img', { name: /QR code/ })).toBeVisible();
  const link = (await kioskPage.getByTestId('kiosk-ticket').getByText(/\/t\/[A-Z2-9]{10}$/).textContent())!.trim();
  await saveScreenshot(kioskPage, 'kiosk-ticket');

  // The screen and the phone, both live.
  const display = await pageOf(browser, 1920, 1080);
  await display.goto(screen.path);
  await expect(display.getByText('Lisboa', { exact: false }).first()).toBeVisible();
  const phone = await pageOf(browser, 390, 844);
  await phone.goto(new URL(link).pathname);
  await expect(phone.getByTestId('ticket-status')).toHaveAttribute('data-state', 'waiting');
  await expect(phone.getByText(number)).toBeVisible();
  await saveScreenshot(phone, 'phone-waiting');

  const { counter, ticketId } = await callUntil(officer, counters, number);
  // Within a second of the counter's call, pushed (the screen never polls).
  await expect(display.getByTestId('display-newest')).toContainText(number, { timeout: 1000 });
  await expect(display.getByTestId('display-newest')).toContainText(counter.label);
  await saveScreenshot(display, 'display-call');
  await expect(phone.getByText("It's your turn!")).toBeVisible();
  await expect(phone.getByText(`Please go to counter ${counter.label}`).first()).toBeVisible();
  await saveScreenshot(phone, 'phone-your-turn');

  // A screen that starts again (power cut, browser restart) shows the true state, not a blank one.
  await display.reload();
  await expect(display.getByTestId('display-newest')).toContainText(number);
  await expect(display.getByRole('list')).toContainText('A00');

  // The kiosk in Arabic, right to left.
  await kioskPage.getByRole('button', { name: 'Finish' }).click();
  await kioskPage.getByRole('button', { name: 'العربية' }).click();
  await expect(kioskPage.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(kioskPage.getByRole('heading', { name: 'ماذا تحتاج اليوم؟' })).toBeVisible();
  await saveScreenshot(kioskPage, 'kiosk-arabic');

  // Left alone, the kiosk warns; the person asks for more time; left alone again, it starts over.
  await kioskPage.clock.fastForward(61_000);
  const warning = kioskPage.getByRole('dialog', { name: 'هل ما زلت هنا؟' });
  await expect(warning).toBeVisible();
  await warning.getByRole('button', { name: 'أحتاج إلى مزيد من الوقت' }).click();
  await expect(warning).toBeHidden();
  await expect(kioskPage.getByRole('heading', { name: 'ماذا تحتاج اليوم؟' })).toBeVisible();
  await kioskPage.clock.fastForward(61_000);
  await expect(warning).toBeVisible();
  await kioskPage.clock.fastForward(21_000);
  await expect(kioskPage.getByRole('button', { name: 'Português', exact: true })).toBeVisible();
  await expect(kioskPage.locator('html')).toHaveAttribute('dir', 'ltr');

  // The officer serves the person and closes the counter, so later tests find it free.
  await officer.post(`/api/v1/queue/tickets/${ticketId}/start`);
  await officer.post(`/api/v1/queue/tickets/${ticketId}/end`, { outcome: 'resolved' });
  await officer.post(`/api/v1/counters/${counter.id}/close`);
  await officer.dispose();
  await manager.dispose();
});

test('a screen with an unknown token says so instead of showing calls', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`/display/0190f5a2-0000-7000-8000-000000000000?token=scr_${'x'.repeat(43)}`);
  await expect(page.getByText(/token is not valid/)).toBeVisible();
});
