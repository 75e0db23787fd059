import { expect, test, type Browser, type Page } from '@playwright/test';
import { apiAs, callUntil, kioskTicket, openAllToday, serveAndClose, type Api, type Counter } from './queue-api.js';
import { expectNoSeriousAxeViolations, saveScreenshot, signIn } from './support.js';

interface World {
  manager: Api;
  officer: Api;
  centreId: string;
  counter: Counter;
  renewalId: string;
}

/** Lisbon open all day, an immigration counter opened by its officer (close it at the end). */
async function world(baseURL: string): Promise<World> {
  const manager = await apiAs(baseURL, 'manager.lisboa');
  const officer = await apiAs(baseURL, 'officer.immigration');
  const lisbon = (await manager.get<{ id: string; code: string }[]>('/api/v1/centres')).find((centre) => centre.code === 'LIS')!;
  await openAllToday(manager, lisbon.id);
  const immigration = (await officer.get<{ id: string; code: string }[]>(`/api/v1/centres/${lisbon.id}/units`)).find((unit) => unit.code === 'IMM')!;
  const counters = await officer.get<Counter[]>(`/api/v1/units/${immigration.id}/counters`);
  let counter: Counter | undefined;
  for (const candidate of counters) {
    const opened = await officer.post<{ state: string }>(`/api/v1/counters/${candidate.id}/open`).catch(() => undefined);
    if (opened?.state === 'open') {
      counter = candidate;
      break;
    }
  }
  if (!counter) throw new Error('no counter of the unit could be opened');
  const renewal = (await officer.get<{ id: string; code: string }[]>(`/api/v1/centres/${lisbon.id}/services`)).find((service) => service.code === 'PERMIT-RENEW')!;
  return { manager, officer, centreId: lisbon.id, counter, renewalId: renewal.id };
}

async function pageOf(browser: Browser, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'en-GB' });
  return context.newPage();
}

test('the information screen comes back with the true state after a network drop and while the server is unreachable, without polling', async ({ browser, baseURL }) => {
  const w = await world(baseURL!);
  const screen = await w.manager.post<{ path: string }>(`/api/v1/centres/${w.centreId}/queue-devices`, { kind: 'screen', label: 'Resilience test screen' });
  const kiosk = await w.manager.post<{ path: string }>(`/api/v1/centres/${w.centreId}/queue-devices`, { kind: 'kiosk', label: 'Resilience test kiosk' });
  const kioskToken = new URL(kiosk.path, baseURL).searchParams.get('token')!;

  const display = await pageOf(browser, 1920, 1080);
  const stateRequests: string[] = [];
  display.on('request', (request) => {
    if (/\/api\/v1\/public\/display\/[^/]+\?/.test(request.url())) stateRequests.push(request.url());
  });
  await display.goto(screen.path);
  await expect(display.getByText('Lisboa', { exact: false }).first()).toBeVisible();

  // The network drops: calls made meanwhile appear once it is back.
  const first = await kioskTicket(baseURL!, w.centreId, kioskToken, w.renewalId, `e2e-ops-drop-${Date.now()}`);
  await display.context().setOffline(true);
  await expect(display.getByText('Connection lost, reconnecting…')).toBeVisible();
  const firstId = await callUntil(w.officer, w.counter, first.number);
  await display.context().setOffline(false);
  await expect(display.getByTestId('display-newest')).toContainText(first.number, { timeout: 15_000 });
  await expect(display.getByText('Connection lost, reconnecting…')).toBeHidden();
  await saveScreenshot(display, 'display-after-drop');

  // The server is unreachable (as while it restarts): every attempt to reconnect is refused until it is back.
  await display.route('**/api/v1/public/display/**', (route) => route.abort('connectionrefused'));
  await display.context().setOffline(true);
  await display.context().setOffline(false);
  await expect(display.getByText('Connection lost, reconnecting…')).toBeVisible();
  const second = await kioskTicket(baseURL!, w.centreId, kioskToken, w.renewalId, `e2e-ops-restart-${Date.now()}`);
  await w.officer.post(`/api/v1/queue/tickets/${firstId}/start`);
  await w.officer.post(`/api/v1/queue/tickets/${firstId}/end`, { outcome: 'resolved' });
  const secondId = await callUntil(w.officer, w.counter, second.number);
  await display.unroute('**/api/v1/public/display/**');
  await expect(display.getByTestId('display-newest')).toContainText(second.number, { timeout: 15_000 });
  await expect(display.getByRole('list')).toContainText(first.number);

  // Push only: once connected (and any pending reconnection has settled), the screen asks for
  // nothing more while nothing happens.
  await expect(display.getByText('Connection lost, reconnecting…')).toBeHidden();
  await display.waitForTimeout(6000);
  const asked = stateRequests.length;
  await display.waitForTimeout(5000);
  expect(stateRequests.length).toBe(asked);
  await serveAndClose(w.officer, w.counter, secondId);
  await w.officer.dispose();
  await w.manager.dispose();
});

test('a centre manager creates a screen, opens its link once, and revokes it: the screen then says so', async ({ page, browser }) => {
  await signIn(page, 'manager.lisboa');
  await page.goto('/office/devices');
  await expect(page.getByRole('heading', { name: 'Information screens and kiosks' })).toBeVisible();
  await page.getByRole('button', { name: 'New screen or kiosk' }).click();
  const dialog = page.getByRole('dialog');
  const label = `Floor 1 screen ${Date.now()}`;
  await dialog.getByRole('textbox', { name: 'Where it stands' }).fill(label);
  await dialog.getByRole('button', { name: 'Create' }).click();
  const link = await page.getByTestId('device-link').inputValue();
  expect(link).toMatch(/\/display\/[0-9a-f-]+\?token=scr_/);
  await expect(page.getByRole('img', { name: "QR code of the device's link" })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible();
  await saveScreenshot(page, 'devices-link');
  await page.getByRole('button', { name: 'Done' }).click();
  const row = page.locator(`[data-testid="device-row"][data-label="${label}"]`);
  await expect(row).toContainText('Active');

  const screen = await pageOf(browser, 1920, 1080);
  await screen.goto(new URL(link).pathname + new URL(link).search);
  await expect(screen.getByText('No tickets have been called yet today').or(screen.getByTestId('display-newest'))).toBeVisible();

  await row.getByRole('button', { name: `Revoke ${label}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toContainText('Revoked');
  // The open screen's stream ends at its next heartbeat; reopened, the link is refused in plain words.
  await screen.reload();
  await expect(screen.getByText("This screen's token is not valid or was revoked")).toBeVisible();
  await expect(screen.getByText('Ask the centre manager for a new address for this screen.')).toBeVisible();
  await saveScreenshot(page, 'devices-list');
});

test('the devices screen at phone width and in Arabic', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'manager.lisboa');
  await page.evaluate(() => localStorage.setItem('oneroof.locale', 'ar'));
  await page.goto('/office/devices');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { name: 'شاشات النداء وأكشاك التذاكر' })).toBeVisible();
  await saveScreenshot(page, 'devices-arabic-phone');
});

test('the screen, the kiosk and the ticket page have no serious accessibility faults', async ({ browser, baseURL }) => {
  const manager = await apiAs(baseURL!, 'manager.lisboa');
  const lisbon = (await manager.get<{ id: string; code: string }[]>('/api/v1/centres')).find((centre) => centre.code === 'LIS')!;
  await openAllToday(manager, lisbon.id);
  const renewal = (await manager.get<{ id: string; code: string }[]>(`/api/v1/centres/${lisbon.id}/services`)).find((service) => service.code === 'PERMIT-RENEW')!;
  const w = { manager, centreId: lisbon.id, renewalId: renewal.id };
  const screen = await w.manager.post<{ path: string }>(`/api/v1/centres/${w.centreId}/queue-devices`, { kind: 'screen', label: 'Accessibility screen' });
  const kiosk = await w.manager.post<{ path: string }>(`/api/v1/centres/${w.centreId}/queue-devices`, { kind: 'kiosk', label: 'Accessibility kiosk' });
  const kioskToken = new URL(kiosk.path, baseURL).searchParams.get('token')!;
  const ticket = await kioskTicket(baseURL!, w.centreId, kioskToken, w.renewalId, `e2e-ops-axe-${Date.now()}`);

  const display = await pageOf(browser, 1920, 1080);
  await display.goto(screen.path);
  await expect(display.getByText('Lisboa', { exact: false }).first()).toBeVisible();
  await expectNoSeriousAxeViolations(display, 'display');

  const kioskPage = await pageOf(browser, 1080, 1920);
  await kioskPage.goto(kiosk.path);
  await expect(kioskPage.getByRole('button', { name: 'English' })).toBeVisible();
  await expectNoSeriousAxeViolations(kioskPage, 'kiosk language step');
  await kioskPage.getByRole('button', { name: 'English' }).click();
  await expect(kioskPage.getByRole('heading', { name: 'What do you need today?' })).toBeVisible();
  await expectNoSeriousAxeViolations(kioskPage, 'kiosk service step');

  const phone = await pageOf(browser, 390, 844);
  await phone.goto(`/t/${ticket.publicCode}`);
  await expect(phone.getByTestId('ticket-status')).toBeVisible();
  await expectNoSeriousAxeViolations(phone, 'ticket page');
  // The "you are next" form, open, with its fields.
  await phone.getByRole('button', { name: 'Tell me by SMS or e-mail when my turn is near' }).click();
  await phone.getByRole('textbox', { name: 'Mobile phone number' }).fill('912345678');
  await phone.getByRole('button', { name: 'Send me a message' }).click();
  await expect(phone.getByText('Write the number with the country code, for example +351 912 345 678.')).toBeVisible();
  await expect(phone.getByText('Please tick the box to agree, or choose not to get a message.')).toBeVisible();
  await expectNoSeriousAxeViolations(phone, 'ticket page with the contact form');
  await phone.getByRole('textbox', { name: 'Mobile phone number' }).fill('+351 912 345 678');
  await phone.getByRole('checkbox').check();
  await phone.getByRole('button', { name: 'Send me a message' }).click();
  await expect(phone.getByTestId('ticket-alert')).toContainText('+351 ••• ••• 678');
  await saveScreenshot(phone, 'phone-alert-saved');
  // Withdrawn, the contact is gone; the form in Arabic, right to left.
  await phone.getByRole('button', { name: 'Stop the messages and delete my contact' }).click();
  await expect(phone.getByTestId('ticket-alert')).toBeHidden();
  await phone.evaluate(() => localStorage.setItem('oneroof.locale', 'ar'));
  await phone.reload();
  await expect(phone.locator('html')).toHaveAttribute('dir', 'rtl');
  await phone.getByRole('button', { name: 'أخبروني برسالة قصيرة أو بريد إلكتروني عندما يقترب دوري' }).click();
  await saveScreenshot(phone, 'phone-alert-arabic');
  await w.manager.dispose();
});

test("a centre manager reads the day's report of the centre, served tickets included, and downloads it as CSV", async ({ page, baseURL }) => {
  const w = await world(baseURL!);
  const kiosk = await w.manager.post<{ path: string }>(`/api/v1/centres/${w.centreId}/queue-devices`, { kind: 'kiosk', label: 'Report test kiosk' });
  const kioskToken = new URL(kiosk.path, baseURL).searchParams.get('token')!;
  const ticket = await kioskTicket(baseURL!, w.centreId, kioskToken, w.renewalId, `e2e-report-${Date.now()}`);
  await serveAndClose(w.officer, w.counter, await callUntil(w.officer, w.counter, ticket.number));

  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'manager.lisboa');
  await page.getByRole('link', { name: 'Daily report' }).first().click();
  await expect(page).toHaveURL(/\/office\/reports$/);
  const table = page.getByTestId('report-table');
  await expect(table.locator('tr[data-level="centre"]')).toContainText('Whole centre');
  const immigration = table.locator('tr[data-level="unit"]', { hasText: 'Imigração' });
  await expect(immigration).toBeVisible();
  // At least the ticket served above: the "Served" column of the unit's row.
  const served = Number(await immigration.locator('td').nth(3).innerText());
  expect(served).toBeGreaterThanOrEqual(1);
  await saveScreenshot(page, 'office-daily-report');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV' }).click();
  const csv = await (await download).createReadStream();
  let text = '';
  for await (const chunk of csv) text += String(chunk);
  expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toContain('appointment_no_shows');
  expect(text).toContain('centre,,,');
  await w.officer.dispose();
  await w.manager.dispose();
});
