import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, PeopleTable, PersonContactsTable, PersonDocumentsTable, PersonMergesTable } from '../../db/types.js';

export type PersonRow = Selectable<PeopleTable>;
export type DocumentRow = Selectable<PersonDocumentsTable>;
export type ContactRow = Selectable<PersonContactsTable>;
export type MergeRow = Selectable<PersonMergesTable>;

/** A person with the documents and contacts of their own record and of records merged into it. */
export interface PersonRecord {
  row: PersonRow;
  documents: DocumentRow[];
  contacts: ContactRow[];
  mergedPeople: string[];
}

/** What candidate generation looks for; an empty list leaves its condition out. */
export interface CandidateProbe {
  nameKey: string;
  skeletonKeys: string[];
  phoneticKeys: string[];
  documentKeys: string[];
  phoneKeys: string[];
  emailKeys: string[];
  /** A name fragment to find inside the Latin name key (search), when given. */
  fragment?: string;
}

export interface HomeScope {
  everywhere: boolean;
  centreIds: string[];
}

/** Trigram similarity from which a whole name is a candidate (pg_trgm's default is 0.3). */
const NAME_TRIGRAM_THRESHOLD = 0.35;

export async function findPersonRow(db: Kysely<Database>, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockPersonRow(db: Kysely<Database>, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('people').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Loads people with everything attached, in the order of `ids`. */
export async function loadPeople(db: Kysely<Database>, ids: string[]): Promise<PersonRecord[]> {
  if (ids.length === 0) return [];
  // The four reads are independent: on PostgreSQL they run side by side on the pool (search answers
  // per keystroke); PGlite runs them one after the other.
  const mergedInto = db.selectFrom('people').select('id').where('merged_into', 'in', ids);
  const [rows, merged, documents, contacts] = await Promise.all([
    db.selectFrom('people').selectAll().where('id', 'in', ids).execute(),
    db.selectFrom('people').select(['id', 'merged_into']).where('merged_into', 'in', ids).execute(),
    db.selectFrom('person_documents').selectAll().where((eb) => eb.or([eb('person_id', 'in', ids), eb('person_id', 'in', mergedInto)])).orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('person_contacts').selectAll().where((eb) => eb.or([eb('person_id', 'in', ids), eb('person_id', 'in', mergedInto)])).orderBy('created_at').orderBy('id').execute(),
  ]);
  const owners = new Map<string, string>(ids.map((id) => [id, id]));
  for (const one of merged) owners.set(one.id, one.merged_into!);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [{
      row,
      documents: documents.filter((d) => owners.get(d.person_id) === id),
      contacts: contacts.filter((c) => owners.get(c.person_id) === id),
      mergedPeople: merged.filter((m) => m.merged_into === id).map((m) => m.id),
    }];
  });
}

/**
 * Candidate generation in SQL: people (not merged away) in scope that share a phonetic or skeleton
 * key, whose Latin name is trigram-similar (or contains the fragment), or who hold the same document
 * number, phone or e-mail — directly or through a record merged into them. Scoring happens in
 * people.match.ts; this only narrows the field.
 */
export async function findCandidateIds(db: Kysely<Database>, probe: CandidateProbe, scope: HomeScope, limit: number, excludeId?: string): Promise<string[]> {
  if (!scope.everywhere && scope.centreIds.length === 0) return [];
  const conditions = [];
  if (probe.skeletonKeys.length > 0) conditions.push(sql`p.skeleton_keys && ${sql.val(probe.skeletonKeys)}::text[]`);
  if (probe.phoneticKeys.length > 0) conditions.push(sql`p.phonetic_keys && ${sql.val(probe.phoneticKeys)}::text[]`);
  if (probe.nameKey) conditions.push(sql`similarity(p.name_key, ${probe.nameKey}) >= ${NAME_TRIGRAM_THRESHOLD}`);
  if (probe.fragment) conditions.push(sql`p.name_key LIKE ${`%${probe.fragment.replace(/[\\%_]/g, '\\$&')}%`}`);
  if (probe.documentKeys.length > 0) {
    conditions.push(sql`EXISTS (SELECT 1 FROM person_documents d WHERE d.person_id = p.id AND d.number_key = ANY(${sql.val(probe.documentKeys)}::text[]))`);
  }
  for (const [kind, keys] of [['phone', probe.phoneKeys], ['email', probe.emailKeys]] as const) {
    if (keys.length > 0) conditions.push(sql`EXISTS (SELECT 1 FROM person_contacts c WHERE c.person_id = p.id AND c.kind = ${kind} AND c.value_key = ANY(${sql.val(keys)}::text[]))`);
  }
  if (conditions.length === 0) return [];
  const inScope = scope.everywhere ? sql`true` : sql`s.home_centre_id = ANY(${sql.val(scope.centreIds)}::uuid[])`;
  const notSelf = excludeId ? sql`s.id <> ${excludeId}` : sql`true`;
  const result = await sql<{ id: string }>`
    SELECT s.id FROM people s
    WHERE s.merged_into IS NULL AND ${inScope} AND ${notSelf}
      AND s.id IN (SELECT coalesce(p.merged_into, p.id) FROM people p WHERE ${sql.join(conditions, sql` OR `)})
    ORDER BY similarity(s.name_key, ${probe.nameKey}) DESC, s.id
    LIMIT ${limit}`.execute(db);
  return result.rows.map((row) => row.id);
}

export async function replaceDocuments(db: Kysely<Database>, personId: string, documents: Omit<DocumentRow, 'person_id' | 'created_at'>[]): Promise<void> {
  await db.deleteFrom('person_documents').where('person_id', '=', personId).execute();
  if (documents.length > 0) await db.insertInto('person_documents').values(documents.map((d) => ({ ...d, person_id: personId }))).execute();
}

export async function replaceContacts(db: Kysely<Database>, personId: string, contacts: Omit<ContactRow, 'person_id' | 'created_at'>[]): Promise<void> {
  await db.deleteFrom('person_contacts').where('person_id', '=', personId).execute();
  if (contacts.length > 0) await db.insertInto('person_contacts').values(contacts.map((c) => ({ ...c, person_id: personId }))).execute();
}

export async function countMergedInto(db: Kysely<Database>, personId: string): Promise<number> {
  const row = await db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).where('merged_into', '=', personId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findMerge(db: Kysely<Database>, id: string, lock = false): Promise<MergeRow | undefined> {
  const query = db.selectFrom('person_merges').selectAll().where('id', '=', id);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

export async function listMerges(db: Kysely<Database>, personId: string): Promise<MergeRow[]> {
  return db
    .selectFrom('person_merges')
    .selectAll()
    .where((eb) => eb.or([eb('survivor_id', '=', personId), eb('merged_id', '=', personId)]))
    .orderBy('merged_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
