// The console's start: sign-in settings, who the token is (GET /me), the language, and the
// router from the address's #fragment to a page.

import { h, replace } from './dom.js';
import { t, setLanguage } from './i18n.js';
import { get, ApiProblem, NetworkProblem } from './api.js';
import * as auth from './auth.js';
import * as views from './views.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
const signOutButton = document.getElementById('sign-out');
let config = { signIn: 'dev' };
let me = null;

async function start() {
  config = await fetch('/console/config.json', { cache: 'no-store' }).then((r) => r.json());
  signOutButton.addEventListener('click', () => auth.signOut(config));
  if (config.signIn === 'hosted') {
    try {
      await auth.completeHostedSignIn(config);
    } catch (e) {
      return signInPage(t('signIn.failed', { detail: e.message }));
    }
  }
  window.addEventListener('hashchange', route);
  await route();
}

async function whoAmI() {
  if (!auth.token()) return null;
  try {
    return await get('/me');
  } catch (e) {
    if (e instanceof ApiProblem && (e.status === 401 || e.status === 403)) {
      auth.forget();
      return null;
    }
    throw e;
  }
}

async function route() {
  const path = location.hash.replace(/^#/, '') || '/';
  if (path === '/sign-in' && !auth.token()) return signInPage();
  try {
    me = me && auth.token() ? me : await whoAmI();
  } catch (e) {
    return failure(e);
  }
  if (!me) return signInPage();
  setLanguage(me.language || 'en');
  shell();
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0 || parts[0] === 'sign-in') {
    location.replace(me.role === 'operator' ? '#/orgs' : `#/orgs/${encodeURIComponent(me.orgId)}`);
    return;
  }
  main.setAttribute('aria-busy', 'true');
  try {
    if (parts[0] !== 'orgs') throw new views.NotFound(path);
    const [, orgId, section, item] = parts;
    markNav(orgId, section);
    if (!orgId) {
      if (me.role !== 'operator') throw new views.NotFound(path);
      await views.orgsPage(main, me);
    } else if (!section) await views.overviewPage(main, me, orgId);
    else if (section === 'ledger') await views.ledgerPage(main, me, orgId);
    else if (section === 'calls' && item) await views.callPage(main, me, orgId, item);
    else if (section === 'usage') await views.usagePage(main, me, orgId);
    else if (section === 'restrictions') await views.restrictionsPage(main, me, orgId);
    else if (section === 'activity') await views.activityPage(main, me, orgId);
    else throw new views.NotFound(path);
  } catch (e) {
    if (e instanceof views.NotFound) views.notFoundPage(main, me);
    else if (e instanceof ApiProblem && e.status === 401) {
      auth.forget();
      me = null;
      return signInPage(t('signIn.expired'));
    } else failure(e);
  } finally {
    main.removeAttribute('aria-busy');
    main.focus({ preventScroll: true });
  }
}

function shell() {
  signOutButton.hidden = false;
  signOutButton.textContent = t('signOut');
  who.textContent = me.role === 'operator' ? `${t('who.operator')} · ${me.email || me.subject}` : t('who.admin', { org: me.orgId });
}

function markNav(orgId, section) {
  const links = [];
  if (me.role === 'operator') links.push(['#/orgs', t('nav.orgs'), !orgId]);
  const org = orgId || me.orgId;
  if (org) {
    const base = `#/orgs/${encodeURIComponent(org)}`;
    links.push([base, t('nav.overview'), orgId && !section]);
    links.push([`${base}/ledger`, t('nav.ledger'), section === 'ledger' || section === 'calls']);
    links.push([`${base}/usage`, t('nav.usage'), section === 'usage']);
    links.push([`${base}/restrictions`, t('nav.restrictions'), section === 'restrictions']);
    links.push([`${base}/activity`, t('nav.activity'), section === 'activity']);
  }
  replace(nav, links.map(([href, text, current]) => h('a', { href, 'aria-current': current ? 'page' : null }, text)));
}

function failure(e) {
  replace(main,
    h('h1', {}, t('error.title')),
    h('p', { className: 'error', role: 'alert' }, e instanceof NetworkProblem ? t('error.network') : e.message));
}

function signInPage(message) {
  me = null;
  replace(nav);
  who.textContent = '';
  signOutButton.hidden = true;
  document.title = `${t('signIn.title')} — Comm Credits`;
  const note = h('p', { className: 'error', role: 'alert', id: 'sign-in-error' }, message || '');
  const signedIn = () => {
    if (location.hash === '#/') route();
    else location.hash = '#/';
  };
  const guard = (action) => async (event) => {
    event.preventDefault();
    note.textContent = '';
    try {
      await action();
      signedIn();
    } catch (e) {
      note.textContent = t('signIn.failed', { detail: e.message });
    }
  };
  if (config.signIn === 'hosted') {
    replace(main,
      h('h1', { 'data-page': 'sign-in' }, t('signIn.title')), note,
      h('button', { type: 'button', id: 'hosted-sign-in', onclick: () => auth.startHostedSignIn(config) }, t('signIn.hosted')));
    return;
  }
  const org = h('input', { id: 'dev-org', name: 'org', type: 'text', autocomplete: 'off', value: 'contoso' });
  const pasted = h('textarea', { id: 'dev-token', name: 'token', rows: 3, spellcheck: 'false' });
  replace(main,
    h('h1', { 'data-page': 'sign-in' }, t('signIn.title')),
    h('p', {}, t('signIn.devIntro')), note,
    h('section', { className: 'card' },
      h('form', { id: 'dev-sign-in', onsubmit: guard(() => auth.devSignIn({ org: org.value.trim() })) },
        h('div', { className: 'field' }, h('label', { for: 'dev-org' }, t('signIn.org')), org),
        h('div', { className: 'actions' },
          h('button', { type: 'submit', id: 'sign-in-org' }, t('signIn.asOrg')),
          h('button', { type: 'button', className: 'secondary', id: 'sign-in-operator', onclick: guard(() => auth.devSignIn({ operator: true })) }, t('signIn.asOperator'))))),
    h('section', { className: 'card' },
      h('form', { id: 'token-sign-in', onsubmit: guard(async () => auth.keep(pasted.value.trim())) },
        h('div', { className: 'field' }, h('label', { for: 'dev-token' }, t('signIn.token')), pasted),
        h('button', { type: 'submit', id: 'sign-in-token', className: 'secondary' }, t('signIn.useToken')))));
}

start().catch(failure);
