import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { findUnitById } from '../network/network.units.service.js';
import { mayWriteSection, sectionAccess, unitsOfStaff } from './casefile.access.js';
import { auditFileChange, auditFileRead, auditSectionRead } from './casefile.audit.js';
import { findEntry, findVisibleEntries, openBreakGlass, summariseFile, type EntryRow } from './casefile.entries.repo.js';
import { findForm, validateAnswers } from './casefile.forms.service.js';
import { loadPersonOfFile, loadServiceOfUnit, loadWritableUnit } from './casefile.guard.js';
import type { EntryView, FileOverview } from './casefile.schemas.js';

export function presentEntry(row: EntryRow, breakGlass = false): EntryView {
  return {
    id: row.id,
    personId: row.person_id,
    unitId: row.unit_id,
    section: row.section,
    serviceId: row.service_id,
    formId: row.form_id,
    text: row.body,
    answers: row.answers,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    breakGlass,
  };
}

/** What the viewer may see of a person's file, section by section; other units' sections only as a count. */
export async function fileOverview(db: Kysely<Database>, context: StaffContext, personId: string): Promise<FileOverview> {
  const now = new Date();
  const person = await loadPersonOfFile(db, context.actor, personId, now);
  const sections = await summariseFile(db, context.actor, person.id, now);
  const glass = await openBreakGlass(db, context.actor, person.id, now);
  const visible = sections.filter((s) => s.visible);
  const names = new Map<string, string>();
  for (const unitId of new Set(visible.map((s) => s.unit_id))) names.set(unitId, (await findUnitById(db, unitId))?.name ?? '');
  await auditFileRead(db, context, {
    action: 'casefile.overview',
    personId: person.id,
    breakGlassReason: visible.some((s) => !s.by_need) ? glass?.reason : null,
    details: { sections: visible.map((s) => ({ unitId: s.unit_id, section: s.section })) },
  });
  return {
    personId: person.id,
    coreReadable: person.coreReadable,
    visible: visible.map((s) => ({ unitId: s.unit_id, unitName: names.get(s.unit_id) ?? '', section: s.section, records: s.records, breakGlass: !s.by_need })),
    hiddenUnits: new Set(sections.filter((s) => !s.visible).map((s) => s.unit_id)).size,
    breakGlassUntil: glass ? glass.expires_at.toISOString() : null,
  };
}

export async function listEntries(db: Kysely<Database>, context: StaffContext, personId: string, filter: { unitId?: string; section?: EntryRow['section'] }): Promise<EntryView[]> {
  const now = new Date();
  const person = await loadPersonOfFile(db, context.actor, personId, now);
  const rows = await findVisibleEntries(db, context.actor, person.id, now, filter);
  await auditSectionRead(db, context, person.id, now, rows, (r) => r.section);
  return rows.map((r) => presentEntry(r, !r.by_need));
}

/** One entry the actor may see; an entry outside their need-to-know answers 404 like a missing one. */
async function loadVisibleEntry(db: Kysely<Database>, context: StaffContext, id: string, now: Date) {
  const row = await findEntry(db, id);
  if (!row) throw AppError.notFound('The entry');
  await loadPersonOfFile(db, context.actor, row.person_id, now).catch(() => {
    throw AppError.notFound('The entry');
  });
  const access = await sectionAccess(db, context.actor, row.person_id, row.unit_id, row.section, now);
  if (!access.read) throw AppError.notFound('The entry');
  return { row, access };
}

export async function getEntry(db: Kysely<Database>, context: StaffContext, id: string): Promise<EntryView> {
  const { row, access } = await loadVisibleEntry(db, context, id, new Date());
  await auditFileRead(db, context, { action: 'casefile.section_read', personId: row.person_id, unitId: row.unit_id, section: row.section, breakGlassReason: access.breakGlassReason, details: { ids: [row.id] } });
  return presentEntry(row, access.breakGlass);
}

async function insertEntry(db: Kysely<Database>, context: StaffContext, values: Omit<EntryRow, 'id' | 'created_at' | 'updated_at' | 'created_by' | 'updated_by' | 'answers'> & { answers: Record<string, unknown> | null }): Promise<EntryView> {
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('casefile_entries')
      .values({ ...values, id: uuidv7(), answers: values.answers ? JSON.stringify(values.answers) : null, created_by: context.actor.staffId, updated_by: context.actor.staffId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditFileChange(trx, context, { action: `casefile.${values.section}_add`, personId: values.person_id, unitId: values.unit_id, section: values.section, details: { id: inserted.id, ...(values.form_id ? { formId: values.form_id } : {}) } });
    return inserted;
  });
  return presentEntry(row);
}

export async function addNote(db: Kysely<Database>, context: StaffContext, personId: string, input: { unitId: string; text: string }): Promise<EntryView> {
  const person = await loadPersonOfFile(db, context.actor, personId, new Date());
  const unit = await loadWritableUnit(db, context.actor, input.unitId, 'notes');
  return insertEntry(db, context, { person_id: person.id, unit_id: unit.id, section: 'notes', service_id: null, form_id: null, body: input.text, answers: null });
}

/** Reception records why the person came, in the section of the unit they are sent to. */
export async function addPurpose(db: Kysely<Database>, context: StaffContext, personId: string, input: { unitId: string; serviceId?: string; text: string }): Promise<EntryView> {
  const person = await loadPersonOfFile(db, context.actor, personId, new Date());
  const unit = await loadWritableUnit(db, context.actor, input.unitId, 'purposes');
  if (input.serviceId) await loadServiceOfUnit(db, input.serviceId, unit.id);
  return insertEntry(db, context, { person_id: person.id, unit_id: unit.id, section: 'purposes', service_id: input.serviceId ?? null, form_id: null, body: input.text, answers: null });
}

/**
 * Reception's purpose of a visit, written into the purposes section of each unit the visit's tickets
 * go to, inside the transaction that issues the tickets (one request, both or neither). Units the
 * issuer may not write a purpose for are left out: the visit keeps its purpose either way.
 */
export async function recordVisitPurposes(trx: Kysely<Database>, context: StaffContext, visit: { id: string; personId: string; centreId: string; purpose: string; services: { id: string; unitId: string }[] }): Promise<number> {
  const text = visit.purpose.trim();
  if (!text) return 0;
  const seen = new Set<string>();
  for (const service of visit.services) {
    if (seen.has(service.unitId) || !mayWriteSection(context.actor, { id: service.unitId, centreId: visit.centreId }, 'purposes')) continue;
    seen.add(service.unitId);
    const id = uuidv7();
    await trx.insertInto('casefile_entries').values({ id, person_id: visit.personId, unit_id: service.unitId, section: 'purposes', service_id: service.id, form_id: null, body: text, answers: null, created_by: context.actor.staffId, updated_by: context.actor.staffId }).execute();
    await auditFileChange(trx, context, { action: 'casefile.purposes_add', personId: visit.personId, unitId: service.unitId, section: 'purposes', details: { id, visitId: visit.id } });
  }
  return seen.size;
}

export async function addFormAnswers(db: Kysely<Database>, context: StaffContext, personId: string, input: { formId: string; answers: Record<string, unknown> }): Promise<EntryView> {
  const person = await loadPersonOfFile(db, context.actor, personId, new Date());
  const form = await findForm(db, input.formId);
  if (!form) throw AppError.invalid([{ path: 'formId', message: 'expected the id of a form' }]);
  const unit = await loadWritableUnit(db, context.actor, form.unit_id, 'forms');
  const answers = validateAnswers(form.fields, input.answers);
  return insertEntry(db, context, { person_id: person.id, unit_id: unit.id, section: 'forms', service_id: form.service_id, form_id: form.id, body: '', answers });
}

/** Only the owning unit's staff correct an entry (reception's purposes included). */
export async function updateEntry(db: Kysely<Database>, context: StaffContext, id: string, patch: { text?: string; answers?: Record<string, unknown> }): Promise<EntryView> {
  const { row } = await loadVisibleEntry(db, context, id, new Date());
  if (!unitsOfStaff(context.actor, 'casefile.write').includes(row.unit_id)) throw AppError.forbidden('Only the staff of this unit may change its section of the file');
  let answers: Record<string, unknown> | undefined;
  if (row.section === 'forms') {
    if (patch.text !== undefined) throw AppError.invalid([{ path: 'text', message: 'a filled form changes through its answers' }]);
    if (patch.answers) answers = validateAnswers((await findForm(db, row.form_id!))!.fields, patch.answers);
  } else if (patch.answers !== undefined) {
    throw AppError.invalid([{ path: 'answers', message: 'only a filled form has answers' }]);
  }
  const updated = await db.transaction().execute(async (trx) => {
    const next = await trx
      .updateTable('casefile_entries')
      .set({ ...(patch.text !== undefined ? { body: patch.text } : {}), ...(answers ? { answers: JSON.stringify(answers) } : {}), updated_by: context.actor.staffId, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditFileChange(trx, context, { action: `casefile.${row.section}_update`, personId: row.person_id, unitId: row.unit_id, section: row.section, details: { id, fields: Object.keys(patch) } });
    return next;
  });
  return presentEntry(updated);
}
