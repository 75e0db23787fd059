import { z } from 'zod';
import type { LocalisedText, WorkflowState } from '../../db/types.js';
import { LocalisedLabel } from './casefile.schemas.js';

/**
 * A procedure's workflow: its states (each with the label the person sees, per language) and the
 * moves allowed between them. A unit administrator defines one per service; until then the default
 * below applies.
 */
export interface WorkflowDefinition {
  states: WorkflowState[];
  transitions: { from: string; to: string }[];
  initialState: string;
}

const StateKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'expected lower-case letters, digits and _');
export const WorkflowInput = z
  .object({
    states: z.array(z.object({ key: StateKey, labels: LocalisedLabel, final: z.boolean().default(false) })).min(2).max(30),
    transitions: z.array(z.object({ from: StateKey, to: StateKey })).min(1).max(200),
    initialState: StateKey,
  })
  .superRefine((w, ctx) => {
    const keys = new Set(w.states.map((s) => s.key));
    if (keys.size !== w.states.length) ctx.addIssue({ code: 'custom', path: ['states'], message: 'state keys must be different' });
    const initial = w.states.find((s) => s.key === w.initialState);
    if (!initial) ctx.addIssue({ code: 'custom', path: ['initialState'], message: 'expected one of the states' });
    else if (initial.final) ctx.addIssue({ code: 'custom', path: ['initialState'], message: 'a procedure cannot start in a final state' });
    if (!w.states.some((s) => s.final)) ctx.addIssue({ code: 'custom', path: ['states'], message: 'expected at least one final state' });
    const finals = new Set(w.states.filter((s) => s.final).map((s) => s.key));
    w.transitions.forEach((t, i) => {
      if (!keys.has(t.from) || !keys.has(t.to)) ctx.addIssue({ code: 'custom', path: ['transitions', i], message: 'expected moves between defined states' });
      if (finals.has(t.from)) ctx.addIssue({ code: 'custom', path: ['transitions', i], message: 'a final state has no way out' });
      if (t.from === t.to) ctx.addIssue({ code: 'custom', path: ['transitions', i], message: 'expected a move to another state' });
    });
  });
export type WorkflowInput = z.infer<typeof WorkflowInput>;

const label = (pt: string, en: string, ar: string): LocalisedText => ({ pt, en, ar });

/** Received → under review ⇄ waiting for documents → approved | refused; cancelled from any open state. */
export const DEFAULT_WORKFLOW: WorkflowDefinition = {
  initialState: 'received',
  states: [
    { key: 'received', labels: label('Pedido recebido', 'Request received', 'تم استلام الطلب'), final: false },
    { key: 'in_review', labels: label('Em análise', 'Under review', 'قيد الدراسة'), final: false },
    { key: 'waiting_documents', labels: label('A aguardar documentos seus', 'Waiting for documents from you', 'في انتظار وثائق منك'), final: false },
    { key: 'approved', labels: label('Aprovado', 'Approved', 'تمت الموافقة'), final: true },
    { key: 'refused', labels: label('Recusado', 'Refused', 'مرفوض'), final: true },
    { key: 'cancelled', labels: label('Cancelado', 'Cancelled', 'أُلغي'), final: true },
  ],
  transitions: [
    { from: 'received', to: 'in_review' },
    { from: 'in_review', to: 'waiting_documents' },
    { from: 'waiting_documents', to: 'in_review' },
    { from: 'in_review', to: 'approved' },
    { from: 'in_review', to: 'refused' },
    { from: 'received', to: 'cancelled' },
    { from: 'in_review', to: 'cancelled' },
    { from: 'waiting_documents', to: 'cancelled' },
  ],
};

/** The label in the asked language, then its base language (pt-BR → pt), then Portuguese, then the key. */
export function labelFor(labels: LocalisedText, locale: string, fallback: string): string {
  return labels[locale] ?? labels[locale.split('-')[0]!] ?? labels.pt ?? fallback;
}

export function allowedMoves(workflow: WorkflowDefinition, from: string): string[] {
  return workflow.transitions.filter((t) => t.from === from).map((t) => t.to);
}
