// The Admin API (docs/openapi.yaml), on this origin, with the signed-in admin's token.

import { token } from './auth.js';

/** An answer that is not 2xx: the RFC 9457 problem, with its field errors. */
export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}

export class NetworkProblem extends Error {}

export async function call(path, { method = 'GET', body, idempotencyKey, accept = 'application/json' } = {}) {
  const headers = { Accept: `${accept}, application/problem+json` };
  const bearer = token();
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  } catch (e) {
    throw new NetworkProblem(e.message);
  }
  const type = response.headers.get('Content-Type') || '';
  if (!response.ok) {
    const problem = type.includes('json') ? await response.json().catch(() => ({})) : { detail: await response.text() };
    throw new ApiProblem(response.status, problem);
  }
  if (accept === 'text/csv') {
    return { status: response.status, blob: await response.blob(), headers: response.headers };
  }
  return { status: response.status, data: type.includes('json') ? await response.json() : null, headers: response.headers };
}

export const get = (path) => call(path).then((r) => r.data);

export function orgPath(orgId, rest = '') {
  return `/orgs/${encodeURIComponent(orgId)}${rest}`;
}
