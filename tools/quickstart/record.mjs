// Records the quickstart's exchanges from a running real Mastra server (src/test/mastra-server: PORT=4999
// ./start.sh) into src/test/resources/quickstart/quickstart-exchanges.json, so that the quickstart's sandbox
// answers exactly what the real server answers to the same requests (the request context included, which the
// support agent echoes). Usage: node tools/quickstart/record.mjs http://127.0.0.1:4999
import { writeFileSync } from 'node:fs';

const base = (process.argv[2] ?? 'http://127.0.0.1:4999') + '/api/v1';
const agent = 'support-agent';
const question = 'What is the weather like today?';
const requestContext = { tenant: 'acme' };
const exchanges = {};

async function call(name, method, path, body, query) {
  const url = new URL(base + path);
  for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(url, init);
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  exchanges[name] = {
    request: { method, path: url.pathname, query: query ?? {}, body: body ?? null },
    response: { status: res.status, contentType: type, body: text },
  };
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`);
  return type.includes('json') ? JSON.parse(text) : text;
}

// What the quickstart's AgentSession sends: the session's context goes with every call (body on POST, query on
// GET, none on DELETE), and its first turn creates the conversation.
const encoded = Buffer.from(JSON.stringify(requestContext)).toString('base64');
const conversation = await call('createConversation', 'POST', '/conversations',
  { agent_id: agent, title: 'Quickstart', requestContext });
await call('streamResponse', 'POST', '/responses', {
  agent_id: agent, input: question, conversation_id: conversation.id, store: true, stream: true, requestContext,
});
await call('listItems', 'GET', `/conversations/${conversation.id}/items`, undefined, { requestContext: encoded });
await call('deleteConversation', 'DELETE', `/conversations/${conversation.id}`);
// An unknown agent, for the quickstart's one-line hint
try {
  await call('unknownAgent', 'POST', '/conversations', { agent_id: 'no-such-agent', title: 'Quickstart', requestContext });
} catch (e) { /* expected: 404 */ }

writeFileSync(new URL('../../src/test/resources/quickstart/quickstart-exchanges.json', import.meta.url),
  JSON.stringify({ agent, question, requestContext, exchanges }, null, 2) + '\n');
console.log('recorded', Object.keys(exchanges).join(', '));
