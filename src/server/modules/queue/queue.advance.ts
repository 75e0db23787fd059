import { sql, type Kysely } from 'kysely';
import type { Database, LocalisedText, TicketAlertChannel, TicketAlertTemplate } from '../../db/types.js';
import { requestNotification } from '../../notifications/notifications.request.js';
import { DEFAULT_QUEUE_POLICY, virtualArrivalSql } from './queue.ordering.js';

/** The ticket a counter has just called, as the call path knows it. */
export interface CalledTicket {
  id: string;
  centre_id: string;
  service_id: string;
  local_day: string;
}

interface DueMessage {
  ticket_id: string;
  template: TicketAlertTemplate;
  channel: TicketAlertChannel;
  recipient: string;
  locale: string;
  link: string;
  number: string;
  ahead: number | null;
  service_names: LocalisedText;
  centre_name: string;
  counter_label: string | null;
}

/**
 * After a call, in the call's transaction: the people who left a contact and whose turn is now near
 * get "you are next" (at most the unit's `notifyWhenAhead` tickets ahead in the called ticket's
 * service, in call order), and the called person gets "your turn, counter N". One statement finds
 * who is due and claims each (ticket, message) once in `ticket_alert_sends`, so a message is requested
 * exactly once however many counters call at the same moment. Without any contact left today at the
 * centre (the usual case) it reads one index and nothing else.
 */
export async function noteQueueAdvanced(trx: Kysely<Database>, called: CalledTicket, now: Date): Promise<number> {
  const due = await sql<DueMessage>`
    WITH opted AS (
      SELECT t.id AS ticket_id, t.state
      FROM ticket_alerts a JOIN tickets t ON t.visit_id = a.visit_id
      WHERE a.centre_id = ${called.centre_id} AND a.local_day = ${called.local_day}::date
        AND (t.id = ${called.id} OR (t.state = 'waiting' AND t.service_id = ${called.service_id}))
    ),
    ranked AS (
      SELECT t.id, row_number() OVER (ORDER BY ${virtualArrivalSql(now)}, t.id) - 1 AS ahead,
        coalesce(p.notify_when_ahead, ${DEFAULT_QUEUE_POLICY.notifyWhenAhead}) AS threshold
      FROM tickets t LEFT JOIN queue_policies p ON p.unit_id = t.unit_id
      WHERE t.state = 'waiting' AND t.service_id = ${called.service_id} AND t.local_day = ${called.local_day}::date
        AND EXISTS (SELECT 1 FROM opted WHERE opted.state = 'waiting')
    ),
    due AS (
      SELECT ticket_id, 'queue.your_turn' AS template, NULL::bigint AS ahead FROM opted WHERE ticket_id = ${called.id}
      UNION ALL
      SELECT r.id, 'queue.you_are_next', r.ahead FROM ranked r JOIN opted o ON o.ticket_id = r.id WHERE r.ahead <= r.threshold
    ),
    claimed AS (
      INSERT INTO ticket_alert_sends (ticket_id, template, notification_id, sent_at)
      -- One order for every caller: two calls claiming the same keys wait on each other, never deadlock.
      SELECT ticket_id, template, NULL::uuid, ${now} FROM due ORDER BY ticket_id, template
      ON CONFLICT (ticket_id, template) DO NOTHING
      RETURNING ticket_id, template
    )
    SELECT c.ticket_id, c.template, d.ahead::int AS ahead, a.channel, a.recipient, a.locale, a.link,
      t.number, s.names AS service_names, ce.name AS centre_name, co.label AS counter_label
    FROM claimed c
    JOIN due d ON d.ticket_id = c.ticket_id AND d.template = c.template
    JOIN tickets t ON t.id = c.ticket_id
    JOIN ticket_alerts a ON a.visit_id = t.visit_id
    JOIN services s ON s.id = t.service_id
    JOIN centres ce ON ce.id = t.centre_id
    LEFT JOIN counters co ON co.id = t.counter_id`.execute(trx);
  for (const message of due.rows) {
    const id = await requestNotification(trx, {
      channel: message.channel,
      recipient: message.recipient,
      locale: message.locale,
      template: message.template,
      params: {
        ticketCode: message.number,
        serviceName: message.service_names[message.locale] ?? message.service_names.pt ?? Object.values(message.service_names)[0] ?? '',
        centreName: message.centre_name,
        counterName: message.counter_label ?? '',
        ahead: message.ahead ?? 0,
        link: message.link,
      },
      subject: { type: 'ticket', id: message.ticket_id },
      centreId: called.centre_id,
    });
    await trx.updateTable('ticket_alert_sends').set({ notification_id: id }).where('ticket_id', '=', message.ticket_id).where('template', '=', message.template).execute();
  }
  return due.rows.length;
}
