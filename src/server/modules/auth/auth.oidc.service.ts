import type { Kysely } from 'kysely';
import * as oidc from 'openid-client';
import type { Config } from '../../config.js';
import type { Database } from '../../db/types.js';
import type { RequestContext } from '../../http/request-context.js';
import { recordAudit } from '../audit/audit.service.js';
import { findStaffByEmail, findStaffByIdentity, insertOidcLogin, insertSession, linkIdentity, newToken, takeOidcLogin, type SsoCandidate } from './auth.repo.js';
import { PENDING_SESSION_MINUTES } from './auth.service.js';

export const OIDC_CALLBACK_PATH = '/api/v1/auth/oidc/callback';
/** Time a person has at the identity provider before the sign-on must start again. */
export const OIDC_LOGIN_MINUTES = 10;

/** Why a single sign-on did not end in a session; the login page explains each one. */
export type SsoRefusalReason = 'not_configured' | 'unavailable' | 'expired' | 'cancelled' | 'failed' | 'not_linked' | 'account_disabled';

export class SsoRefusal extends Error {
  override name = 'SsoRefusal';
  constructor(readonly reason: SsoRefusalReason, detail: string) {
    super(detail);
  }
}

type OidcSettings = NonNullable<Config['oidc']>;
type SessionSettings = Pick<Config, 'sessionHours' | 'publicUrl'>;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The relying party: discovers the provider once (again after a failure) and runs the authorization
 * code flow with PKCE, state and nonce.
 */
export class OidcClient {
  private discovered: Promise<oidc.Configuration> | undefined;

  constructor(
    private readonly settings: OidcSettings,
    readonly redirectUri: string,
  ) {}

  configuration(): Promise<oidc.Configuration> {
    if (!this.discovered) {
      const issuer = new URL(this.settings.issuerUrl);
      // Plain http is refused by openid-client; it is allowed only for a provider on this machine (tests, development).
      const insecure = issuer.protocol === 'http:' && LOOPBACK_HOSTS.has(issuer.hostname);
      this.discovered = oidc.discovery(
        issuer,
        this.settings.clientId,
        undefined,
        oidc.ClientSecretBasic(this.settings.clientSecret),
        insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
      );
      this.discovered.catch(() => {
        this.discovered = undefined;
      });
    }
    return this.discovered;
  }

  /** Where to send the browser, and the token its cookie must bring back. */
  async start(db: Kysely<Database>): Promise<{ url: string; browserToken: string; expiresAt: Date }> {
    let configuration: oidc.Configuration;
    try {
      configuration = await this.configuration();
    } catch (error) {
      throw new SsoRefusal('unavailable', `the identity provider could not be reached: ${String(error)}`);
    }
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const browserToken = newToken();
    const expiresAt = new Date(Date.now() + OIDC_LOGIN_MINUTES * 60_000);
    await insertOidcLogin(db, browserToken, { state, nonce, codeVerifier }, expiresAt);
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, browserToken, expiresAt };
  }

  /** Checks the provider's answer and returns who signed in: issuer, subject and a verified e-mail. */
  async identify(db: Kysely<Database>, browserToken: string | undefined, callbackUrl: URL): Promise<{ issuer: string; subject: string; email: string | null }> {
    const pending = browserToken ? await takeOidcLogin(db, browserToken) : undefined;
    if (!pending) throw new SsoRefusal('expired', 'no single sign-on was started in this browser, or it took too long');
    if (callbackUrl.searchParams.get('error') === 'access_denied') throw new SsoRefusal('cancelled', 'the person or the provider cancelled the sign-on');
    try {
      const configuration = await this.configuration();
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('the provider returned no ID token');
      let email = verifiedEmail(claims as Record<string, unknown>);
      // Many providers put the e-mail only in the userinfo answer, not in the ID token.
      if (email === null && claims.email === undefined) email = verifiedEmail((await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub)) as Record<string, unknown>);
      return { issuer: claims.iss, subject: claims.sub, email };
    } catch (error) {
      throw new SsoRefusal('failed', `the provider's answer was refused: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** Only an address the provider says it verified may link an account. */
function verifiedEmail(claims: Record<string, unknown>): string | null {
  return typeof claims.email === 'string' && claims.email_verified === true ? claims.email : null;
}

export interface SsoSignIn {
  staffId: string;
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
  secondFactorRequired: boolean;
}

/**
 * Turns a verified identity into a session: a known (issuer, subject) pair, or else the one account
 * whose e-mail matches the verified e-mail (the pair is then remembered). Nobody registers this way.
 */
export async function signInWithIdentity(
  db: Kysely<Database>,
  settings: SessionSettings,
  context: RequestContext,
  identity: { issuer: string; subject: string; email: string | null; userAgent: string | null },
): Promise<SsoSignIn> {
  const audited = { ...context, actor: null };
  const known = await findStaffByIdentity(db, identity.issuer, identity.subject);
  let staff: SsoCandidate | undefined = known;
  if (!staff && identity.email) {
    const matches = await findStaffByEmail(db, identity.email);
    staff = matches.length === 1 ? matches[0] : undefined;
  }
  if (!staff || staff.disabled_at) {
    await recordAudit(db, audited, {
      action: 'auth.sso_refused',
      resourceType: 'staff',
      resourceId: staff?.id ?? null,
      details: { issuer: identity.issuer, subject: identity.subject, reason: staff ? 'account_disabled' : 'not_linked' },
    });
    if (staff) throw new SsoRefusal('account_disabled', 'the account is disabled');
    throw new SsoRefusal('not_linked', 'no staff account is linked to this identity or its verified e-mail');
  }
  const account = staff;
  const pending = account.totp_enabled;
  const expiresAt = new Date(Date.now() + (pending ? PENDING_SESSION_MINUTES * 60_000 : settings.sessionHours * 3600_000));
  return db.transaction().execute(async (trx) => {
    if (!known) {
      await linkIdentity(trx, identity.issuer, identity.subject, account.id);
      await recordAudit(trx, audited, { action: 'auth.sso_identity_linked', resourceType: 'staff', resourceId: account.id, details: { issuer: identity.issuer, subject: identity.subject } });
    }
    const session = await insertSession(trx, { staffId: account.id, method: 'oidc', secondFactorPending: pending, ip: context.ip, userAgent: identity.userAgent, expiresAt });
    await recordAudit(trx, audited, {
      action: pending ? 'auth.sso_accepted' : 'auth.login',
      resourceType: 'staff',
      resourceId: account.id,
      details: { username: account.username, method: 'oidc', issuer: identity.issuer },
    });
    return { staffId: account.id, sessionToken: session.token, csrfToken: session.csrfToken, expiresAt, secondFactorRequired: pending };
  });
}
