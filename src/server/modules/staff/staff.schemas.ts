import { z } from 'zod';
import { ROLES, SCOPE_TYPES } from '../../../shared/access.js';
import { NewPassword } from '../auth/auth.schemas.js';

const LanguageCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'expected a language code such as pt, en or pt-BR');

export const StaffGrantInput = z.object({
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES),
  /** The network, centre or unit the role is granted on. */
  scopeId: z.uuid(),
});
export type StaffGrantInput = z.infer<typeof StaffGrantInput>;

export const StaffGrantView = z.object({
  id: z.uuid(),
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES),
  scopeId: z.uuid(),
  centreId: z.uuid().nullable(),
  /** "Lisboa" for a centre, "Lisboa · Social Security" for a unit, the network's name for the network. */
  scopeName: z.string(),
  grantedAt: z.iso.datetime(),
});
export type StaffGrantView = z.infer<typeof StaffGrantView>;

export const StaffView = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  languages: z.array(z.string()),
  locale: z.string(),
  disabled: z.boolean(),
  lockedUntil: z.iso.datetime().nullable(),
  totpEnabled: z.boolean(),
  /** False for accounts that sign in only through single sign-on. */
  hasPassword: z.boolean(),
  ssoLinked: z.boolean(),
  createdAt: z.iso.datetime(),
  grants: z.array(StaffGrantView),
});
export type StaffView = z.infer<typeof StaffView>;

export const StaffList = z.object({ items: z.array(StaffView), total: z.number().int() });

export const StaffListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(['active', 'disabled', 'all']).default('active'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type StaffListQuery = z.infer<typeof StaffListQuery>;

export const CreateStaffBody = z.object({
  username: z
    .string()
    .trim()
    .min(3, 'Use at least 3 characters')
    .max(60, 'Use at most 60 characters')
    .regex(/^[A-Za-z0-9._-]+$/, 'Use letters, digits, dots, dashes or underscores'),
  displayName: z.string().trim().min(1, 'Enter the name').max(120),
  email: z.email('Enter a valid e-mail address').max(254).nullable().default(null),
  languages: z.array(LanguageCode).max(30).default([]),
  locale: LanguageCode.optional(),
  /** None (null) for an account that signs in only through single sign-on. */
  password: NewPassword.nullable().default(null),
  /** Roles given at creation; managers who do not manage the whole network must give at least one. */
  grants: z.array(StaffGrantInput).max(20).default([]),
});
export type CreateStaffBody = z.infer<typeof CreateStaffBody>;

export const UpdateStaffBody = z.object({
  displayName: z.string().trim().min(1, 'Enter the name').max(120).optional(),
  email: z.email('Enter a valid e-mail address').max(254).nullable().optional(),
  languages: z.array(LanguageCode).max(30).optional(),
  locale: LanguageCode.optional(),
});
export type UpdateStaffBody = z.infer<typeof UpdateStaffBody>;

export const StaffParams = z.object({ staffId: z.uuid() });
export const GrantParams = z.object({ staffId: z.uuid(), grantId: z.uuid() });

export const ResetPasswordBody = z.object({ newPassword: NewPassword });

export const NamedPlace = z.object({ id: z.uuid(), name: z.string() });

/** What the role pickers offer: the places and roles this manager may grant on. */
export const GrantableScopes = z.object({
  network: NamedPlace.nullable(),
  centres: z.array(NamedPlace.extend({ units: z.array(NamedPlace) })),
  roles: z.array(z.enum(ROLES)),
});
export type GrantableScopes = z.infer<typeof GrantableScopes>;
