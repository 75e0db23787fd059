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

/** A password someone chooses: long enough to resist guessing, short enough to hash cheaply. */
export const NewPassword = z.string().min(10, 'Use at least 10 characters').max(200, 'Use at most 200 characters');

export const SecondFactorCode = z.string().trim().regex(/^\d{3}\s?\d{3}$/, 'Enter the 6-digit code from your app');

export const SecondFactorBody = z.object({ code: SecondFactorCode });
export type SecondFactorBody = z.infer<typeof SecondFactorBody>;

export const SessionView = z.object({
  id: z.uuid(),
  method: z.enum(['password', 'oidc']),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  /** Password given, code not yet: if that was not me, someone knows my password. */
  secondFactorPending: z.boolean(),
  current: z.boolean(),
});
export type SessionView = z.infer<typeof SessionView>;

export const SessionList = z.object({ items: z.array(SessionView) });

export const SessionParams = z.object({ sessionId: z.uuid() });

export const EndedSessions = z.object({ ended: z.number().int() });

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1, 'Enter your current password').max(1000),
  newPassword: NewPassword,
});

export const TotpStatus = z.object({ enabled: z.boolean() });

export const TotpEnrolmentView = z.object({
  secret: z.string(),
  uri: z.string(),
  qrCodeDataUrl: z.string(),
});

export const Providers = z.object({
  password: z.boolean(),
  sso: z.object({ label: z.string(), startUrl: z.string() }).nullable(),
});
export type Providers = z.infer<typeof Providers>;
