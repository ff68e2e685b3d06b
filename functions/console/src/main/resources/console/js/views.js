// The console's pages. Each takes the page element and what the route named, asks the API and
// draws the answer.

import { h, replace } from './dom.js';
import { t, money, date, dateTime, monthName, number } from './i18n.js';
import { call, get, orgPath, ApiProblem } from './api.js';
import { apiForm, field, moneyOf } from './forms.js';
import { balanceChart } from './chart.js';
import { stripeCardForm } from './stripe-card.js';

export class NotFound extends Error {}

async function getOrNotFound(path) {
  try {
    return await get(path);
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 404) throw new NotFound(path);
    throw e;
  }
}

const href = (orgId, rest = '') => `#/orgs/${encodeURIComponent(orgId)}${rest}`;

export function notFoundPage(main, me) {
  document.title = `${t('notFound.title')} — Comm Credits`;
  replace(main,
    h('h1', { 'data-page': 'not-found' }, t('notFound.title')),
    h('p', {}, t('notFound.body')),
    h('p', {}, h('a', { href: me.role === 'operator' ? '#/orgs' : href(me.orgId) }, t('notFound.back'))));
}

// ------------------------------------------------------------------ overview

export async function overviewPage(main, me, orgId) {
  const org = await getOrNotFound(orgPath(orgId));
  document.title = `${org.displayName} — Comm Credits`;
  const status = h('div', { className: 'grid', id: 'org-status' });
  const chartBox = h('section', { className: 'card wide', 'aria-labelledby': 'chart-title' });
  let days = 30;

  const refresh = async () => {
    const [fresh, history] = await Promise.all([
      get(orgPath(orgId)),
      get(orgPath(orgId, `/balance-history?days=${days}`)),
    ]);
    Object.assign(org, fresh);
    replace(status, ...statusCards(org, resume));
    drawChart(history);
  };
  const drawChart = (history) => {
    replace(chartBox,
      h('h2', { id: 'chart-title' }, t('chart.title')),
      h('div', { className: 'tabs', role: 'group', 'aria-label': t('chart.title') },
        [30, 90].map((d) => h('button', {
          type: 'button', 'aria-pressed': String(d === days), 'data-days': d,
          onclick: async () => { days = d; drawChart(await get(orgPath(orgId, `/balance-history?days=${d}`))); },
        }, t('chart.days', { days: d })))),
      h('div', { id: 'balance-chart' }, balanceChart(history)));
  };
  const resume = async () => {
    const ar = org.autoRecharge;
    await call(orgPath(orgId, '/auto-recharge'), {
      method: 'PUT', idempotencyKey: crypto.randomUUID(),
      body: { enabled: true, amount: ar.amount, trigger: ar.trigger, monthlyCap: ar.monthlyCap },
    });
    await refresh();
  };

  const c = org.currency;
  const buy = apiForm({
    id: 'buy-credit', title: t('buy.title'), submitLabel: t('buy.submit'), clearOnDone: true,
    fields: (f) => [field(f, { name: 'amount', label: t('buy.amount', { currency: c }), hint: t('buy.hint'), attributes: { inputmode: 'decimal', autocomplete: 'off' } })],
    send: (v, key) => call(orgPath(orgId, '/purchases'), { method: 'POST', idempotencyKey: key, body: { amount: moneyOf(v.amount, c) } }),
    done: async (r) => {
      await refresh();
      return r.status === 202 ? t('buy.pending') : t('buy.done', { amount: money(r.data.amount), balance: money(org.balance) });
    },
  });
  const ar = org.autoRecharge;
  const autoRecharge = apiForm({
    id: 'auto-recharge', title: t('ar.form'), submitLabel: t('ar.submit'),
    fields: (f) => [
      field(f, { name: 'enabled', type: 'checkbox', label: t('ar.enabled'), value: ar.enabled }),
      field(f, { name: 'amount', label: t('ar.amount', { currency: c }), value: ar.amount.amount, attributes: { inputmode: 'decimal' } }),
      field(f, { name: 'trigger', label: t('ar.trigger', { currency: c }), value: ar.trigger.amount, attributes: { inputmode: 'decimal' } }),
      field(f, { name: 'monthlyCap', label: t('ar.cap', { currency: c }), value: ar.monthlyCap ? ar.monthlyCap.amount : '', attributes: { inputmode: 'decimal' } }),
    ],
    send: (v, key) => call(orgPath(orgId, '/auto-recharge'), {
      method: 'PUT', idempotencyKey: key,
      body: { enabled: v.enabled, amount: moneyOf(v.amount, c), trigger: moneyOf(v.trigger, c), monthlyCap: v.monthlyCap ? moneyOf(v.monthlyCap, c) : null },
    }),
    done: async () => { await refresh(); },
  });
  // with Stripe the card is typed into Stripe's own field; the simulated gateway takes a test token
  const card = me.paymentGateway === 'stripe' ? stripeCardForm({ orgId, done: async () => { await refresh(); } }) : apiForm({
    id: 'card', title: t('cardForm.title'), submitLabel: t('cardForm.submit'), clearOnDone: true,
    fields: (f) => [
      field(f, { name: 'token', label: t('cardForm.token'), hint: t('cardForm.tokenHint'), attributes: { autocomplete: 'off', spellcheck: 'false' } }),
      field(f, { name: 'brand', label: t('cardForm.brand'), value: 'Visa' }),
      field(f, { name: 'last4', label: t('cardForm.last4'), attributes: { inputmode: 'numeric', maxlength: 4, autocomplete: 'off' } }),
      field(f, { name: 'expires', label: t('cardForm.expires'), attributes: { placeholder: '2030-12', autocomplete: 'off' } }),
    ],
    send: (v, key) => call(orgPath(orgId, '/payment-method'), { method: 'PUT', idempotencyKey: key, body: v }),
    done: async () => { await refresh(); },
  });
  const forms = [
    h('section', { className: 'card' }, buy),
    h('section', { className: 'card' }, autoRecharge, recommendation(org)),
    h('section', { className: 'card' }, card),
  ];
  if (me.role === 'operator') {
    forms.push(h('section', { className: 'card' }, apiForm({
      id: 'grant-credit', title: t('credit.title'), submitLabel: t('credit.submit'), clearOnDone: true,
      fields: (f) => [
        field(f, { name: 'amount', label: t('credit.amount', { currency: c }), attributes: { inputmode: 'decimal' } }),
        field(f, { name: 'reason', label: t('credit.reason'), rows: 2 }),
      ],
      send: (v, key) => call(orgPath(orgId, '/credits'), { method: 'POST', idempotencyKey: key, body: { amount: moneyOf(v.amount, c), reason: v.reason } }),
      done: async (r) => { await refresh(); return t('credit.done', { amount: money(r.data.entry.amount), balance: money(r.data.balance) }); },
    })));
  }
  replace(main,
    h('h1', { 'data-page': 'overview' }, org.displayName, ' ', h('span', { className: 'muted' }, `(${org.orgId})`)),
    status, h('div', { className: 'grid' }, chartBox), h('div', { className: 'grid forms' }, forms));
  await refresh();
}

function statusCards(org, resume) {
  const ar = org.autoRecharge;
  const services = org.services;
  const spending = Number(org.forecast.dailySpend.amount) > 0;
  const forecast = org.forecast.zeroAt
    ? t('forecast.zeroAt', { date: date(org.forecast.zeroAt) })
    : spending ? '' : t('forecast.none');
  const pauseKey = ar.pauseReason ? String(ar.pauseReason).split(/[^A-Z_]/)[0] : null;
  const liftByCard = pauseKey && ['HARD_DECLINE', 'SOFT_DECLINE', 'PROCESSING_ERROR'].includes(pauseKey);
  const pause = ar.paused ? h('div', { className: 'warning', id: 'pause' },
    h('p', {}, h('strong', {}, `${t('autoRecharge.paused')}: `), t(`pause.${pauseKey}`) === `pause.${pauseKey}` ? t('pause.other') : t(`pause.${pauseKey}`)),
    liftByCard
      ? h('a', { className: 'button', href: '#card-token', id: 'lift-pause', onclick: (e) => { e.preventDefault(); (document.getElementById('card-token') || document.getElementById('card-stripe-start')).focus(); } }, t('pause.liftCard'))
      : h('button', { type: 'button', id: 'lift-pause', onclick: resume }, t('pause.liftResume'))) : null;
  return [
    h('section', { className: 'card', 'aria-labelledby': 'balance-title' },
      h('h2', { id: 'balance-title' }, t('overview.balance')),
      h('p', { className: 'balance', id: 'balance', 'data-amount': org.balance.amount, 'data-currency': org.balance.currency }, money(org.balance)),
      h('p', { id: 'forecast' }, forecast, ' ', spending ? t('forecast.daily', { amount: money(org.forecast.dailySpend) }) : '')),
    h('section', { className: 'card', 'aria-labelledby': 'services-title' },
      h('h2', { id: 'services-title' }, t('overview.services')),
      h('p', {}, h('span', { className: `state ${services.state}`, id: 'service-state', 'data-state': services.state }, t(`services.${services.state}`))),
      h('p', { id: 'service-reason' }, services.creditFundedServicesAvailable ? t('services.activeWhy') : t('services.suspendedWhy'))),
    h('section', { className: 'card', 'aria-labelledby': 'ar-title' },
      h('h2', { id: 'ar-title' }, t('autoRecharge.title')),
      h('p', { id: 'auto-recharge-state' }, ar.enabled ? t('autoRecharge.on', { amount: money(ar.amount), trigger: money(ar.trigger) }) : t('autoRecharge.off')),
      h('dl', { className: 'facts' },
        h('dt', {}, t('autoRecharge.cap')), h('dd', {}, ar.monthlyCap ? money(ar.monthlyCap) : t('autoRecharge.noCap')),
        ar.rechargedThisMonth ? [h('dt', {}, t('autoRecharge.rechargedThisMonth')), h('dd', {}, money(ar.rechargedThisMonth))] : null),
      pause),
    h('section', { className: 'card', 'aria-labelledby': 'card-title' },
      h('h2', { id: 'card-title' }, t('card.title')),
      org.card
        ? h('p', { id: 'card-on-file' }, t('card.summary', { brand: org.card.brand, last4: org.card.last4, expires: org.card.expires }))
        : h('p', { id: 'card-on-file' }, t('card.none')),
      org.card && org.card.expiresWithin30Days ? h('p', { className: 'warning', id: 'card-expiring' }, t('card.expiring')) : null),
  ];
}

function recommendation(org) {
  const r = org.recommended;
  return h('aside', { className: 'recommended', 'aria-labelledby': 'recommended-title' },
    h('h3', { id: 'recommended-title' }, t('recommended.title', { users: number(org.licences.licensedUsers) })),
    h('dl', { className: 'facts' },
      h('dt', {}, t('recommended.deposit')), h('dd', { id: 'recommended-deposit' }, money(r.initialDeposit)),
      h('dt', {}, t('recommended.trigger')), h('dd', { id: 'recommended-trigger' }, money(r.trigger)),
      h('dt', {}, t('recommended.current')), h('dd', {}, money(org.autoRecharge.trigger))),
    r.note ? h('p', { className: 'muted' }, r.note) : null);
}

// ------------------------------------------------------------------ ledger and calls

export async function ledgerPage(main, me, orgId) {
  const cursors = [null];
  const body = h('div', {});
  const show = async (index) => {
    const cursor = cursors[index];
    const page = await getOrNotFound(orgPath(orgId, `/ledger?limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
    cursors[index + 1] = page.nextCursor;
    replace(body,
      page.items.length === 0 ? h('p', {}, t('ledger.empty')) : h('div', { className: 'table-wrap' }, h('table', { id: 'ledger' },
        h('caption', { className: 'visually-hidden' }, t('ledger.title')),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('ledger.at')), h('th', { scope: 'col' }, t('ledger.kind')),
          h('th', { scope: 'col' }, t('ledger.memo')), h('th', { scope: 'col', className: 'num' }, t('ledger.amount')),
          h('th', { scope: 'col' }, t('ledger.audit')))),
        h('tbody', {}, page.items.map((e) => h('tr', { 'data-kind': e.kind },
          h('td', {}, dateTime(e.at)), h('td', {}, t(`kind.${e.kind}`) === `kind.${e.kind}` ? e.kind : t(`kind.${e.kind}`)),
          h('td', {}, e.memo), h('td', { className: 'num' }, money(e.amount)),
          h('td', {}, e.usageId ? [h('a', { href: href(orgId, `/calls/${encodeURIComponent(e.usageId)}`), className: 'cdr-link' }, e.usageId), h('br'), h('span', { className: 'muted' }, e.rateRef || '')] : '')))))),
      h('div', { className: 'pager' },
        index > 0 ? h('button', { type: 'button', className: 'secondary', onclick: () => show(index - 1) }, t('ledger.newer')) : null,
        page.nextCursor ? h('button', { type: 'button', className: 'secondary', id: 'ledger-older', onclick: () => show(index + 1) }, t('ledger.older')) : null));
  };
  await show(0);
  document.title = `${t('ledger.title')} — Comm Credits`;
  replace(main, h('h1', { 'data-page': 'ledger' }, t('ledger.title')), body);
}

export async function callPage(main, me, orgId, usageId) {
  const c = await getOrNotFound(orgPath(orgId, `/calls/${encodeURIComponent(usageId)}`));
  document.title = `${t('call.title', { usageId })} — Comm Credits`;
  const rows = [
    ['UsageId', c.usageId], ['Call ID', c.callId], ['Conference ID', c.conferenceId], ['UPN', c.userPrincipalName],
    ['User Display Name', c.userDisplayName], ['AAD ObjectId', c.userId], ['User Location', c.userLocation],
    ['Call Type', c.callType], ['Number Type', c.numberType], ['Caller ID', c.callerNumber], ['Destination Number', c.calleeNumber],
    ['Destination', c.destinationCountry], ['Start Time', dateTime(c.startTime)], ['End Time', dateTime(c.endTime)],
    [t('call.duration'), t('call.seconds', { seconds: number(c.durationSeconds) })], [t('call.connectionFee'), money(c.connectionFee)],
    [t('call.charge'), money(c.charge)], ['Capability', c.capability], [t('call.rate'), c.rateRef],
  ];
  replace(main,
    h('h1', { 'data-page': 'call' }, t('call.title', { usageId })),
    h('section', { className: 'card' }, h('dl', { className: 'facts', id: 'call' },
      rows.filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]))),
    h('p', {}, h('a', { href: href(orgId, '/ledger') }, `← ${t('ledger.title')}`)));
}

// ------------------------------------------------------------------ usage report

export async function usagePage(main, me, orgId) {
  await getOrNotFound(orgPath(orgId));
  const now = new Date();
  const months = Array.from({ length: 13 }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
  const totals = h('div', { id: 'usage-totals' });
  const picker = h('select', { id: 'usage-month', name: 'month' }, months.map((m) => h('option', { value: m }, monthName(m))));
  const status = h('p', { className: 'form-status', role: 'status', 'aria-live': 'polite' });
  const showTotals = async () => {
    const s = await get(orgPath(orgId, `/usage-summary?month=${picker.value}`));
    replace(totals, s.total.calls === 0 ? h('p', {}, t('usage.empty')) : [
      totalsTable('by-call-type', t('usage.byCallType'), s.byCallType, s.total),
      totalsTable('by-capability', t('usage.byCapability'), s.byCapability, s.total),
    ]);
  };
  const download = async () => {
    status.textContent = t('form.sending');
    try {
      const r = await call(orgPath(orgId, `/usage-report?month=${picker.value}`), { accept: 'text/csv' });
      const url = URL.createObjectURL(r.blob);
      const a = h('a', { href: url, download: `pstn-usage-${orgId}-${picker.value}.csv` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      status.textContent = '';
    } catch (e) {
      status.textContent = e.message;
    }
  };
  picker.addEventListener('change', showTotals);
  document.title = `${t('usage.title')} — Comm Credits`;
  replace(main,
    h('h1', { 'data-page': 'usage' }, t('usage.title')),
    h('section', { className: 'card' },
      h('div', { className: 'row' },
        h('div', { className: 'field' }, h('label', { for: 'usage-month' }, t('usage.month')), picker),
        h('button', { type: 'button', id: 'usage-download', onclick: download }, t('usage.download'))),
      status),
    totals);
  await showTotals();
}

function totalsTable(id, title, rows, total) {
  return h('section', { className: 'card' },
    h('h2', { id: `${id}-title` }, title),
    h('div', { className: 'table-wrap' }, h('table', { id, 'aria-labelledby': `${id}-title` },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('usage.key')), h('th', { scope: 'col', className: 'num' }, t('usage.calls')),
        h('th', { scope: 'col', className: 'num' }, t('usage.minutes')), h('th', { scope: 'col', className: 'num' }, t('usage.charge')))),
      h('tbody', {}, [...rows, { ...total, key: t('usage.total') }].map((r) => h('tr', {},
        h('th', { scope: 'row' }, r.key), h('td', { className: 'num' }, number(r.calls)),
        h('td', { className: 'num' }, number(r.minutes)), h('td', { className: 'num' }, money(r.charge))))))));
}

// ------------------------------------------------------------------ call restrictions

const DIAL_OUT = ['ANY_DESTINATION', 'SAME_COUNTRY', 'ZONE_A', 'NONE'];
const USER_CALLS = ['INTERNATIONAL_AND_DOMESTIC', 'DOMESTIC', 'NONE'];

export async function restrictionsPage(main, me, orgId) {
  const r = await getOrNotFound(orgPath(orgId, '/call-restrictions'));
  const lines = (map) => Object.entries(map || {}).map(([k, v]) => `${k}=${v}`).join('\n');
  const parse = (text) => Object.fromEntries(text.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
    const at = l.lastIndexOf('=');
    return at < 0 ? [l, ''] : [l.slice(0, at).trim(), l.slice(at + 1).trim()];
  }));
  document.title = `${t('restrictions.title')} — Comm Credits`;
  replace(main,
    h('h1', { 'data-page': 'restrictions' }, t('restrictions.title')),
    h('section', { className: 'card' }, apiForm({
      id: 'restrictions', title: t('restrictions.title'), submitLabel: t('restrictions.submit'),
      fields: (f) => [
        field(f, { name: 'dialOutDefault', label: t('restrictions.dialOut'), value: r.dialOutDefault, options: DIAL_OUT.map((p) => [p, t(`policy.${p}`)]) }),
        field(f, { name: 'organizers', label: t('restrictions.organizers'), value: lines(r.organizers), rows: 3 }),
        field(f, { name: 'userCallsDefault', label: t('restrictions.userCalls'), value: r.userCallsDefault, options: USER_CALLS.map((p) => [p, t(`policy.${p}`)]) }),
        field(f, { name: 'users', label: t('restrictions.users'), value: lines(r.users), rows: 3 }),
        h('p', { className: 'muted' }, t('restrictions.emergency')),
      ],
      send: (v, key) => call(orgPath(orgId, '/call-restrictions'), {
        method: 'PUT', idempotencyKey: key,
        body: { dialOutDefault: v.dialOutDefault, organizers: parse(v.organizers), userCallsDefault: v.userCallsDefault, users: parse(v.users) },
      }),
      done: async () => {},
    })));
}

// ------------------------------------------------------------------ rejected records and emails

export async function activityPage(main, me, orgId) {
  const [rejected, notifications] = await Promise.all([
    getOrNotFound(orgPath(orgId, '/rejected-records')),
    getOrNotFound(orgPath(orgId, '/notifications')),
  ]);
  document.title = `${t('nav.activity')} — Comm Credits`;
  replace(main,
    h('h1', { 'data-page': 'activity' }, t('nav.activity')),
    h('section', { className: 'card wide' }, h('h2', { id: 'emails-title' }, t('activity.emails')),
      notifications.items.length === 0 ? h('p', {}, t('activity.none')) : h('div', { className: 'table-wrap' }, h('table', { id: 'emails', 'aria-labelledby': 'emails-title' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('ledger.at')), h('th', { scope: 'col' }, t('activity.kind')), h('th', { scope: 'col' }, t('activity.status')))),
        h('tbody', {}, notifications.items.map((n) => h('tr', {},
          h('td', {}, dateTime(n.at)), h('td', {}, n.kind), h('td', {}, n.status, n.detail ? ` — ${n.detail}` : ''))))))),
    h('section', { className: 'card wide' }, h('h2', { id: 'rejected-title' }, t('activity.rejected')),
      rejected.items.length === 0 ? h('p', {}, t('activity.none')) : h('div', { className: 'table-wrap' }, h('table', { id: 'rejected', 'aria-labelledby': 'rejected-title' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('ledger.at')), h('th', { scope: 'col' }, t('activity.reason')), h('th', { scope: 'col' }, t('activity.record')))),
        h('tbody', {}, rejected.items.map((r) => h('tr', {},
          h('td', {}, dateTime(r.rejectedAt)), h('td', {}, r.reason), h('td', {}, h('pre', {}, r.body)))))))));
}

// ------------------------------------------------------------------ operator: orgs

export async function orgsPage(main, me, query = '', cursor = null) {
  const page = await get(`/orgs?limit=25${query ? `&query=${encodeURIComponent(query)}` : ''}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
  const search = h('input', { id: 'org-search', name: 'query', type: 'search', value: query, autocomplete: 'off' });
  document.title = `${t('orgs.title')} — Comm Credits`;
  replace(main,
    h('h1', { 'data-page': 'orgs' }, t('orgs.title')),
    h('form', { className: 'row', role: 'search', onsubmit: (e) => { e.preventDefault(); orgsPage(main, me, search.value.trim().toLowerCase()); } },
      h('div', { className: 'field' }, h('label', { for: 'org-search' }, t('orgs.search')), search),
      h('button', { type: 'submit' }, t('orgs.searchButton'))),
    page.items.length === 0 ? h('p', {}, t('orgs.none')) : h('div', { className: 'table-wrap' }, h('table', { id: 'orgs' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('orgs.id')), h('th', { scope: 'col' }, t('orgs.name')),
        h('th', { scope: 'col', className: 'num' }, t('orgs.balance')), h('th', { scope: 'col' }, t('orgs.state')))),
      h('tbody', {}, page.items.map((o) => h('tr', { 'data-org': o.orgId },
        h('td', {}, h('a', { href: href(o.orgId) }, o.orgId)), h('td', {}, o.displayName),
        h('td', { className: 'num' }, money(o.balance)), h('td', {}, h('span', { className: `state ${o.serviceState}` }, t(`services.${o.serviceState}`)))))))),
    h('div', { className: 'pager' },
      cursor ? h('button', { type: 'button', className: 'secondary', onclick: () => orgsPage(main, me, query) }, t('orgs.first')) : null,
      page.nextCursor ? h('button', { type: 'button', className: 'secondary', id: 'orgs-next', onclick: () => orgsPage(main, me, query, page.nextCursor) }, t('orgs.next')) : null));
}
