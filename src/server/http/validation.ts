import { z } from 'zod';

/**
 * Plainer default messages for the people who read them in forms: a missing field says
 * "Required" rather than zod's "expected string, received undefined".
 */
export function configureValidationMessages(): void {
  z.config({
    customError: (issue) => {
      if (issue.code === 'invalid_type' && issue.input === undefined) return 'Required';
      return undefined;
    },
  });
}
