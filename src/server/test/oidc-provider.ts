import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A test OpenID provider's client for Hjemvej (client_secret_basic, PKCE required). */
export const TEST_CLIENT_ID = 'hjemvej';
export const TEST_CLIENT_SECRET = 'test-client-secret-of-hjemvej';

export interface TestProvider {
  issuer: string;
  /** The provider's users by login name: their claims (`sub` is the login name). Change them freely. */
  accounts: Map<string, Record<string, unknown>>;
  /** While set, the token endpoint's ID token is re-signed for this audience (another client). */
  audience: { swapTo: string | null };
  close(): Promise<void>;
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A real OpenID provider (the `oidc-provider` package) on a random localhost port, ready when its
 * server listens: one client for Hjemvej with the given redirect and post-logout addresses, PKCE
 * required, the claims `name`, `preferred_username`, `email`, `groups` and `roles` (profile scope),
 * and its development login and consent forms (any password). Its signing key is ours, so a test
 * can hand Hjemvej an ID token that is valid in every way but its audience.
 */
export async function startTestProvider(options: {
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  host?: string;
}): Promise<TestProvider> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer();
  server.listen(0, host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${host}:${port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(8).toString('hex');
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const accounts = new Map<string, Record<string, unknown>>();
  const audience: { swapTo: string | null } = { swapTo: null };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        client_secret: TEST_CLIENT_SECRET,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris,
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username', 'groups', 'roles'],
      email: ['email'],
    },
    // The claims go into the ID token itself, as Entra ID puts `groups` there.
    conformIdTokenClaims: false,
    jwks: { keys: [jwk] },
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    findAccount: (_ctx: unknown, id: string) => {
      const claims = accounts.get(id);
      if (!claims) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...claims }) };
    },
  });
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path !== '/token' || !audience.swapTo || typeof body?.id_token !== 'string') return;
    const [header, payload] = body.id_token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    const data = `${header}.${b64url({ ...claims, aud: audience.swapTo })}`;
    const signature = sign('sha256', Buffer.from(data), privateKey).toString('base64url');
    ctx.body = { ...body, id_token: `${data}.${signature}` };
  });
  server.on('request', provider.callback());
  return {
    issuer,
    accounts,
    audience,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** Cookies of one browser at the provider. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (pair && at > 0) this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Logs in at the test provider as a browser would, with real HTTP requests: follows the redirects
 * from the authorisation address, fills the login form (`login`, any password) and the consent
 * form, and returns the address the provider sends the browser back to (Hjemvej's redirect URI
 * with `code`, `state` and `iss`) without calling it.
 */
export async function loginAtProvider(authorizationUrl: string, login: string, stopAt: string): Promise<URL> {
  const jar = new CookieJar();
  let url = new URL(authorizationUrl);
  let form: URLSearchParams | undefined;
  for (let step = 0; step < 20; step++) {
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: form.toString() } : {}),
    });
    jar.store(response);
    form = undefined;
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url);
      if (url.toString().startsWith(stopAt)) return url;
      continue;
    }
    const html = await response.text();
    if (response.status !== 200)
      throw new Error(`provider answered ${response.status}: ${html.slice(0, 300)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form at ${url}: ${html.slice(0, 300)}`);
    url = new URL(action, url);
    form = html.includes('name="login"')
      ? new URLSearchParams({ prompt: 'login', login, password: 'any' })
      : new URLSearchParams({ prompt: 'consent' });
  }
  throw new Error('too many steps at the provider');
}
