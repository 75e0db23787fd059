import type { Insertable, Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database, PeopleTable } from '../db/types.js';
import { keyColumns } from '../modules/people/people.presenters.js';
import { phoneKey } from '../modules/people/people.keys.js';

/**
 * A few registered people of the Lisbon centre, so that reception and the phone line find someone
 * in the demo: names in their own script where they have one, a phone each, the preferred language.
 */
interface DemoPerson {
  givenNames: string;
  familyNames: string;
  nativeGivenNames?: string;
  nativeFamilyNames?: string;
  nativeScript?: string;
  birthDate: string;
  sex: 'female' | 'male';
  nationality: string;
  language: string;
  phone: string;
  email?: string;
}

export const DEMO_PEOPLE: DemoPerson[] = [
  { givenNames: 'Ana Paula', familyNames: 'Souza', birthDate: '1988-04-12', sex: 'female', nationality: 'BR', language: 'pt', phone: '+351 912 400 101', email: 'ana.souza@example.org' },
  { givenNames: 'Djamila', familyNames: 'Tavares', birthDate: '1995-09-03', sex: 'female', nationality: 'CV', language: 'pt', phone: '+351 912 400 102' },
  { givenNames: 'Mamadu', familyNames: 'Baldé', birthDate: '1990-01-20', sex: 'male', nationality: 'GW', language: 'pt', phone: '+351 912 400 103' },
  { givenNames: 'Iryna', familyNames: 'Shevchenko', nativeGivenNames: 'Ірина', nativeFamilyNames: 'Шевченко', nativeScript: 'Cyrl', birthDate: '1984-06-30', sex: 'female', nationality: 'UA', language: 'uk', phone: '+351 912 400 104' },
  { givenNames: 'Youssef', familyNames: 'El Amrani', nativeGivenNames: 'يوسف', nativeFamilyNames: 'العمراني', nativeScript: 'Arab', birthDate: '1992-11-08', sex: 'male', nationality: 'MA', language: 'ar', phone: '+351 912 400 105', email: 'youssef.amrani@example.org' },
  { givenNames: 'Fatima Zahra', familyNames: 'Benali', nativeGivenNames: 'فاطمة الزهراء', nativeFamilyNames: 'بنعلي', nativeScript: 'Arab', birthDate: '1998-02-14', sex: 'female', nationality: 'MA', language: 'ar', phone: '+351 912 400 106' },
  { givenNames: 'Priya', familyNames: 'Sharma', nativeGivenNames: 'प्रिया', nativeFamilyNames: 'शर्मा', nativeScript: 'Deva', birthDate: '1993-07-21', sex: 'female', nationality: 'IN', language: 'hi', phone: '+351 912 400 107' },
  { givenNames: 'Md. Rafiqul', familyNames: 'Islam', nativeGivenNames: 'মোঃ রফিকুল', nativeFamilyNames: 'ইসলাম', nativeScript: 'Beng', birthDate: '1987', sex: 'male', nationality: 'BD', language: 'bn', phone: '+351 912 400 108' },
  { givenNames: 'Sita', familyNames: 'Gurung', nativeGivenNames: 'सीता', nativeFamilyNames: 'गुरुङ', nativeScript: 'Deva', birthDate: '1996-03', sex: 'female', nationality: 'NP', language: 'ne', phone: '+351 912 400 109' },
  { givenNames: 'Yola', familyNames: 'Fernandes', birthDate: '1979-12-01', sex: 'female', nationality: 'AO', language: 'pt', phone: '+351 912 400 110' },
];

/** Inserts the demo people with their search keys and phone (and e-mail) contacts. */
export async function insertDemoPeople(trx: Kysely<Database>, homeCentreId: string): Promise<number> {
  for (const person of DEMO_PEOPLE) {
    const id = uuidv7();
    const names = { givenNames: person.givenNames, familyNames: person.familyNames, otherNames: '', nativeGivenNames: person.nativeGivenNames ?? '', nativeFamilyNames: person.nativeFamilyNames ?? '' };
    const precision = person.birthDate.length === 4 ? 'year' : person.birthDate.length === 7 ? 'month' : 'day';
    const row: Insertable<PeopleTable> = {
      id,
      home_centre_id: homeCentreId,
      given_names: names.givenNames,
      family_names: names.familyNames,
      native_given_names: names.nativeGivenNames,
      native_family_names: names.nativeFamilyNames,
      native_script: person.nativeScript ?? null,
      birth_date: precision === 'year' ? `${person.birthDate}-01-01` : precision === 'month' ? `${person.birthDate}-01` : person.birthDate,
      birth_precision: precision,
      sex: person.sex,
      nationalities: [person.nationality],
      preferred_language: person.language,
      languages: [person.language],
      ...keyColumns(names),
    };
    await trx.insertInto('people').values(row).execute();
    const contacts = [{ kind: 'phone' as const, value: person.phone, value_key: phoneKey(person.phone) }, ...(person.email ? [{ kind: 'email' as const, value: person.email, value_key: person.email.toLowerCase() }] : [])];
    await trx.insertInto('person_contacts').values(contacts.map((contact) => ({ id: uuidv7(), person_id: id, ...contact }))).execute();
  }
  return DEMO_PEOPLE.length;
}
