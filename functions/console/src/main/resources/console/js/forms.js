// Forms on the API: each field's validation error shown next to it, the form disabled while it
// is being sent, and one Idempotency-Key per intended change — kept when the answer is unknown
// (network failure, 5xx, 202) so that sending again cannot buy twice, renewed once the API
// has answered definitely.

import { h } from './dom.js';
import { t } from './i18n.js';
import { ApiProblem, NetworkProblem } from './api.js';

let formCount = 0;

/** A labelled input; {@code name} is the request's top-level field the API names in errors. */
export function field(form, { name, label, type = 'text', value = '', hint, required, options, rows, attributes = {} }) {
  const id = `${form}-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
  let control;
  if (options) {
    control = h('select', { id, name, 'aria-describedby': describedBy },
      options.map(([optionValue, text]) => h('option', { value: optionValue, selected: optionValue === value }, text)));
  } else if (rows) {
    control = h('textarea', { id, name, rows, 'aria-describedby': describedBy, ...attributes }, value);
  } else if (type === 'checkbox') {
    return h('div', { className: 'field' },
      h('div', { className: 'check' },
        h('input', { id, name, type, checked: Boolean(value), 'aria-describedby': describedBy }),
        h('label', { for: id }, label)),
      h('p', { id: `${id}-error`, className: 'field-error', 'data-error-for': name }));
  } else {
    control = h('input', { id, name, type, value, required, 'aria-describedby': describedBy, ...attributes });
  }
  return h('div', { className: 'field' },
    h('label', { for: id }, label),
    hint ? h('p', { id: `${id}-hint`, className: 'hint' }, hint) : null,
    control,
    h('p', { id: `${id}-error`, className: 'field-error', 'data-error-for': name }));
}

/**
 * A form whose submit sends {@code send(values, idempotencyKey)}; {@code done(result)} answers
 * the message to show. Returns the form element.
 */
export function apiForm({ id, title, submitLabel, fields, send, done, headingLevel = 'h2', clearOnDone = false }) {
  const formId = id || `form-${++formCount}`;
  const status = h('p', { className: 'form-status', role: 'status', 'aria-live': 'polite', id: `${formId}-status` });
  const submit = h('button', { type: 'submit' }, submitLabel);
  const group = h('fieldset', { className: 'plain' }, fields(formId), submit);
  const form = h('form', { id: formId, novalidate: true, 'aria-labelledby': `${formId}-title` },
    h(headingLevel, { id: `${formId}-title` }, title), group, status);
  let key = crypto.randomUUID();
  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    group.disabled = true;
    form.setAttribute('aria-busy', 'true');
    clearErrors(form);
    status.className = 'form-status';
    status.textContent = t('form.sending');
    try {
      const result = await send(values(form), key);
      if (result.status !== 202) key = crypto.randomUUID();
      if (clearOnDone) form.reset();
      status.className = 'form-status ok';
      status.textContent = (await done(result)) || t('form.saved');
    } catch (e) {
      if (e instanceof ApiProblem && e.status < 500) key = crypto.randomUUID();
      showProblem(form, status, e);
    } finally {
      busy = false;
      group.disabled = false;
      form.removeAttribute('aria-busy');
    }
  });
  return form;
}

function values(form) {
  const result = {};
  for (const element of form.elements) {
    if (!element.name) continue;
    result[element.name] = element.type === 'checkbox' ? element.checked : element.value.trim();
  }
  return result;
}

function clearErrors(form) {
  form.querySelectorAll('[data-error-for]').forEach((p) => { p.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}

function showProblem(form, status, e) {
  status.className = 'form-status error';
  if (e instanceof NetworkProblem) {
    status.textContent = t('error.network');
    return;
  }
  const message = e.message;
  let placed = 0;
  for (const { field: path, reason } of e.errors || []) {
    const name = String(path).split(/[.[/]/)[0];
    const slot = form.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
    if (slot) {
      slot.textContent = reason;
      form.elements[name]?.setAttribute('aria-invalid', 'true');
      placed++;
    }
  }
  status.textContent = placed ? `${t('form.fix')} ${message}` : message;
  const firstInvalid = form.querySelector('[aria-invalid="true"]');
  if (firstInvalid) firstInvalid.focus();
}

/** The admin's decimal ("12,50" or "12.50") as the API's Money. */
export function moneyOf(text, currency) {
  return { currency, amount: String(text).trim().replace(/\s/g, '').replace(',', '.') };
}
