// The balance over time as a hand-drawn SVG (no chart library): a line of the daily closing
// balance and the recharges, purchases, credits and expiries marked on it. A sentence and a
// table say the same for screen readers.

import { h } from './dom.js';
import { t, money, date, dateTime } from './i18n.js';

const W = 720;
const H = 240;
const PAD = { left: 64, right: 12, top: 12, bottom: 28 };
const MARKER_KINDS = ['RECHARGE', 'PURCHASE', 'ADJUSTMENT', 'DEPOSIT', 'EXPIRY'];

export function balanceChart(history) {
  const points = history.points.map((p) => ({ x: Date.parse(p.at), y: Number(p.balance.amount), p }));
  if (points.length === 0) return h('p', { className: 'muted' }, t('chart.empty'));
  const x0 = Date.parse(history.from);
  const x1 = Math.max(Date.parse(history.to), x0 + 1);
  const values = points.map((p) => p.y);
  const min = Math.min(0, ...values);
  const max = Math.max(...values, min + 1);
  const sx = (x) => PAD.left + ((x - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
  const sy = (y) => PAD.top + (1 - (y - min) / (max - min)) * (H - PAD.top - PAD.bottom);
  const line = points.map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
  const area = `${sx(points[0].x).toFixed(1)},${sy(min).toFixed(1)} ${line} ${sx(points.at(-1).x).toFixed(1)},${sy(min).toFixed(1)}`;
  const currency = history.currency;
  const ticks = [min, (min + max) / 2, max];
  const lowest = points.reduce((a, b) => (b.y < a.y ? b : a));
  const highest = points.reduce((a, b) => (b.y > a.y ? b : a));
  const summary = t('chart.summary', {
    from: date(history.from), to: date(history.to), now: money(points.at(-1).p.balance),
    min: money(lowest.p.balance), max: money(highest.p.balance),
  });
  // A marker sits on the balance the change led to: the first point at or after it.
  const balanceAt = (x) => (points.find((p) => p.x >= x) || points.at(-1)).y;
  const svg = h('svg:svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': summary, 'data-points': points.length, 'data-markers': history.markers.length },
    ticks.map((v) => [
      h('svg:line', { className: 'grid-line', x1: PAD.left, x2: W - PAD.right, y1: sy(v), y2: sy(v) }),
      h('svg:text', { x: PAD.left - 6, y: sy(v) + 4, 'text-anchor': 'end' }, money({ currency, amount: v.toFixed(2) })),
    ]),
    min < 0 ? h('svg:line', { className: 'zero', x1: PAD.left, x2: W - PAD.right, y1: sy(0), y2: sy(0) }) : null,
    h('svg:line', { className: 'axis', x1: PAD.left, x2: W - PAD.right, y1: H - PAD.bottom, y2: H - PAD.bottom }),
    h('svg:text', { x: PAD.left, y: H - 8 }, date(history.from)),
    h('svg:text', { x: W - PAD.right, y: H - 8, 'text-anchor': 'end' }, date(history.to)),
    h('svg:polygon', { className: 'area', points: area }),
    h('svg:polyline', { className: 'line', points: line }),
    history.markers.map((m) => {
      const x = sx(Math.min(Math.max(Date.parse(m.at), x0), x1));
      const y = sy(balanceAt(Date.parse(m.at)));
      return h('svg:circle', { className: `marker ${m.kind}`, cx: x, cy: y, r: 5, 'data-kind': m.kind },
        h('svg:title', {}, `${t(`kind.${m.kind}`)} ${money(m.amount)} — ${dateTime(m.at)}`));
    }));
  const legend = h('ul', { className: 'legend' },
    MARKER_KINDS.filter((k) => k !== 'DEPOSIT').map((kind) => h('li', {},
      h('svg:svg', { width: 12, height: 12, viewBox: '0 0 12 12', 'aria-hidden': 'true' },
        h('svg:circle', { className: `marker ${kind}`, cx: 6, cy: 6, r: 5 })),
      t(`kind.${kind}`))));
  const table = history.markers.length === 0 ? null : h('details', {},
    h('summary', {}, `${history.markers.length} × ${MARKER_KINDS.filter((k) => history.markers.some((m) => m.kind === k)).map((k) => t(`kind.${k}`)).join(', ')}`),
    h('div', { className: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('ledger.at')), h('th', { scope: 'col' }, t('ledger.kind')), h('th', { scope: 'col', className: 'num' }, t('ledger.amount')))),
      h('tbody', {}, [...history.markers].reverse().map((m) => h('tr', {},
        h('td', {}, dateTime(m.at)), h('td', {}, t(`kind.${m.kind}`)), h('td', { className: 'num' }, money(m.amount))))))));
  return h('div', { className: 'chart' }, svg, legend, table);
}
