// The card form with the Stripe gateway: Stripe.js (from js.stripe.com only, which the CSP allows
// and nothing else) draws the card field in its own frame, so the card number goes from the
// browser to Stripe and never touches our servers. The API creates the SetupIntent; the browser
// confirms it and puts the saved card's token (customer:payment method) and what admins need to
// recognise it.

import { h } from './dom.js';
import { t } from './i18n.js';
import { call, orgPath, ApiProblem } from './api.js';
import { apiForm } from './forms.js';

const STRIPE_JS = 'https://js.stripe.com/v3/';
let loading = null;

/** Loads Stripe.js once, as an external script (the console has no inline script). */
function loadStripe() {
  if (window.Stripe) return Promise.resolve(window.Stripe);
  loading = loading || new Promise((resolve, reject) => {
    const script = h('script', { src: STRIPE_JS });
    script.addEventListener('load', () => resolve(window.Stripe));
    script.addEventListener('error', () => { loading = null; reject(new Error(t('stripe.unavailable'))); });
    document.head.append(script);
  });
  return loading;
}

/** A problem shown in the form's status, like the API's. */
function problem(message, field) {
  return new ApiProblem(400, { detail: message, errors: field ? [{ field, reason: message }] : [] });
}

export function stripeCardForm({ orgId, done }) {
  let session = null; // { stripe, card, clientSecret, customer }
  const mount = h('div', { id: 'card-stripe-element', className: 'stripe-element', role: 'group', 'aria-labelledby': 'card-stripe-label' });
  const start = h('button', { type: 'button', id: 'card-stripe-start' }, t('stripe.start'));
  start.addEventListener('click', async () => {
    start.disabled = true;
    try {
      const intent = await call(orgPath(orgId, '/payment-method/setup-intent'), { method: 'POST', idempotencyKey: crypto.randomUUID() });
      const Stripe = await loadStripe();
      const stripe = Stripe(intent.data.publishableKey);
      const card = stripe.elements().create('card', { hidePostalCode: true });
      card.mount(mount);
      session = { stripe, card, clientSecret: intent.data.clientSecret, customer: intent.data.customer };
      start.hidden = true;
    } catch (e) {
      start.disabled = false;
      mount.textContent = e.message;
    }
  });
  return apiForm({
    id: 'card', title: t('cardForm.title'), submitLabel: t('cardForm.submit'),
    fields: () => [
      h('div', { className: 'field' },
        h('p', { id: 'card-stripe-label' }, t('stripe.label')),
        h('p', { className: 'hint' }, t('stripe.hint')),
        start, mount,
        h('p', { id: 'card-token-error', className: 'field-error', 'data-error-for': 'token' })),
    ],
    send: async (_, key) => {
      if (!session) throw problem(t('stripe.notStarted'), 'token');
      const { stripe, card, clientSecret, customer } = session;
      const created = await stripe.createPaymentMethod({ type: 'card', card });
      if (created.error) throw problem(created.error.message, 'token');
      const confirmed = await stripe.confirmCardSetup(clientSecret, { payment_method: created.paymentMethod.id });
      if (confirmed.error) throw problem(confirmed.error.message, 'token');
      const saved = created.paymentMethod.card;
      const result = await call(orgPath(orgId, '/payment-method'), {
        method: 'PUT', idempotencyKey: key,
        body: {
          token: `${customer}:${created.paymentMethod.id}`,
          brand: saved.brand.charAt(0).toUpperCase() + saved.brand.slice(1),
          last4: saved.last4,
          expires: `${saved.exp_year}-${String(saved.exp_month).padStart(2, '0')}`,
        },
      });
      session = null;
      card.destroy();
      start.hidden = false;
      start.disabled = false;
      return result;
    },
    done,
  });
}
