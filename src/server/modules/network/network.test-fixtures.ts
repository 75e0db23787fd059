import type { LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { createStaff, signIn, type GrantInput, type Session, type TestApp } from '../../../../test/app.js';
import type { Database } from '../../db/types.js';

/** Test helpers for the network module's API tests (imported by *.test.ts files only). */

let staffCounter = 0;

/** A new staff account with these grants, signed in. */
export async function sessionWith(t: TestApp, grants: GrantInput[], name = 'staff'): Promise<Session> {
  const username = `${name}.${++staffCounter}.${uuidv7().slice(-6)}`;
  await createStaff(t.db, username, grants);
  return signIn(t.app, username);
}

export const centreBody = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  name: `Centre ${code}`,
  kind: 'local',
  timeZone: 'Europe/Lisbon',
  address: { street: 'Rua Álvaro Coutinho 14', postalCode: '1150-025', city: 'Lisboa', country: 'PT' },
  phone: '+351 218 106 100',
  email: 'centre@example.org',
  announcementLanguages: ['pt', 'en'],
  ...extra,
});

export const serviceBody = (code: string, prefix: string, extra: Record<string, unknown> = {}) => ({
  code,
  names: { pt: `Serviço ${code}`, en: `Service ${code}` },
  typicalMinutes: 15,
  ticketPrefix: prefix,
  requiredDocuments: [{ names: { pt: 'Passaporte', en: 'Passport' } }],
  languages: ['pt', 'en'],
  ...extra,
});

/** The dotted paths of the field errors of a response. */
export function fieldPaths(response: LightMyRequestResponse): string[] {
  const body = response.json<{ error?: { fields?: { path: string }[] } }>();
  return (body.error?.fields ?? []).map((field) => field.path);
}

export async function networkIdOf(db: Kysely<Database>): Promise<string> {
  const existing = await db.selectFrom('networks').select('id').executeTakeFirst();
  if (existing) return existing.id;
  const id = uuidv7();
  await db.insertInto('networks').values({ id, name: 'Test network' }).execute();
  return id;
}

export type { Session };
