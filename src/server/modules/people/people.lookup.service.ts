import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { Actor } from '../../access/actor.js';
import { AppError } from '../../http/errors.js';
import { ensureCanRead } from './people.policy.js';
import { emailKey, phoneKey } from './people.keys.js';

/**
 * Small questions other modules ask the registry (appointments: the phone line books for a person,
 * "my procedures" finds a person by a contact). No audit here: the caller audits what it shows.
 */

export interface PersonContactsSummary {
  id: string;
  homeCentreId: string;
  preferredLanguage: string | null;
  /** Normalised contact keys of the record and of records merged into it. */
  emailKeys: string[];
  phoneKeys: string[];
}

/** The person (a merged record answers with its survivor) if the actor may read them; 404 otherwise. */
export async function findReadablePerson(db: Kysely<Database>, actor: Actor, id: string): Promise<PersonContactsSummary> {
  const row = await db.selectFrom('people').select(['id', 'merged_into']).where('id', '=', id).executeTakeFirst();
  const survivorId = row?.merged_into ?? row?.id;
  const person = survivorId ? await db.selectFrom('people').select(['id', 'home_centre_id', 'preferred_language']).where('id', '=', survivorId).executeTakeFirst() : undefined;
  if (!person) throw AppError.notFound('The person');
  ensureCanRead(actor, person.home_centre_id);
  const recordIds = (await db.selectFrom('people').select('id').where((eb) => eb.or([eb('id', '=', person.id), eb('merged_into', '=', person.id)])).execute()).map((one) => one.id);
  const contacts = await db.selectFrom('person_contacts').select(['kind', 'value_key']).where('person_id', 'in', recordIds).execute();
  return {
    id: person.id,
    homeCentreId: person.home_centre_id,
    preferredLanguage: person.preferred_language,
    emailKeys: contacts.filter((contact) => contact.kind === 'email').map((contact) => contact.value_key),
    phoneKeys: contacts.filter((contact) => contact.kind === 'phone').map((contact) => contact.value_key),
  };
}

/** Ids of people (survivors of merges) holding a contact, as the person typed it. */
export async function peopleWithContact(db: Kysely<Database>, kind: 'email' | 'phone', typed: string): Promise<string[]> {
  const key = kind === 'email' ? emailKey(typed) : phoneKey(typed);
  const rows = await db
    .selectFrom('person_contacts')
    .innerJoin('people', 'people.id', 'person_contacts.person_id')
    .select(['people.id', 'people.merged_into'])
    .where('person_contacts.kind', '=', kind)
    .where('person_contacts.value_key', '=', key)
    .execute();
  return [...new Set(rows.map((row) => row.merged_into ?? row.id))];
}
