// Subscriptions: the department's change subscriptions (security officers and auditors see every department's):
// what each follows, where it pushes, its state, how far it has delivered and whether it lags, its recent failures,
// and its dead letters, each with a Redeliver button. Pausing, resuming and cancelling take a reason, as grant
// decisions do; every step is audited by the governance service.
import { act, gql, showError, showStatus } from '../api.js';
import { badge, field, h, section, select, table, when } from '../dom.js';

const FIELDS = 'id dept owner types region purpose webhookUrl state position failures nextAttemptAt lastError lastDeliveredAt caughtUp deadLetterCount createdAt version';
const LIST = `query ConsoleSubscriptions($state: ChangeSubscriptionState) { subscriptions(state: $state, first: 100) { totalCount edges { node { ${FIELDS} } } } }`;
const DEAD = `query ConsoleDeadLetters($id: ID!) { deadLetters(subscriptionId: $id, first: 100) { totalCount edges { node { id state type domain recordKey occurredAt attempts lastError createdAt redeliveredAt } } } }`;
const REDELIVER = `mutation ConsoleRedeliver($id: ID!, $ids: [ID!]!) { redeliver(id: $id, deadLetterIds: $ids) { deadLetters { id state lastError } } }`;
const STEPS = {
  pause: { mutation: 'pauseSubscription', label: 'Pause', states: ['ACTIVE'] },
  resume: { mutation: 'resumeSubscription', label: 'Resume', states: ['PAUSED'] },
  cancel: { mutation: 'unsubscribe', label: 'Cancel', states: ['ACTIVE', 'PAUSED'] },
};

/** "caught up", "delivering", "retrying (3 failures, next 12:04)": how far behind a subscription is. */
export function lagText(s) {
  if (s.state !== 'ACTIVE') return s.state === 'PAUSED' ? 'paused' : '';
  if (s.failures > 0) return `retrying (${s.failures} failure${s.failures === 1 ? '' : 's'}${s.nextAttemptAt ? `, next ${when(s.nextAttemptAt)}` : ''})`;
  return s.caughtUp ? 'caught up' : 'delivering';
}

function deadLetterTable(subscription, letters, reload) {
  const redeliver = (ids) => (e) =>
    act(e.currentTarget, async () => {
      const { redeliver: r } = await gql(REDELIVER, { id: subscription.id, ids });
      await reload();
      const done = r.deadLetters.filter((d) => d.state === 'REDELIVERED').length;
      showStatus(`Redelivered ${done} of ${ids.length} dead letter${ids.length === 1 ? '' : 's'} of ${subscription.id}.`);
    });
  const pending = letters.filter((d) => d.state === 'PENDING');
  return h(
    'div',
    {},
    pending.length > 1 ? h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary small', onclick: redeliver(pending.slice(0, 20).map((d) => d.id)) }, `Redeliver ${Math.min(pending.length, 20)} waiting`)) : null,
    table(`Dead letters of ${subscription.id}, newest first`, [
      { label: 'Dead letter', cell: (d) => h('code', {}, d.id) },
      { label: 'State', cell: (d) => badge(d.state) },
      { label: 'Event', cell: (d) => `${d.type} (${d.domain})` },
      { label: 'Record', cell: (d) => h('code', {}, d.recordKey) },
      { label: 'Changed', cell: (d) => when(d.occurredAt) },
      { label: 'Attempts', class: 'num', cell: (d) => String(d.attempts) },
      { label: 'Last error', cell: (d) => d.lastError },
      { label: 'Redelivered', cell: (d) => when(d.redeliveredAt) },
      {
        label: 'Actions',
        cell: (d) => (d.state === 'PENDING' && subscription.webhookUrl && subscription.state !== 'CANCELLED' ? h('button', { type: 'button', class: 'primary small', 'aria-label': `Redeliver ${d.id}`, onclick: redeliver([d.id]) }, 'Redeliver') : ''),
      },
    ], letters, 'No dead letter.'),
  );
}

export function subscriptionsPage() {
  const state = select([{ value: '', label: 'all states' }, 'ACTIVE', 'PAUSED', 'CANCELLED']);
  const reason = h('input', { type: 'text', autocomplete: 'off' });
  const listSlot = h('div', {}, h('p', { class: 'muted' }, 'Loading subscriptions…'));
  const deadSlot = h('div', {}, h('p', { class: 'muted' }, 'Choose "Dead letters" on a subscription to see them.'));

  const step = (s, kind) => (e) =>
    act(e.currentTarget, async () => {
      const st = STEPS[kind];
      if (!reason.value.trim()) throw new Error(`Give a reason to ${st.label.toLowerCase()} subscription ${s.id}.`);
      const data = await gql(`mutation ConsoleSubscriptionStep($id: ID!, $reason: String!) { ${st.mutation}(id: $id, reason: $reason) { id state } }`, { id: s.id, reason: reason.value.trim() });
      reason.value = '';
      await load();
      showStatus(`Subscription ${s.id} is now ${data[st.mutation].state}.`);
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
      h('p', { class: 'muted' }, `${subscriptions.totalCount} subscription${subscriptions.totalCount === 1 ? '' : 's'}`),
      table('Change subscriptions, newest first', [
        { label: 'Subscription', cell: (s) => h('code', {}, s.id) },
        { label: 'State', cell: (s) => badge(s.state) },
        { label: 'Department', cell: (s) => `${s.dept} (${s.owner})` },
        { label: 'Events', cell: (s) => s.types.join(', ') },
        { label: 'Region', cell: (s) => s.region ?? 'own' },
        { label: 'Purpose', cell: (s) => s.purpose },
        { label: 'Webhook', cell: (s) => (s.webhookUrl ? h('code', {}, s.webhookUrl) : 'pulled') },
        { label: 'Lag', cell: (s) => lagText(s) },
        { label: 'Last delivery', cell: (s) => when(s.lastDeliveredAt) },
        { label: 'Last error', cell: (s) => s.lastError ?? '' },
        {
          label: 'Dead letters',
          class: 'num',
          cell: (s) => h('button', { type: 'button', class: 'link', 'aria-label': `Dead letters of ${s.id}`, onclick: (e) => act(e.currentTarget, () => showDead(s)) }, String(s.deadLetterCount)),
        },
        {
          label: 'Actions',
          cell: (s) => h('div', { class: 'actions tight' }, Object.entries(STEPS).filter(([, st]) => st.states.includes(s.state)).map(([kind, st]) =>
            h('button', { type: 'button', class: kind === 'cancel' ? 'danger small' : 'secondary small', 'aria-label': `${st.label} subscription ${s.id}`, onclick: step(s, kind) }, st.label))),
        },
      ], rows, 'No subscription in this state.'),
    );
  }

  state.addEventListener('change', () => act(null, load));
  load().catch((error) => {
    listSlot.replaceChildren(h('p', { class: 'empty' }, 'The subscriptions could not be loaded.'));
    showError(error);
  });
  return h(
    'div',
    { class: 'page' },
    h('h1', {}, 'Change subscriptions'),
    h('p', { class: 'muted' }, 'Departments subscribe with the subscribe mutation (README, "Subscriptions and webhooks"); each change is pushed signed to the webhook as the subscriber may read it, retried with backoff, and dead-lettered after the last attempt.'),
    section('Subscriptions', h('div', { class: 'row' }, field('State', state), field('Reason for pausing, resuming or cancelling', reason, 'Recorded in the audit trail.')), listSlot),
    section('Dead letters', deadSlot),
  );
}
