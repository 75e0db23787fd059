import { z } from 'zod';

const Labels = z.record(z.string(), z.string());

export const WorkflowView = z.object({
  serviceId: z.uuid(),
  unitId: z.uuid(),
  version: z.int().describe('0 while the service runs on the default workflow'),
  isDefault: z.boolean(),
  states: z.array(z.object({ key: z.string(), labels: Labels, final: z.boolean() })),
  transitions: z.array(z.object({ from: z.string(), to: z.string() })),
  initialState: z.string(),
});
export type WorkflowView = z.infer<typeof WorkflowView>;

export const ProcedureInput = z.object({ serviceId: z.uuid(), note: z.string().trim().max(2000).optional() });
export const ProcedureMoveInput = z.object({ to: z.string().min(1).max(40), note: z.string().trim().max(2000).optional() });

export const ProcedureView = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  unitId: z.uuid(),
  serviceId: z.uuid(),
  workflowVersion: z.int(),
  state: z.string(),
  stateLabels: Labels.describe('what the person sees, per language'),
  final: z.boolean(),
  allowedMoves: z.array(z.string()),
  moveLabels: z.record(z.string(), Labels).describe('the labels of the states the allowed moves lead to'),
  openedBy: z.uuid().nullable(),
  openedAt: z.string(),
  updatedAt: z.string(),
  breakGlass: z.boolean(),
  history: z.array(z.object({ from: z.string().nullable(), to: z.string(), note: z.string(), by: z.uuid().nullable(), at: z.string() })),
});
export type ProcedureView = z.infer<typeof ProcedureView>;
