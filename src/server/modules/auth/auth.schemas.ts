import { z } from 'zod';
import { ROLES, SCOPE_TYPES } from '../../../shared/access.js';

export const LoginBody = z.object({
  username: z.string().trim().min(1, 'Enter your username').max(100),
  password: z.string().min(1, 'Enter your password').max(1000),
});

export const GrantView = z.object({
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES),
  scopeId: z.uuid(),
  centreId: z.uuid().nullable(),
});

export const Me = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  grants: z.array(GrantView),
});

export const SessionState = z.object({
  status: z.enum(['signed_in', 'second_factor_required']),
  csrfToken: z.string(),
  me: Me.nullable(),
});
export type SessionState = z.infer<typeof SessionState>;
