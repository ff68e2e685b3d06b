// Who is signed in. The ID token lives in this tab's sessionStorage (same origin as the API,
// gone when the tab closes), never in a URL or localStorage; sign-out removes it.
//
// On AWS: the user pool's hosted sign-in, OAuth 2.0 authorization code with PKCE (S256).
// Locally: the dev sign-in asks the local stack's issuer for a token (or takes a pasted one).

const TOKEN = 'commcredits.token';
const PKCE = 'commcredits.pkce';

export function redirectUri() {
  return `${location.origin}/console/`;
}

export function token() {
  const value = sessionStorage.getItem(TOKEN);
  if (!value) return null;
  const claims = claimsOf(value);
  if (!claims || (claims.exp && claims.exp * 1000 < Date.now())) {
    sessionStorage.removeItem(TOKEN);
    return null;
  }
  return value;
}

export function keep(value) {
  if (!claimsOf(value)) throw new Error('not a JWT');
  sessionStorage.setItem(TOKEN, value);
}

export function forget() {
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(PKCE);
}

function claimsOf(jwt) {
  try {
    const part = jwt.split('.')[1];
    return JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    return null;
  }
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText(length) {
  return base64Url(crypto.getRandomValues(new Uint8Array(length)));
}

/** Sends the browser to the hosted sign-in with a fresh PKCE verifier and state. */
export async function startHostedSignIn(config) {
  const verifier = randomText(48);
  const state = randomText(24);
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PKCE, JSON.stringify({ verifier, state }));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: config.scopes,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  location.assign(`${config.hostedUiUrl}/oauth2/authorize?${query}`);
}

/**
 * Back from the hosted sign-in: redeems the code (with the verifier only this tab knows) and
 * removes code and state from the address bar. Answers whether a sign-in was completed.
 */
export async function completeHostedSignIn(config) {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) return false;
  history.replaceState(null, '', redirectUri() + location.hash);
  const pending = JSON.parse(sessionStorage.getItem(PKCE) || 'null');
  sessionStorage.removeItem(PKCE);
  if (params.has('error')) throw new Error(params.get('error_description') || params.get('error'));
  if (!pending || pending.state !== params.get('state')) throw new Error('the sign-in answer does not match this tab');
  const response = await fetch(`${config.hostedUiUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code: params.get('code'),
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error(`the token endpoint answered ${response.status}`);
  keep((await response.json()).id_token);
  return true;
}

/** Local stack only: a token from the local issuer for an org admin or an operator. */
export async function devSignIn(request) {
  const response = await fetch('/local/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || `the local issuer answered ${response.status}`);
  keep(body.token);
}

export function signOut(config) {
  forget();
  if (config.signIn === 'hosted') {
    const query = new URLSearchParams({ client_id: config.clientId, logout_uri: redirectUri() });
    location.assign(`${config.hostedUiUrl}/logout?${query}`);
  } else {
    location.assign(redirectUri() + '#/sign-in');
  }
}
