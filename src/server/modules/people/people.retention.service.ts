import { sql, type Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { CASEFILE_DOCUMENT_TYPES, IDENTITY_DOCUMENT_TYPES } from '../../../shared/document-types.js';
import { actorMay } from '../../access/actor.js';
import type { AppDependencies } from '../../app.js';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import type { RecurringTask } from '../../jobs/jobs.types.js';
import { recordAudit, recordPersonalDataChange } from '../audit/audit.service.js';
import { anonymisePeoplePastRetention } from './people.anonymise.js';
import type { KnownDocumentType, RetentionReport, RetentionRuleInput, RetentionRuleView } from './people.data-protection.schemas.js';
import { FALLBACK_RETENTION_YEARS, findDocumentsPastRetention, findPeoplePastRetention } from './people.retention.repo.js';

const SYSTEM = { actor: null, ip: null, requestId: null };

/** Retention is set for the whole network: only a network-wide grant of people.retention reaches it. */
function ensureMayManageRetention(context: StaffContext): void {
  if (!actorMay(context.actor, 'people.retention', {})) throw AppError.forbidden('Only network administrators set retention');
}

export async function listRetentionRules(db: Kysely<Database>, context: StaffContext): Promise<RetentionRuleView[]> {
  ensureMayManageRetention(context);
  // Rules for every unit first (the person as a whole, then by type), then each unit's.
  const rows = await db
    .selectFrom('retention_rules as r')
    .leftJoin('units as u', 'u.id', 'r.unit_id')
    .leftJoin('centres as c', 'c.id', 'u.centre_id')
    .select(['r.id', 'r.unit_id', 'u.name as unit_name', 'c.id as centre_id', 'c.name as centre_name', 'r.document_type', 'r.retain_years', 'r.note', 'r.updated_at'])
    .orderBy(sql`r.unit_id IS NOT NULL`)
    .orderBy('c.name')
    .orderBy('u.name')
    .orderBy(sql`r.document_type IS NOT NULL`)
    .orderBy('r.document_type')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    // Units of the same name work at several centres (immigration at each): the centre tells them apart.
    unit: r.unit_id ? { id: r.unit_id, name: r.unit_name ?? '', centre: { id: r.centre_id ?? '', name: r.centre_name ?? '' } } : null,
    documentType: r.document_type,
    retainYears: r.retain_years,
    note: r.note,
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

/** Sets the rule for one (unit, document type); setting it again replaces the years. */
export async function setRetentionRule(db: Kysely<Database>, context: StaffContext, input: RetentionRuleInput): Promise<RetentionRuleView> {
  ensureMayManageRetention(context);
  if (input.unitId) {
    const unit = await db.selectFrom('units').select('id').where('id', '=', input.unitId).executeTakeFirst();
    if (!unit) throw AppError.invalid([{ path: 'unitId', message: 'no such unit' }]);
  }
  const id = await db.transaction().execute(async (trx) => {
    let query = trx.selectFrom('retention_rules').select('id').forUpdate();
    query = input.unitId ? query.where('unit_id', '=', input.unitId) : query.where('unit_id', 'is', null);
    query = input.documentType ? query.where('document_type', '=', input.documentType) : query.where('document_type', 'is', null);
    const existing = await query.executeTakeFirst();
    const ruleId = existing?.id ?? uuidv7();
    const values = { retain_years: input.retainYears, note: input.note, updated_by: context.actor.staffId, updated_at: new Date() };
    if (existing) await trx.updateTable('retention_rules').set(values).where('id', '=', ruleId).execute();
    else await trx.insertInto('retention_rules').values({ id: ruleId, unit_id: input.unitId, document_type: input.documentType, ...values }).execute();
    await recordAudit(trx, context, { action: 'retention_rule.set', resourceType: 'retention_rule', resourceId: ruleId, unitId: input.unitId, details: { documentType: input.documentType, retainYears: input.retainYears } });
    return ruleId;
  });
  const rule = (await listRetentionRules(db, context)).find((r) => r.id === id);
  return rule!;
}

export async function deleteRetentionRule(db: Kysely<Database>, context: StaffContext, id: string): Promise<void> {
  ensureMayManageRetention(context);
  await db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom('retention_rules').where('id', '=', id).returning(['unit_id', 'document_type']).executeTakeFirst();
    if (!deleted) throw AppError.notFound('The retention rule');
    await recordAudit(trx, context, { action: 'retention_rule.delete', resourceType: 'retention_rule', resourceId: id, unitId: deleted.unit_id, details: { documentType: deleted.document_type } });
  });
}

/**
 * Document types worth suggesting for a rule: the registry's identity types, the types documents
 * in case files carry now (with how many there are), and those rules already name.
 */
export async function knownDocumentTypes(db: Kysely<Database>, context: StaffContext): Promise<KnownDocumentType[]> {
  ensureMayManageRetention(context);
  const stored = await db.selectFrom('casefile_documents').select(['document_type', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('document_type').execute();
  const ruled = await db.selectFrom('retention_rules').select(['document_type', (eb) => eb.fn.countAll<string>().as('n')]).where('document_type', 'is not', null).groupBy('document_type').execute();
  const types = new Map<string, KnownDocumentType>();
  const entry = (type: string) => types.get(type) ?? types.set(type, { type, identity: false, casefileDocuments: 0, rules: 0 }).get(type)!;
  for (const type of IDENTITY_DOCUMENT_TYPES) entry(type).identity = true;
  for (const type of CASEFILE_DOCUMENT_TYPES) entry(type);
  for (const row of stored) entry(row.document_type).casefileDocuments = Number(row.n);
  for (const row of ruled) entry(row.document_type!).rules = Number(row.n);
  return [...types.values()].sort((a, b) => a.type.localeCompare(b.type));
}

/** Names of centres, for a report that otherwise carries ids only. */
async function centreNames(db: Kysely<Database>, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('centres').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Units with their centre's name (units of one name work at several centres). */
async function unitPlaces(db: Kysely<Database>, ids: string[]): Promise<Map<string, { id: string; name: string; centre: { id: string; name: string } }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('units as u').innerJoin('centres as c', 'c.id', 'u.centre_id').select(['u.id', 'u.name', 'c.id as centre_id', 'c.name as centre_name']).where('u.id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, { id: row.id, name: row.name, centre: { id: row.centre_id, name: row.centre_name } }]));
}

/**
 * What the task would do now (a dry run): people it would anonymise, those held back by an open
 * ticket or appointment, and documents past their own type's rule — by id and place only.
 */
export async function retentionReport(db: Kysely<Database>, context: StaffContext, asOf = new Date()): Promise<RetentionReport> {
  ensureMayManageRetention(context);
  const people = await findPeoplePastRetention(db, asOf);
  const documents = await findDocumentsPastRetention(db, asOf);
  const dueIds = new Set(people.filter((p) => !p.has_open_activity).map((p) => p.person_id));
  const defaultRule = await db.selectFrom('retention_rules').select('retain_years').where('unit_id', 'is', null).where('document_type', 'is', null).executeTakeFirst();
  const centres = await centreNames(db, people.map((p) => p.home_centre_id));
  // Documents of people about to be anonymised go with them; these are the early ones.
  const early = documents.filter((d) => !dueIds.has(d.person_id));
  const units = await unitPlaces(db, early.map((d) => d.unit_id).filter((id): id is string => id !== null));
  const present = (p: (typeof people)[number]) => ({
    personId: p.person_id,
    homeCentre: { id: p.home_centre_id, name: centres.get(p.home_centre_id) ?? '' },
    lastActivityAt: new Date(p.last_activity_at).toISOString(),
    retainYears: p.retain_years,
    dueSince: new Date(p.due_since).toISOString(),
  });
  const heldBack = people.filter((p) => p.has_open_activity).map(present);
  await recordAudit(db, context, { action: 'retention.report', resourceType: 'retention', details: { people: dueIds.size, heldBack: heldBack.length, documents: early.length } });
  return {
    asOf: asOf.toISOString(),
    defaultYears: defaultRule?.retain_years ?? FALLBACK_RETENTION_YEARS,
    people: people.filter((p) => !p.has_open_activity).map(present),
    heldBack,
    blockedByOpenActivity: heldBack.length,
    documents: early.map((d) => ({
      documentId: d.document_id,
      personId: d.person_id,
      store: d.store,
      type: d.type,
      unit: d.unit_id ? (units.get(d.unit_id) ?? { id: d.unit_id, name: '', centre: { id: '', name: '' } }) : null,
      retainYears: d.retain_years,
      dueSince: new Date(d.due_since).toISOString(),
    })),
  };
}

/** Deletes identity and case-file documents whose type's rule has run out, one journal event per person. */
export async function purgeDocumentsPastRetention(db: Kysely<Database>, asOf: Date): Promise<number> {
  const documents = await findDocumentsPastRetention(db, asOf);
  const byPerson = new Map<string, typeof documents>();
  for (const document of documents) byPerson.set(document.person_id, [...(byPerson.get(document.person_id) ?? []), document]);
  for (const [personId, docs] of byPerson) {
    await db.transaction().execute(async (trx) => {
      const identityIds = docs.filter((d) => d.store === 'identity').map((d) => d.document_id);
      const casefileIds = docs.filter((d) => d.store === 'casefile').map((d) => d.document_id);
      const identity = identityIds.length ? await trx.deleteFrom('person_documents').where('id', 'in', identityIds).returning('type').execute() : [];
      // The sealed contents go with the metadata (ON DELETE CASCADE).
      const casefile = casefileIds.length ? await trx.deleteFrom('casefile_documents').where('id', 'in', casefileIds).returning(['id', 'document_type']).execute() : [];
      if (identity.length + casefile.length === 0) return;
      const person = await trx.selectFrom('people').select('home_centre_id').where('id', '=', personId).executeTakeFirstOrThrow();
      await recordPersonalDataChange(trx, SYSTEM, {
        action: 'person.document_purge',
        resourceType: 'person',
        resourceId: personId,
        centreId: person.home_centre_id,
        details: { types: identity.map((d) => d.type), casefileDocuments: casefile.map((d) => ({ id: d.id, type: d.document_type })) },
      });
    });
  }
  return documents.length;
}

/** Nightly: people past retention with nothing open, then documents past their own type's rule. */
export const anonymisationTask: RecurringTask = {
  name: 'people.anonymise_past_retention',
  cron: '30 2 * * *',
  async run(deps: AppDependencies, now: Date) {
    const { anonymised, blocked } = await anonymisePeoplePastRetention(deps.db, now);
    const documentsDeleted = await purgeDocumentsPastRetention(deps.db, now);
    return { anonymised, blocked, documentsDeleted };
  },
};
