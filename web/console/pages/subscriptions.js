// Subscriptions: the department's change subscriptions (security officers and auditors see every department's):
// what each follows, where it pushes, its state, how far it has delivered and whether it lags, its recent failures,
// and its dead letters, each with a Redeliver button. Pausing, resuming and cancelling take a reason, as grant
// decisions do; every step is audited by the governance service.
import { act, gql, showError, showStatus } from '../api.js';
import { enumBadge, field, h, section, select, table, when } from '../dom.js';
import { formatNumber, label, t } from '../../shared/i18n.js';

const FIELDS = 'id dept owner types region purpose webhookUrl state position failures nextAttemptAt lastError lastDeliveredAt caughtUp deadLetterCount createdAt version';
const LIST = `query ConsoleSubscriptions($state: ChangeSubscriptionState) { subscriptions(state: $state, first: 100) { totalCount edges { node { ${FIELDS} } } } }`;
const DEAD = `query ConsoleDeadLetters($id: ID!) { deadLetters(subscriptionId: $id, first: 100) { totalCount edges { node { id state type domain recordKey occurredAt attempts lastError createdAt redeliveredAt } } } }`;
const REDELIVER = `mutation ConsoleRedeliver($id: ID!, $ids: [ID!]!) { redeliver(id: $id, deadLetterIds: $ids) { deadLetters { id state lastError } } }`;
const STEPS = {
  pause: { mutation: 'pauseSubscription', get label() { return t('console.subscriptions.pause'); }, aria: 'console.subscriptions.pauseOf', missing: 'console.subscriptions.reasonToPause', states: ['ACTIVE'] },
  resume: { mutation: 'resumeSubscription', get label() { return t('console.subscriptions.resume'); }, aria: 'console.subscriptions.resumeOf', missing: 'console.subscriptions.reasonToResume', states: ['PAUSED'] },
  cancel: { mutation: 'unsubscribe', get label() { return t('console.subscriptions.cancel'); }, aria: 'console.subscriptions.cancelOf', missing: 'console.subscriptions.reasonToCancel', states: ['ACTIVE', 'PAUSED'] },
};

/** "caught up", "delivering", "retrying (3 failures, next 12:04)": how far behind a subscription is. */
export function lagText(s) {
  if (s.state !== 'ACTIVE') return s.state === 'PAUSED' ? t('console.subscriptions.lagPaused') : '';
  if (s.failures > 0) {
    const params = { count: s.failures, n: formatNumber(s.failures), next: when(s.nextAttemptAt) };
    return s.nextAttemptAt ? t('console.subscriptions.lagRetryingNext', params) : t('console.subscriptions.lagRetrying', params);
  }
  return s.caughtUp ? t('console.subscriptions.lagCaughtUp') : t('console.subscriptions.lagDelivering');
}

function deadLetterTable(subscription, letters, reload) {
  const redeliver = (ids) => (e) =>
    act(e.currentTarget, async () => {
      const { redeliver: r } = await gql(REDELIVER, { id: subscription.id, ids });
      await reload();
      const done = r.deadLetters.filter((d) => d.state === 'REDELIVERED').length;
      showStatus(t('console.subscriptions.redelivered', { done: formatNumber(done), count: ids.length, n: formatNumber(ids.length), id: subscription.id }));
    });
  const pending = letters.filter((d) => d.state === 'PENDING');
  return h(
    'div',
    {},
    pending.length > 1 ? h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary small', onclick: redeliver(pending.slice(0, 20).map((d) => d.id)) }, t('console.subscriptions.redeliverWaiting', { n: formatNumber(Math.min(pending.length, 20)) }))) : null,
    table(t('console.subscriptions.deadCaption', { id: subscription.id }), [
      { label: t('console.col.deadLetter'), cell: (d) => h('code', {}, d.id) },
      { label: t('console.col.state'), cell: (d) => enumBadge('state', d.state) },
      { label: t('console.col.event'), cell: (d) => `${d.type} (${d.domain})` },
      { label: t('console.col.record'), cell: (d) => h('code', {}, d.recordKey) },
      { label: t('console.col.changed'), cell: (d) => when(d.occurredAt) },
      { label: t('console.col.attempts'), class: 'num', cell: (d) => formatNumber(d.attempts) },
      { label: t('console.col.lastError'), cell: (d) => d.lastError },
      { label: t('console.col.redelivered'), cell: (d) => when(d.redeliveredAt) },
      {
        label: t('console.col.actions'),
        cell: (d) => (d.state === 'PENDING' && subscription.webhookUrl && subscription.state !== 'CANCELLED' ? h('button', { type: 'button', class: 'primary small', 'aria-label': t('console.subscriptions.redeliverOf', { id: d.id }), onclick: redeliver([d.id]) }, t('console.subscriptions.redeliver')) : ''),
      },
    ], letters, t('console.subscriptions.noDead')),
  );
}

export function subscriptionsPage() {
  const state = select([{ value: '', label: t('console.allStates') }, ...['ACTIVE', 'PAUSED', 'CANCELLED'].map((s) => ({ value: s, label: label('state', s) }))]);
  const reason = h('input', { type: 'text', autocomplete: 'off' });
  const listSlot = h('div', {}, h('p', { class: 'muted' }, t('console.subscriptions.loading')));
  const deadSlot = h('div', {}, h('p', { class: 'muted' }, t('console.subscriptions.chooseDead')));

  const step = (s, kind) => (e) =>
    act(e.currentTarget, async () => {
      const st = STEPS[kind];
      if (!reason.value.trim()) throw new Error(t(st.missing, { id: s.id }));
      const data = await gql(`mutation ConsoleSubscriptionStep($id: ID!, $reason: String!) { ${st.mutation}(id: $id, reason: $reason) { id state } }`, { id: s.id, reason: reason.value.trim() });
      reason.value = '';
      await load();
      showStatus(t('console.subscriptions.nowState', { id: s.id, state: label('state', data[st.mutation].state) }));
    });

  async function showDead(s) {
    const { deadLetters } = await gql(DEAD, { id: s.id });
    deadSlot.replaceChildren(deadLetterTable(s, deadLetters.edges.map((e) => e.node), async () => {
      await load();
      await showDead(s);
    }));
  }

  async function load() {
    const { subscriptions } = await gql(LIST, { state: state.value || null });
    const rows = subscriptions.edges.map((e) => e.node);
    listSlot.replaceChildren(
      h('p', { class: 'muted' }, t('console.subscriptions.count', { count: subscriptions.totalCount, n: formatNumber(subscriptions.totalCount) })),
      table(t('console.subscriptions.tableCaption'), [
        { label: t('console.col.subscription'), cell: (s) => h('code', {}, s.id) },
        { label: t('console.col.state'), cell: (s) => enumBadge('state', s.state) },
        { label: t('console.department'), cell: (s) => t('console.personOfDept', { person: label('dept', s.dept), dept: s.owner }) },
        { label: t('console.col.events'), cell: (s) => s.types.join(', ') },
        { label: t('console.col.region'), cell: (s) => s.region ?? t('console.subscriptions.ownRegion') },
        { label: t('console.col.purpose'), cell: (s) => s.purpose },
        { label: t('console.col.webhook'), cell: (s) => (s.webhookUrl ? h('code', {}, s.webhookUrl) : t('console.subscriptions.pulled')) },
        { label: t('console.col.lag'), cell: (s) => lagText(s) },
        { label: t('console.col.lastDelivery'), cell: (s) => when(s.lastDeliveredAt) },
        { label: t('console.col.lastError'), cell: (s) => s.lastError ?? '' },
        {
          label: t('console.col.deadLetters'),
          class: 'num',
          cell: (s) => h('button', { type: 'button', class: 'link', 'aria-label': t('console.subscriptions.deadOf', { id: s.id, n: formatNumber(s.deadLetterCount) }), onclick: (e) => act(e.currentTarget, () => showDead(s)) }, formatNumber(s.deadLetterCount)),
        },
        {
          label: t('console.col.actions'),
          cell: (s) => h('div', { class: 'actions tight' }, Object.entries(STEPS).filter(([, st]) => st.states.includes(s.state)).map(([kind, st]) =>
            h('button', { type: 'button', class: kind === 'cancel' ? 'danger small' : 'secondary small', 'aria-label': t(st.aria, { id: s.id }), onclick: step(s, kind) }, st.label))),
        },
      ], rows, t('console.subscriptions.none')),
    );
  }

  state.addEventListener('change', () => act(null, load));
  load().catch((error) => {
    listSlot.replaceChildren(h('p', { class: 'empty' }, t('console.subscriptions.failed')));
    showError(error);
  });
  return h(
    'div',
    { class: 'page' },
    h('h1', {}, t('console.subscriptions.title')),
    h('p', { class: 'muted' }, t('console.subscriptions.intro')),
    section(t('console.subscriptions.list'), h('div', { class: 'row' }, field(t('console.col.state'), state), field(t('console.subscriptions.reason'), reason, t('console.subscriptions.reasonHint'))), listSlot),
    section(t('console.col.deadLetters'), deadSlot),
  );
}
