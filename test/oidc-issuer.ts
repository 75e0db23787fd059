import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** Someone the test identity provider knows, with the claims it asserts about them. */
export interface IssuerAccount {
  subject: string;
  email?: string;
  emailVerified?: boolean;
  name?: string;
}

export interface TestIssuer {
  url: string;
  clientId: string;
  clientSecret: string;
  /** Walks a browser through the provider from the authorization URL until it is sent back to the app. */
  signIn(authorizationUrl: string, subject: string): Promise<URL>;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1 with a random port, with one registered client
 * and the development log-in screens, which accept a subject that findAccount knows.
 */
export async function startTestIssuer(options: { redirectUri: string; accounts: IssuerAccount[] }): Promise<TestIssuer> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'oneroof-test';
  const clientSecret = 'a client secret that is long enough for HS256 signatures';
  const provider = new Provider(url, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [options.redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['oidc test cookie key'] },
    pkce: { required: () => true },
    // Explicit lifetimes keep the provider from printing a notice for each default.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    async findAccount(_ctx, subject) {
      const account = options.accounts.find((candidate) => candidate.subject === subject);
      if (!account) return undefined;
      return {
        accountId: subject,
        async claims() {
          return {
            sub: subject,
            ...(account.email ? { email: account.email, email_verified: account.emailVerified ?? false } : {}),
            ...(account.name ? { name: account.name } : {}),
          };
        },
      };
    },
  });
  server.on('request', provider.callback());

  async function signIn(authorizationUrl: string, subject: string): Promise<URL> {
    const cookies = new Map<string, string>();
    const remember = (response: Response) => {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const [name, ...value] = pair!.split('=');
        cookies.set(name!.trim(), value.join('='));
      }
    };
    const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    let next = new URL(authorizationUrl);
    let form: URLSearchParams | undefined;
    for (let hop = 0; hop < 20; hop++) {
      if (!next.href.startsWith(url)) return next;
      const response = await fetch(next, {
        method: form ? 'POST' : 'GET',
        redirect: 'manual',
        headers: { cookie: cookieHeader(), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        ...(form ? { body: form.toString() } : {}),
      });
      remember(response);
      form = undefined;
      const location = response.headers.get('location');
      if (location) {
        next = new URL(location, next);
        continue;
      }
      // An interaction page: the log-in form, then the consent form.
      const html = await response.text();
      if (html.includes('name="prompt" value="login"')) form = new URLSearchParams({ prompt: 'login', login: subject, password: 'any' });
      else if (html.includes('name="prompt" value="consent"')) form = new URLSearchParams({ prompt: 'consent' });
      else throw new Error(`unexpected page from the test issuer (${response.status}): ${html.slice(0, 300)}`);
    }
    throw new Error('the test issuer redirected too many times');
  }

  return {
    url,
    clientId,
    clientSecret,
    signIn,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
