import type { Kysely, Selectable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { actorMay } from '../../access/actor.js';
import type { CasefileProceduresTable, CasefileWorkflowsTable, Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { recordAudit } from '../audit/audit.service.js';
import { findServiceById } from '../network/network.catalogue.service.js';
import { sectionAccess, unitsOfStaff, visibleRecordsOf, type SectionRefs } from './casefile.access.js';
import { auditFileChange, auditFileRead, auditSectionRead } from './casefile.audit.js';
import { ensureManagesUnit } from './casefile.forms.service.js';
import { loadPersonOfFile, loadServiceOfUnit, loadUnit, loadWritableUnit } from './casefile.guard.js';
import type { ProcedureView, WorkflowView } from './casefile.procedures.schemas.js';
import { allowedMoves, DEFAULT_WORKFLOW, labelFor, type WorkflowDefinition, type WorkflowInput } from './casefile.workflows.js';

type WorkflowRow = Selectable<CasefileWorkflowsTable>;
type ProcedureRow = Selectable<CasefileProceduresTable>;
const REFS: SectionRefs = { person: 'p.person_id', unit: 'p.unit_id', section: { value: 'procedures' } };

const definitionOf = (row: WorkflowRow): WorkflowDefinition => ({ states: row.states, transitions: row.transitions, initialState: row.initial_state });

async function latestWorkflow(db: Kysely<Database>, serviceId: string): Promise<WorkflowRow | undefined> {
  return db.selectFrom('casefile_workflows').selectAll().where('service_id', '=', serviceId).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export async function getWorkflow(db: Kysely<Database>, context: StaffContext, serviceId: string): Promise<WorkflowView> {
  const service = await loadServiceOfUnit(db, serviceId);
  const unit = await loadUnit(db, service.unitId);
  if (!actorMay(context.actor, 'network.read', { centreId: unit.centreId, unitId: unit.id })) throw AppError.notFound('The service');
  const row = await latestWorkflow(db, service.id);
  return { serviceId: service.id, unitId: unit.id, version: row?.version ?? 0, isDefault: !row, ...(row ? definitionOf(row) : DEFAULT_WORKFLOW) };
}

/** A new version of the service's workflow; running procedures keep the version they started with. */
export async function defineWorkflow(db: Kysely<Database>, context: StaffContext, serviceId: string, input: WorkflowInput): Promise<WorkflowView> {
  const service = await loadServiceOfUnit(db, serviceId);
  const unit = await loadUnit(db, service.unitId);
  ensureManagesUnit(context.actor, unit);
  const row = await db.transaction().execute(async (trx) => {
    const latest = await latestWorkflow(trx, service.id);
    const inserted = await trx
      .insertInto('casefile_workflows')
      .values({ id: uuidv7(), service_id: service.id, version: (latest?.version ?? 0) + 1, states: JSON.stringify(input.states), transitions: JSON.stringify(input.transitions), initial_state: input.initialState, created_by: context.actor.staffId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, context, { action: 'casefile.workflow_define', resourceType: 'casefile_workflow', resourceId: inserted.id, unitId: unit.id, details: { serviceId: service.id, version: inserted.version } });
    return inserted;
  });
  return { serviceId: service.id, unitId: unit.id, version: row.version, isDefault: false, ...definitionOf(row) };
}

async function present(db: Kysely<Database>, rows: ProcedureRow[], withHistory: boolean, breakGlass: (row: ProcedureRow) => boolean): Promise<ProcedureView[]> {
  const workflows = new Map<string, WorkflowRow>();
  for (const id of new Set(rows.map((r) => r.workflow_id))) workflows.set(id, await db.selectFrom('casefile_workflows').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  const history = withHistory && rows.length > 0 ? await db.selectFrom('casefile_procedure_transitions').selectAll().where('procedure_id', 'in', rows.map((r) => r.id)).orderBy('at').orderBy('id').execute() : [];
  return rows.map((row) => {
    const workflow = definitionOf(workflows.get(row.workflow_id)!);
    const state = workflow.states.find((s) => s.key === row.state);
    return {
      id: row.id,
      personId: row.person_id,
      unitId: row.unit_id,
      serviceId: row.service_id,
      workflowVersion: workflows.get(row.workflow_id)!.version,
      state: row.state,
      stateLabels: state?.labels ?? {},
      final: row.is_final,
      allowedMoves: row.is_final ? [] : allowedMoves(workflow, row.state),
      moveLabels: Object.fromEntries((row.is_final ? [] : allowedMoves(workflow, row.state)).map((key) => [key, workflow.states.find((s) => s.key === key)?.labels ?? {}])),
      openedBy: row.opened_by,
      openedAt: row.opened_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      breakGlass: breakGlass(row),
      history: history.filter((h) => h.procedure_id === row.id).map((h) => ({ from: h.from_state, to: h.to_state, note: h.note, by: h.by_staff, at: h.at.toISOString() })),
    };
  });
}

export async function openProcedure(db: Kysely<Database>, context: StaffContext, personId: string, input: { serviceId: string; note?: string }): Promise<ProcedureView> {
  const now = new Date();
  const person = await loadPersonOfFile(db, context.actor, personId, now);
  const service = await loadServiceOfUnit(db, input.serviceId);
  const unit = await loadWritableUnit(db, context.actor, service.unitId, 'procedures');
  const row = await db.transaction().execute(async (trx) => {
    let workflow = await latestWorkflow(trx, service.id);
    // The default becomes version 1 of the service's workflow the first time it is used, so every procedure names the rules it runs on.
    workflow ??= await trx
      .insertInto('casefile_workflows')
      .values({ id: uuidv7(), service_id: service.id, version: 1, states: JSON.stringify(DEFAULT_WORKFLOW.states), transitions: JSON.stringify(DEFAULT_WORKFLOW.transitions), initial_state: DEFAULT_WORKFLOW.initialState, created_by: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    const id = uuidv7();
    const inserted = await trx
      .insertInto('casefile_procedures')
      .values({ id, person_id: person.id, unit_id: unit.id, service_id: service.id, workflow_id: workflow.id, state: workflow.initial_state, opened_by: context.actor.staffId, opened_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.insertInto('casefile_procedure_transitions').values({ id: uuidv7(), procedure_id: id, from_state: null, to_state: workflow.initial_state, note: input.note ?? '', by_staff: context.actor.staffId, at: now }).execute();
    await auditFileChange(trx, context, { action: 'casefile.procedure_open', personId: person.id, unitId: unit.id, section: 'procedures', details: { id, serviceId: service.id } });
    return inserted;
  });
  return (await present(db, [row], true, () => false))[0]!;
}

export async function listProcedures(db: Kysely<Database>, context: StaffContext, personId: string): Promise<ProcedureView[]> {
  const now = new Date();
  const person = await loadPersonOfFile(db, context.actor, personId, now);
  const rows = await visibleRecordsOf(db.selectFrom('casefile_procedures as p').selectAll('p'), context.actor, REFS, person.id, now)
    .orderBy('p.opened_at', 'desc')
    .orderBy('p.id')
    .execute();
  await auditSectionRead(db, context, person.id, now, rows, () => 'procedures');
  const byNeed = new Map(rows.map((r) => [r.id, Boolean(r.by_need)]));
  return present(db, rows, false, (r) => !byNeed.get(r.id));
}

async function loadVisible(db: Kysely<Database>, context: StaffContext, id: string, now: Date) {
  const row = await db.selectFrom('casefile_procedures').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw AppError.notFound('The procedure');
  const access = await sectionAccess(db, context.actor, row.person_id, row.unit_id, 'procedures', now);
  if (!access.read) throw AppError.notFound('The procedure');
  return { row, access };
}

export async function getProcedure(db: Kysely<Database>, context: StaffContext, id: string): Promise<ProcedureView> {
  const { row, access } = await loadVisible(db, context, id, new Date());
  await auditFileRead(db, context, { action: 'casefile.section_read', personId: row.person_id, unitId: row.unit_id, section: 'procedures', breakGlassReason: access.breakGlassReason, details: { ids: [row.id] } });
  return (await present(db, [row], true, () => access.breakGlass))[0]!;
}

/** Moves a procedure along its workflow; only the owning unit's staff, only along an allowed move. */
export async function moveProcedure(db: Kysely<Database>, context: StaffContext, id: string, input: { to: string; note?: string }): Promise<ProcedureView> {
  const now = new Date();
  const { row } = await loadVisible(db, context, id, now);
  if (!unitsOfStaff(context.actor, 'casefile.write').includes(row.unit_id)) throw AppError.forbidden('Only the staff of the unit move its procedures');
  const workflow = definitionOf(await db.selectFrom('casefile_workflows').selectAll().where('id', '=', row.workflow_id).executeTakeFirstOrThrow());
  if (row.is_final || !allowedMoves(workflow, row.state).includes(input.to)) {
    throw AppError.invalid([{ path: 'to', message: `expected one of: ${row.is_final ? '(none: the procedure is closed)' : allowedMoves(workflow, row.state).join(', ')}` }], 'This move is not allowed from the current state');
  }
  const target = workflow.states.find((s) => s.key === input.to)!;
  const updated = await db.transaction().execute(async (trx) => {
    const next = await trx.updateTable('casefile_procedures').set({ state: target.key, is_final: target.final, updated_at: now }).where('id', '=', id).where('state', '=', row.state).returningAll().executeTakeFirst();
    if (!next) throw AppError.conflict('The procedure changed meanwhile; reload it');
    await trx.insertInto('casefile_procedure_transitions').values({ id: uuidv7(), procedure_id: id, from_state: row.state, to_state: target.key, note: input.note ?? '', by_staff: context.actor.staffId, at: now }).execute();
    await auditFileChange(trx, context, { action: 'casefile.procedure_move', personId: row.person_id, unitId: row.unit_id, section: 'procedures', details: { id, from: row.state, to: target.key } });
    return next;
  });
  return (await present(db, [updated], true, () => false))[0]!;
}

export interface PersonVisibleProcedure {
  id: string;
  service: { id: string; name: string };
  status: { key: string; label: string; final: boolean };
  openedAt: string;
  updatedAt: string;
  /** Each status the procedure went through, with its label and time (no staff names, no notes). */
  steps: { label: string; at: string }[];
}

/**
 * What a person may see of their own procedures ("my procedures" on the portal and phone line):
 * the service, the status label in their language (falling back to Portuguese) and the dates.
 * Internal notes, staff and units' sections stay out. The caller authenticates the person.
 */
export async function listPersonVisibleProcedures(db: Kysely<Database>, personId: string, locale: string): Promise<PersonVisibleProcedure[]> {
  const rows = await db.selectFrom('casefile_procedures').selectAll().where('person_id', '=', personId).orderBy('opened_at', 'desc').orderBy('id').execute();
  const views = await present(db, rows, true, () => false);
  const result: PersonVisibleProcedure[] = [];
  for (const view of views) {
    const service = await findServiceById(db, view.serviceId);
    const workflow = definitionOf(await db.selectFrom('casefile_workflows').selectAll().where('id', '=', rows.find((r) => r.id === view.id)!.workflow_id).executeTakeFirstOrThrow());
    const labelOf = (key: string) => labelFor(workflow.states.find((s) => s.key === key)?.labels ?? {}, locale, key);
    result.push({
      id: view.id,
      service: { id: view.serviceId, name: service ? labelFor(service.names, locale, service.code) : '' },
      status: { key: view.state, label: labelOf(view.state), final: view.final },
      openedAt: view.openedAt,
      updatedAt: view.updatedAt,
      steps: view.history.map((h) => ({ label: labelOf(h.to), at: h.at })),
    });
  }
  return result;
}
