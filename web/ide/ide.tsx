// The graph IDE: GraphiQL on /graphql with sign-in (development tokens or a pasted token), the caller's access to
// every field in the documentation, and an "Access" panel that explains the current document.
import './csp-nonce';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { buildClientSchema, getIntrospectionQuery, isInterfaceType, isNamedType, isObjectType, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { GraphiQL } from 'graphiql';
import { useGraphiQL, type GraphiQLPlugin } from '@graphiql/react';
import { useDocExplorer } from '@graphiql/plugin-doc-explorer';
import 'graphiql/style.css';
import './ide.css';
import { claimsOf, devSignInOffer, devToken, editorHeaders, graphql, session, type Claims, type DevSignIn } from './api';
import { annotateSchema, grantMutation, howToAsk, loadAccess, type AccessMap, type FieldFacts } from './access';

const DEFAULT_HEADERS = JSON.stringify({ 'X-Purpose': '' }, null, 2);

interface Loaded {
  schema: GraphQLSchema | null;
  access: AccessMap;
  problem: string | null;
}

interface AccessState {
  token: string | null;
  claims: Claims | null;
  access: AccessMap;
  /** Loads the schema and decisions again with these headers (a grant applies only under its X-Purpose). */
  reload(headers: Record<string, string>): void;
}

const AccessContext = createContext<AccessState>({ token: null, claims: null, access: new Map(), reload: () => undefined });

function SignIn({ onToken }: { onToken: (token: string) => void }) {
  const [offer, setOffer] = useState<DevSignIn | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => void devSignInOffer().then(setOffer, () => setOffer(null)), []);
  const dev = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      const region = String(form.get('region') ?? '').trim();
      onToken(await devToken({ sub: String(form.get('sub')), dept: String(form.get('dept')), roles: form.getAll('roles').map(String), ...(region ? { region } : {}) }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const paste = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const token = String(new FormData(event.currentTarget).get('token') ?? '').trim();
    if (token) onToken(token);
  };
  return (
    <div className="ide-signin">
      {offer?.available && (
        <form onSubmit={dev} aria-label="Development sign-in">
          <label>
            Subject <input name="sub" defaultValue="dev-1" required pattern="[A-Za-z0-9._@\-]{1,64}" />
          </label>
          <label>
            Department
            <select name="dept" defaultValue={offer.departments[0]}>
              {offer.departments.map((d) => <option key={d}>{d}</option>)}
            </select>
          </label>
          <fieldset>
            <legend>Roles</legend>
            {offer.roles.map((r) => (
              <label key={r}>
                <input type="checkbox" name="roles" value={r} defaultChecked={r === 'developer'} /> {r}
              </label>
            ))}
          </fieldset>
          <label>
            Region <input name="region" placeholder="460000" size={7} />
          </label>
          <button type="submit">Sign in (development)</button>
        </form>
      )}
      <form onSubmit={paste} aria-label="Sign in with a token">
        <label>
          Token <input name="token" type="password" autoComplete="off" placeholder="Paste a bearer token from your identity provider" />
        </label>
        <button type="submit">Use token</button>
      </form>
      {error && <p role="alert">{error}</p>}
    </div>
  );
}

function FactsTable({ facts }: { facts: FieldFacts[] }) {
  return (
    <table className="ide-facts" aria-label="Access per field">
      <thead>
        <tr><th>Field</th><th>Decision</th><th>Sharing</th><th>Owner</th><th>Open</th><th>Sensitivity</th><th>Mask</th></tr>
      </thead>
      <tbody>
        {facts.map((f) => (
          <tr key={`${f.type}.${f.field}`}>
            <td><code>{f.field}</code></td>
            <td className={`decision-${f.decision ?? 'unknown'}`}>{f.decision ?? '?'}</td>
            <td>{f.sharing}</td><td>{f.owner}</td><td>{f.open ? 'yes' : 'no'}</td><td>{f.sensitivity}</td><td>{f.mask}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The type and field the documentation explorer shows now. Its search jumps straight to a field, without the type
 * in the stack: the field's type is then the one whose fields include that very definition.
 */
function useDocTarget(): { type: string | null; field: string | null } {
  const stack = useDocExplorer();
  const schema = useGraphiQL((s) => s.schema);
  const current = stack[stack.length - 1]?.def;
  if (!current) return { type: null, field: null };
  if (isNamedType(current)) return { type: current.name, field: null };
  if (!('args' in current) || !schema) return { type: null, field: null };
  const owner = Object.values(schema.getTypeMap()).find((t) => (isObjectType(t) || isInterfaceType(t)) && t.getFields()[current.name] === current);
  return { type: owner?.name ?? null, field: current.name };
}

interface Explained {
  path: string;
  type: string;
  field: string;
  decision: string;
  reason: string;
}

function AccessPanel() {
  const { token, claims, access, reload } = useContext(AccessContext);
  const queryEditor = useGraphiQL((s) => s.queryEditor);
  const headerEditor = useGraphiQL((s) => s.headerEditor);
  const operationName = useGraphiQL((s) => s.operationName);
  const { type, field } = useDocTarget();
  const [explained, setExplained] = useState<Explained[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const current = field && type ? access.get(`${type}.${field}`) : undefined;
  const ofType = type ? [...access.values()].filter((f) => f.type === type) : [];

  const why = useCallback(async () => {
    setProblem(null);
    const headers = editorHeaders(headerEditor?.getValue());
    const purpose = Object.entries(headers).find(([k]) => k.toLowerCase() === 'x-purpose')?.[1]?.trim() || null;
    // One's own attributes: explain answers anyone about themselves (governance checks they are the caller's).
    const caller = { sub: claims?.sub ?? null, dept: claims?.dept ?? null, roles: claims?.roles ?? [], region: claims?.region ?? null, purpose };
    const result = await graphql<{ explain: { fields: Explained[] } }>(
      token,
      { query: 'query IdeExplain($caller: CallerInput!, $query: String!, $operationName: String) { explain(caller: $caller, query: $query, operationName: $operationName) { fields { path type field decision reason } } }', variables: { caller, query: queryEditor?.getValue() ?? '', operationName: operationName || null } },
      headers,
    );
    if (result.data?.explain) setExplained(result.data.explain.fields);
    else setProblem(result.errors?.map((e) => e.message).join(' ') ?? 'No answer.');
  }, [token, claims, headerEditor, queryEditor, operationName]);

  return (
    <section className="ide-access" aria-label="Access">
      <h2>Access</h2>
      <p>{claims ? `Signed in as ${claims.sub ?? '?'} (${claims.dept ?? 'no department'}; ${(claims.roles ?? []).join(', ')}${claims.region ? `; ${claims.region}` : ''}).` : 'Not signed in: the public sees open data only.'}</p>
      {current ? (
        <div aria-label="Current field">
          <h3>{current.type}.{current.field}: {current.decision ?? '?'}</h3>
          <table className="ide-facts" aria-label={`Catalogue facts of ${current.type}.${current.field}`}>
            <tbody>
              <tr><th>Decision</th><td className={`decision-${current.decision ?? 'unknown'}`}>{current.decision ?? '?'}{current.dependsOnRecord ? ' (depends on the record)' : ''}</td></tr>
              <tr><th>Owner</th><td>{current.owner}</td></tr>
              <tr><th>Sharing</th><td>{current.sharing}</td></tr>
              <tr><th>Open</th><td>{current.open ? 'yes' : 'no'}</td></tr>
              <tr><th>Sensitivity</th><td>{current.sensitivity}</td></tr>
              <tr><th>Mask</th><td>{current.mask}</td></tr>
            </tbody>
          </table>
          {current.reason && <p>Why: {current.reason}</p>}
          <p>{howToAsk(current)}</p>
          {current.decision !== 'FULL' && current.sharing === 'CONDITIONAL' && <pre className="ide-grant">{grantMutation(current)}</pre>}
        </div>
      ) : ofType.length > 0 ? (
        <div aria-label="Current type">
          <h3>{type}</h3>
          <FactsTable facts={ofType} />
        </div>
      ) : (
        <p>Open a type or a field in the documentation explorer to see its catalogue facts and your access here.</p>
      )}
      <button type="button" onClick={() => void why()}>Why? Explain the current document</button>{' '}
      <button type="button" onClick={() => reload(editorHeaders(headerEditor?.getValue()))}>Reload with these headers</button>
      {problem && <p role="alert">{problem}</p>}
      {explained && (
        <table className="ide-facts" aria-label="Decision per requested field">
          <thead><tr><th>Path</th><th>Decision</th><th>Reason</th></tr></thead>
          <tbody>
            {explained.map((e) => (
              <tr key={e.path}><td><code>{e.path}</code></td><td className={`decision-${e.decision}`}>{e.decision}</td><td>{e.reason}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const ACCESS_PLUGIN: GraphiQLPlugin = {
  title: 'Access',
  // A shield: who may see what.
  icon: () => (
    <svg viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M12 3l7 3v5c0 4.5-3 8.5-7 10-4-1.5-7-5.5-7-10V6l7-3z" />
      <path d="M9 12l2 2 4-4" />
    </svg>
  ),
  content: AccessPanel,
};

async function load(token: string | null, headers: Record<string, string> = {}): Promise<Loaded> {
  const introspection = await graphql<IntrospectionQuery>(token, { query: getIntrospectionQuery(), operationName: 'IntrospectionQuery' }, headers);
  let access: AccessMap = new Map();
  let problem: string | null = null;
  try {
    access = await loadAccess(token, headers);
  } catch (e) {
    problem = `Access facts unavailable: ${(e as Error).message}`;
  }
  if (!introspection.data) return { schema: null, access, problem: `The schema is not available to you: ${introspection.errors?.map((e) => e.message).join(' ') ?? 'no answer'}` };
  return { schema: annotateSchema(buildClientSchema(introspection.data), access), access, problem };
}

function App() {
  const [token, setToken] = useState<string | null>(session.token);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const claims = useMemo(() => claimsOf(token), [token]);
  const reload = useCallback(
    (headers: Record<string, string> = {}) => void load(token, headers).then(setLoaded, (e: Error) => setLoaded({ schema: null, access: new Map(), problem: e.message })),
    [token],
  );
  useEffect(() => {
    setLoaded(null);
    reload();
  }, [reload]);
  const signIn = (t: string) => {
    session.set(t);
    setToken(session.token);
  };
  const signOut = () => {
    session.clear();
    setToken(null);
  };
  const fetcher = useMemo(
    () => async (params: { query: string; variables?: unknown; operationName?: string | null }, opts?: { headers?: Record<string, unknown> }) =>
      graphql(token, params, editorHeaders(JSON.stringify(opts?.headers ?? {}))),
    [token],
  );
  return (
    <AccessContext.Provider value={{ token, claims, access: loaded?.access ?? new Map(), reload }}>
      <header className="ide-bar">
        <strong>Hainan data graph</strong>
        {claims ? (
          <span id="ide-session">
            {claims.sub} · {claims.dept} · {(claims.roles ?? []).join(', ')} <button type="button" onClick={signOut}>Sign out</button>
          </span>
        ) : (
          <SignIn onToken={signIn} />
        )}
        {loaded?.problem && <span role="status" className="ide-problem">{loaded.problem}</span>}
      </header>
      <main className="ide-main">
        {loaded ? (
          <GraphiQL key={token ?? 'public'} fetcher={fetcher} schema={loaded.schema} plugins={[ACCESS_PLUGIN]} initialHeaders={DEFAULT_HEADERS} defaultHeaders={DEFAULT_HEADERS} defaultEditorToolsVisibility="headers" />
        ) : (
          <p className="ide-loading">Loading the schema…</p>
        )}
      </main>
    </AccessContext.Provider>
  );
}

createRoot(document.getElementById('ide')!).render(<App />);
