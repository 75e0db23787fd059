import type { Kysely, Selectable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { actorMay, type Actor } from '../../access/actor.js';
import type { CasefileFormsTable, Database, FormField } from '../../db/types.js';
import { AppError, type FieldError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadServiceOfUnit, loadUnit, type UnitPlace } from './casefile.guard.js';
import type { FormInput, FormView } from './casefile.schemas.js';

type FormRow = Selectable<CasefileFormsTable>;

export function presentForm(row: FormRow): FormView {
  return { id: row.id, unitId: row.unit_id, serviceId: row.service_id, version: row.version, title: row.title, fields: row.fields, createdAt: row.created_at.toISOString() };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks answers against a form's fields and returns them cleaned (only known keys, trimmed text,
 * numbers as numbers). Every problem is reported at once, as `answers.<key>`.
 */
export function validateAnswers(fields: FormField[], answers: Record<string, unknown>): Record<string, string | number | boolean> {
  const problems: FieldError[] = [];
  const clean: Record<string, string | number | boolean> = {};
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(answers)) if (!known.has(key)) problems.push({ path: `answers.${key}`, message: 'this form has no such field' });
  for (const field of fields) {
    const path = `answers.${field.key}`;
    const raw = answers[field.key];
    const empty = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
    if (empty) {
      if (field.required) problems.push({ path, message: 'required' });
      continue;
    }
    switch (field.type) {
      case 'text':
        if (typeof raw !== 'string' || raw.length > 4000) problems.push({ path, message: 'expected a text of at most 4000 characters' });
        else clean[field.key] = raw.trim();
        break;
      case 'number': {
        const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : Number.NaN;
        if (!Number.isFinite(value)) problems.push({ path, message: 'expected a number' });
        else clean[field.key] = value;
        break;
      }
      case 'date':
        if (typeof raw !== 'string' || !DATE.test(raw) || Number.isNaN(Date.parse(`${raw}T00:00:00Z`)) || new Date(`${raw}T00:00:00Z`).toISOString().slice(0, 10) !== raw) problems.push({ path, message: 'expected a date such as 2025-05-01' });
        else clean[field.key] = raw;
        break;
      case 'choice':
        if (typeof raw !== 'string' || !field.options?.some((o) => o.value === raw)) problems.push({ path, message: `expected one of ${field.options?.map((o) => o.value).join(', ')}` });
        else clean[field.key] = raw;
        break;
      case 'yes_no':
        if (typeof raw !== 'boolean') problems.push({ path, message: 'expected true or false' });
        else clean[field.key] = raw;
        break;
    }
  }
  if (problems.length > 0) throw AppError.invalid(problems, 'Some answers do not fit the form');
  return clean;
}

/** Unit administrators (casefile.manage_forms on the unit or its centre) define forms and workflows. */
export function ensureManagesUnit(actor: Actor, unit: UnitPlace): void {
  if (!actorMay(actor, 'network.read', { centreId: unit.centreId, unitId: unit.id })) throw AppError.notFound('The unit');
  if (!actorMay(actor, 'casefile.manage_forms', { centreId: unit.centreId, unitId: unit.id })) throw AppError.forbidden('Only the unit\'s administrators define its forms');
}

/** Forms are not personal data: every staff member who reads the unit in the network model reads them. */
function ensureReadsUnit(actor: Actor, unit: UnitPlace): void {
  if (!actorMay(actor, 'network.read', { centreId: unit.centreId, unitId: unit.id })) throw AppError.notFound('The unit');
}

/** A new version of the service's form; filled forms keep the version they were written with. */
export async function defineForm(db: Kysely<Database>, context: StaffContext, unitId: string, input: FormInput): Promise<FormView> {
  const unit = await loadUnit(db, unitId);
  ensureManagesUnit(context.actor, unit);
  await loadServiceOfUnit(db, input.serviceId, unit.id);
  const row = await db.transaction().execute(async (trx) => {
    const latest = await trx.selectFrom('casefile_forms').select((eb) => eb.fn.max('version').as('version')).where('service_id', '=', input.serviceId).executeTakeFirst();
    const inserted = await trx
      .insertInto('casefile_forms')
      .values({ id: uuidv7(), unit_id: unit.id, service_id: input.serviceId, version: (latest?.version ?? 0) + 1, title: JSON.stringify(input.title), fields: JSON.stringify(input.fields), created_by: context.actor.staffId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, context, { action: 'casefile.form_define', resourceType: 'casefile_form', resourceId: inserted.id, unitId: unit.id, details: { serviceId: input.serviceId, version: inserted.version } });
    return inserted;
  });
  return presentForm(row);
}

/** The current version of each of the unit's forms (all versions with `allVersions`). */
export async function listForms(db: Kysely<Database>, context: StaffContext, unitId: string, allVersions: boolean): Promise<FormView[]> {
  const unit = await loadUnit(db, unitId);
  ensureReadsUnit(context.actor, unit);
  const rows = await db.selectFrom('casefile_forms').selectAll().where('unit_id', '=', unit.id).orderBy('service_id').orderBy('version', 'desc').execute();
  const seen = new Set<string>();
  return rows.filter((row) => allVersions || (!seen.has(row.service_id) && seen.add(row.service_id))).map(presentForm);
}

export async function findForm(db: Kysely<Database>, formId: string): Promise<FormRow | undefined> {
  return db.selectFrom('casefile_forms').selectAll().where('id', '=', formId).executeTakeFirst();
}

export async function getForm(db: Kysely<Database>, context: StaffContext, formId: string): Promise<FormView> {
  const row = await findForm(db, formId);
  if (!row) throw AppError.notFound('The form');
  ensureReadsUnit(context.actor, await loadUnit(db, row.unit_id));
  return presentForm(row);
}
