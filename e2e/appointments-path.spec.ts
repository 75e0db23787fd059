import { expect, test, type Browser, type Page } from '@playwright/test';
import { apiAs } from './queue-api.js';
import { expectNoSeriousAxeViolations, readOutboxMessage, saveScreenshot, signIn, useInterfaceLanguage } from './support.js';

/**
 * The appointments path of the virtual One-Stop-Shop, end to end: a person books on the portal on a
 * phone; staff find the confirmation in the outbox and follow its secret link; the booking is moved;
 * at the centre's kiosk the person checks in with the reference; the ticket is on the immigration
 * counter's list marked as an appointment. Renewal at Lisbon is bookable today for the test (all-day
 * capacity, check-in from two hours before) and its settings are put back afterwards.
 */

const todayInLisbon = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Lisbon' }).format(new Date());

async function pageOf(browser: Browser, viewport: { width: number; height: number }, language: string): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-GB' });
  const page = await context.newPage();
  await useInterfaceLanguage(page, language);
  return page;
}

interface Settings {
  policy: Record<string, unknown> | null;
  schedules: unknown[];
}

test('book on the phone, read the confirmation in the outbox, move it, check in at the kiosk, appear on the counter', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const admin = await apiAs(baseURL!, 'admin');
  const manager = await apiAs(baseURL!, 'manager.lisboa');
  const lisbon = (await admin.get<{ id: string; code: string }[]>('/api/v1/centres')).find((centre) => centre.code === 'LIS')!;
  const today = todayInLisbon();
  const existing = await manager.get<{ id: string }[]>(`/api/v1/centres/${lisbon.id}/exceptions?from=${today}&to=${today}`);
  const allDay = { kind: 'special_hours', opens: '00:00', closes: '23:59', label: 'End-to-end test' };
  if (existing[0]) await manager.patch(`/api/v1/centres/${lisbon.id}/exceptions/${existing[0].id}`, { ...allDay, date: today });
  else await manager.post(`/api/v1/centres/${lisbon.id}/exceptions`, { ...allDay, date: today });
  const renewal = (await admin.get<{ id: string; code: string }[]>(`/api/v1/centres/${lisbon.id}/services`)).find((service) => service.code === 'PERMIT-RENEW')!;
  const original = await manager.get<Settings>(`/api/v1/services/${renewal.id}/booking-settings`);
  await manager.put(`/api/v1/services/${renewal.id}/booking-settings`, {
    policy: { ...original.policy, slotMinutes: 15, earliestDays: 0, checkinOpensMinutesBefore: 120, lateGraceMinutes: 15 },
    schedules: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], starts: '00:00', ends: '24:00', desks: 2, validFrom: today, validTo: null }],
  });
  const email = `path.${Date.now()}@example.org`;

  try {
    // 1. The person books on a phone, in Portuguese: the confirmation shows the reference and its QR code.
    const phone = await pageOf(browser, { width: 390, height: 844 }, 'pt');
    await phone.goto('/');
    await phone.getByTestId('start-booking').click();
    await phone.getByTestId('service-choice').filter({ hasText: /Renovação de autorização de residência/ }).click();
    await expect(phone.getByTestId('centre-choice').first().or(phone.getByTestId('free-time').first())).toBeVisible();
    if (await phone.getByTestId('centre-choice').first().isVisible()) await phone.getByTestId('centre-choice').filter({ hasText: /Lisboa/ }).click();
    await phone.getByTestId('free-time').first().click();
    await expect(phone.getByTestId('hold-countdown')).toBeVisible({ timeout: 30_000 });
    await phone.getByRole('textbox').first().fill('Rahim Uddin');
    await phone.locator('input[type="email"]').fill(email);
    await phone.getByTestId('confirm-booking').click();
    await expect(phone.getByTestId('booking-confirmed')).toBeVisible();
    const reference = (await phone.getByTestId('booking-reference').textContent())!.trim();
    const shownLink = (await phone.getByTestId('manage-link').textContent())!.trim();
    await expect(phone.getByTestId('reference-qr')).toHaveAttribute('data-reference', reference);
    await saveScreenshot(phone, 'path-1-confirmed');

    // 2. Staff find the confirmation to that address in the outbox and follow the secret link in it.
    const written = await readOutboxMessage(phone, email, 'appointments.confirmed');
    expect(written.attachments.map((file) => file.filename)).toContain(`${reference}-qr.svg`);
    const office = await pageOf(browser, { width: 1366, height: 900 }, 'en');
    await signIn(office, 'admin');
    await office.goto(`/office/outbox?recipient=${encodeURIComponent(email)}`);
    await office.getByRole('button', { name: `Open the message to ${email}` }).first().click();
    const message = office.getByRole('dialog');
    await expect(message).toContainText(reference);
    const link = message.getByRole('link', { name: new RegExp(`/b/${reference}#`) });
    const href = (await link.getAttribute('href'))!;
    await saveScreenshot(office, 'path-2-outbox');
    // The link in the message is the one the confirmation page showed.
    expect(href).toBe(shownLink);
    await office.goto(href);
    await expect(office.getByTestId('manage-booking')).toHaveAttribute('data-state', 'booked');

    // 3. The booking moves to a later time today (the person asked on the phone).
    const before = await office.getByTestId('manage-when').textContent();
    await office.getByTestId('move-booking').click();
    await office.getByTestId('free-time').nth(1).click();
    await expect(office.getByTestId('manage-notice')).toBeVisible();
    await expect(office.getByTestId('manage-when')).not.toHaveText(before!);
    await saveScreenshot(office, 'path-3-moved');

    // 4. At the kiosk: a wrong reference is refused in plain words; the scanner reads the confirmation's link.
    const kioskDevice = await manager.post<{ path: string }>(`/api/v1/centres/${lisbon.id}/queue-devices`, { kind: 'kiosk', label: 'Entrance, appointments' });
    const kiosk = await pageOf(browser, { width: 1080, height: 1920 }, 'pt');
    await kiosk.goto(kioskDevice.path);
    await kiosk.getByRole('button', { name: 'Português', exact: true }).click();
    await kiosk.getByTestId('kiosk-check-in-entry').click();
    await expect(kiosk.getByRole('heading', { name: 'Registar a chegada à marcação' })).toBeVisible();
    for (const key of 'ZZZZ2222') await kiosk.getByRole('button', { name: key, exact: true }).click();
    await expect(kiosk.getByTestId('kiosk-reference')).toHaveValue('ZZZZ2222');
    await kiosk.getByTestId('kiosk-check-in').click();
    await expect(kiosk.getByTestId('kiosk-check-in-refusal')).toHaveAttribute('data-reason', 'unknown');
    await saveScreenshot(kiosk, 'path-4-kiosk-unknown');
    await expectNoSeriousAxeViolations(kiosk, 'kiosk check-in refusal');
    await kiosk.getByRole('button', { name: 'Limpar' }).click();
    // A hardware scanner types what the QR holds into the focused field, then Enter.
    await kiosk.getByTestId('kiosk-reference').focus();
    await kiosk.keyboard.type(href);
    await kiosk.keyboard.press('Enter');
    const number = (await kiosk.getByTestId('kiosk-ticket-number').textContent())!.trim();
    expect(number).toMatch(/^A\d{3}$/);
    await saveScreenshot(kiosk, 'path-5-kiosk-ticket');

    // 5. The immigration counter sees the ticket waiting, marked as an appointment; it closes again.
    const counter = await pageOf(browser, { width: 1366, height: 900 }, 'en');
    await signIn(counter, 'officer.immigration');
    await counter.goto('/counter');
    await counter.getByRole('button', { name: 'Use counter 1' }).click();
    await counter.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(counter.getByTestId('counter-state')).toHaveText('Open');
    const row = counter.getByTestId('waiting-list').getByRole('row').filter({ hasText: number });
    await expect(row.getByTestId('appointment-badge')).toBeVisible();
    await saveScreenshot(counter, 'path-6-counter');
    await counter.getByRole('button', { name: 'Close counter' }).click();
    await expect(counter.getByTestId('counter-state')).toHaveText('Closed');

    // 6. Reception checks in someone the phone line booked for the next free time, by reference.
    const receptionApi = await apiAs(baseURL!, 'reception.lisboa');
    const free = await receptionApi.get<{ days: { slots: { startsAt: string; free: number }[] }[] }>(`/api/v1/phone/services/${renewal.id}/availability?from=${today}&to=${today}`);
    const startsAt = free.days.flatMap((day) => day.slots).find((slot) => slot.free > 0)!.startsAt;
    const booked = await receptionApi.post<{ appointment: { reference: string } }>('/api/v1/appointments', { serviceId: renewal.id, startsAt, channel: 'staff', contact: { name: 'Nadia Karimi', phone: '+351 912 345 678', language: 'en' } });
    await receptionApi.dispose();
    const desk = await pageOf(browser, { width: 1366, height: 900 }, 'en');
    await signIn(desk, 'reception.lisboa');
    await desk.goto('/reception');
    const panel = desk.getByTestId('reception-check-in');
    await expect(panel.locator(`[data-testid="reception-booking"][data-reference="${booked.appointment.reference}"]`)).toBeVisible();
    await panel.getByTestId('reception-reference').fill(booked.appointment.reference.toLowerCase());
    await panel.getByRole('button', { name: 'Check in' }).first().click();
    await expect(desk.getByRole('dialog')).toBeVisible();
    await saveScreenshot(desk, 'path-7-reception');
    await desk.keyboard.press('Escape');
    await expect(panel.getByTestId('reception-check-in-done')).toContainText(booked.appointment.reference);
    await expect(panel.locator(`[data-testid="reception-booking"][data-reference="${booked.appointment.reference}"]`)).toContainText('Checked in');

    // Both bookings are checked in.
    const appointments = await manager.get<{ reference: string; state: string }[]>(`/api/v1/centres/${lisbon.id}/appointments?day=${today}`);
    expect(appointments.find((one) => one.reference === reference)?.state).toBe('checked_in');
    expect(appointments.find((one) => one.reference === booked.appointment.reference)?.state).toBe('checked_in');

    // Leave no ticket waiting: later specs call the next ticket of this queue.
    const reception = await apiAs(baseURL!, 'reception.lisboa');
    const ours = await manager.get<{ reference: string; ticketId: string | null }[]>(`/api/v1/centres/${lisbon.id}/appointments?day=${today}`);
    for (const one of ours.filter((row) => row.ticketId && [reference, booked.appointment.reference].includes(row.reference))) {
      const ticket = await reception.get<{ state: string }>(`/api/v1/queue/tickets/${one.ticketId}`);
      if (ticket.state === 'waiting') await reception.post(`/api/v1/queue/tickets/${one.ticketId}/cancel`, { note: 'end of the browser test' });
    }
    await reception.dispose();
  } finally {
    await manager.put(`/api/v1/services/${renewal.id}/booking-settings`, original);
    await Promise.all([admin.dispose(), manager.dispose()]);
  }
});
