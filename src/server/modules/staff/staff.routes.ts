import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDependencies } from '../../app.js';
import { reachOf } from '../../access/actor.js';
import { AppError } from '../../http/errors.js';
import { staffContextOf, type StaffContext } from '../../http/request-context.js';
import { can } from './staff.policy.js';
import {
  CreateStaffBody,
  GrantableScopes,
  GrantParams,
  ResetPasswordBody,
  StaffGrantInput,
  StaffGrantView,
  StaffList,
  StaffListQuery,
  StaffParams,
  StaffView,
  UpdateStaffBody,
} from './staff.schemas.js';
import {
  createStaffAccount,
  endStaffSessions,
  getStaff,
  grantableScopesFor,
  grantRole,
  listStaffFor,
  resetStaffPassword,
  resetStaffSecondFactor,
  resolveGrants,
  revokeRole,
  setStaffDisabled,
  updateStaffAccount,
  viewStaff,
  type LoadedStaff,
} from './staff.service.js';

const tags = ['staff'];

function authorize(allowed: boolean): void {
  if (!allowed) throw AppError.forbidden();
}

function managesSomewhere(context: StaffContext): boolean {
  const reach = reachOf(context.actor, 'staff.manage');
  return reach.everywhere || reach.centreIds.length > 0 || reach.unitIds.length > 0;
}

/** Staff administration: accounts, roles with scopes, passwords and sessions of others. */
export const staffRoutes = (deps: AppDependencies): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps;

  /** An account the actor may see; one they may not see is "not found", as if it did not exist. */
  async function visibleStaff(context: StaffContext, staffId: string): Promise<LoadedStaff> {
    const staff = await getStaff(db, staffId);
    if (!can(context.actor, 'read', { target: staff })) throw AppError.notFound('The staff member');
    return staff;
  }

  app.get('/api/v1/staff', {
    schema: { tags, summary: 'Staff accounts the caller may see', querystring: StaffListQuery, response: { 200: StaffList } },
  }, async (request) => {
    const context = staffContextOf(request);
    authorize(can(context.actor, 'list'));
    return listStaffFor(db, context, request.query);
  });

  app.get('/api/v1/staff/grantable-scopes', {
    schema: { tags, summary: 'Places and roles the caller may grant', response: { 200: GrantableScopes } },
  }, async (request) => {
    const context = staffContextOf(request);
    authorize(managesSomewhere(context));
    return grantableScopesFor(db, context);
  });

  app.get('/api/v1/staff/:staffId', {
    schema: { tags, summary: 'One staff account with its roles', params: StaffParams, response: { 200: StaffView } },
  }, async (request) => viewStaff(db, await visibleStaff(staffContextOf(request), request.params.staffId)));

  app.post('/api/v1/staff', {
    schema: { tags, summary: 'Create a staff account', body: CreateStaffBody, response: { 201: StaffView } },
  }, async (request, reply) => {
    const context = staffContextOf(request);
    authorize(managesSomewhere(context));
    const grants = await resolveGrants(db, context, request.body.grants, (index) => `body.grants.${index}.scopeId`);
    authorize(can(context.actor, 'create', { grants }));
    const created = await createStaffAccount(db, context, request.body, grants);
    return reply.status(201).send(await viewStaff(db, created));
  });

  app.patch('/api/v1/staff/:staffId', {
    schema: { tags, summary: 'Change the name, e-mail, languages or interface language', params: StaffParams, body: UpdateStaffBody, response: { 200: StaffView } },
  }, async (request) => {
    const context = staffContextOf(request);
    const staff = await visibleStaff(context, request.params.staffId);
    authorize(can(context.actor, 'update', { target: staff }));
    return viewStaff(db, await updateStaffAccount(db, context, staff, request.body));
  });

  for (const [verb, disabled] of [['disable', true], ['enable', false]] as const) {
    app.post(`/api/v1/staff/:staffId/${verb}`, {
      schema: {
        tags,
        summary: disabled ? 'Disable an account (its sessions end at once)' : 'Enable an account again (lifts a lockout too)',
        params: StaffParams,
        response: { 200: StaffView },
      },
    }, async (request) => {
      const context = staffContextOf(request);
      const staff = await visibleStaff(context, request.params.staffId);
      authorize(can(context.actor, verb, { target: staff }));
      return viewStaff(db, await setStaffDisabled(db, context, staff, disabled));
    });
  }

  app.post('/api/v1/staff/:staffId/roles', {
    schema: { tags, summary: 'Grant a role on the network, a centre or a unit', params: StaffParams, body: StaffGrantInput, response: { 201: StaffGrantView } },
  }, async (request, reply) => {
    const context = staffContextOf(request);
    const staff = await visibleStaff(context, request.params.staffId);
    const [grant] = await resolveGrants(db, context, [request.body], () => 'body.scopeId');
    authorize(can(context.actor, 'grant', { target: staff, grants: [grant!] }));
    const stored = await grantRole(db, context, staff, grant!);
    return reply.status(201).send({ ...stored, grantedAt: stored.grantedAt.toISOString() });
  });

  app.delete('/api/v1/staff/:staffId/roles/:grantId', {
    schema: { tags, summary: 'Take a role away', params: GrantParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    const context = staffContextOf(request);
    const staff = await visibleStaff(context, request.params.staffId);
    const grant = staff.grants.find((g) => g.id === request.params.grantId);
    if (!grant) throw AppError.notFound('The role');
    authorize(can(context.actor, 'revoke', { target: staff, grants: [grant] }));
    await revokeRole(db, context, staff, grant);
    return reply.status(204).send(null);
  });

  app.post('/api/v1/staff/:staffId/password', {
    schema: { tags, summary: "Set someone's password (their sessions end)", params: StaffParams, body: ResetPasswordBody, response: { 200: z.object({ endedSessions: z.number().int() }) } },
  }, async (request) => {
    const context = staffContextOf(request);
    const staff = await visibleStaff(context, request.params.staffId);
    authorize(can(context.actor, 'reset_password', { target: staff }));
    return { endedSessions: await resetStaffPassword(db, context, staff, request.body.newPassword) };
  });

  app.post('/api/v1/staff/:staffId/sessions/end', {
    schema: { tags, summary: 'End every session of a staff member (network administrators)', params: StaffParams, response: { 200: z.object({ ended: z.number().int() }) } },
  }, async (request) => {
    const context = staffContextOf(request);
    const staff = await visibleStaff(context, request.params.staffId);
    authorize(can(context.actor, 'end_sessions', { target: staff }));
    return { ended: await endStaffSessions(db, context, staff) };
  });

  app.post('/api/v1/staff/:staffId/second-factor/reset', {
    schema: { tags, summary: 'Turn off 2-step verification of someone who lost their phone (network administrators)', params: StaffParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    const context = staffContextOf(request);
    const staff = await visibleStaff(context, request.params.staffId);
    authorize(can(context.actor, 'reset_second_factor', { target: staff }));
    await resetStaffSecondFactor(db, context, staff);
    return reply.status(204).send(null);
  });
};
