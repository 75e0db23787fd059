import { describe, expect, it } from 'vitest';
import { INTERFACE_LOCALES } from '../../../shared/locales.js';
import { DEFAULT_WORKFLOW, labelFor, WorkflowInput } from './casefile.workflows.js';

describe('the default procedure workflow', () => {
  it('labels every state in every interface language, each label different within a language', () => {
    for (const locale of INTERFACE_LOCALES) {
      const labels = DEFAULT_WORKFLOW.states.map((state) => state.labels[locale.code]);
      expect(labels.every((label) => typeof label === 'string' && label.trim().length > 0), locale.code).toBe(true);
      expect(new Set(labels).size, locale.code).toBe(labels.length);
    }
  });

  it('is itself a valid workflow', () => {
    expect(WorkflowInput.safeParse(DEFAULT_WORKFLOW).success).toBe(true);
  });

  it('reads a label in the language, its base language, then the host language', () => {
    const review = DEFAULT_WORKFLOW.states.find((state) => state.key === 'in_review')!.labels;
    expect(labelFor(review, 'uk', 'in_review')).toBe('На розгляді');
    expect(labelFor(review, 'fr-CA', 'in_review')).toBe('En cours d’examen');
    expect(labelFor(review, 'sw', 'in_review')).toBe('Em análise');
    expect(labelFor({}, 'sw', 'in_review')).toBe('in_review');
  });
});
