import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { openApiValidator } from '../src/http/openapi-validate.ts';
import { problemHandler } from '../src/http/problems.ts';
import { expectProblem } from './helpers.ts';

// The contract's validation middleware on its own: a small contract with the kinds of parameters and bodies the
// real one may grow into, and routes that echo what they were given or answer what the test asks for.

const contract = `
openapi: 3.1.0
info: { title: validation test, version: '1' }
servers: [{ url: /v1 }]
paths:
  /items:
    get:
      parameters:
        - { name: limit, in: query, schema: { type: integer, minimum: 1, maximum: 50, default: 10 } }
        - { name: active, in: query, schema: { type: boolean } }
        - { name: price, in: query, schema: { type: number } }
        - { name: tags, in: query, schema: { type: array, items: { type: string } } }
        - { name: ids, in: query, explode: false, schema: { type: array, items: { type: integer } } }
        - { name: pipes, in: query, style: pipeDelimited, explode: false, schema: { type: array, items: { type: string } } }
        - { name: day, in: query, schema: { $ref: '#/components/schemas/Day' } }
        - { name: q, in: query, allowEmptyValue: true, schema: { type: string } }
        - { name: next, in: query, allowReserved: true, schema: { type: string } }
        - { name: X-Request-Id, in: header, schema: { type: string, format: uuid } }
        - { name: X-Count, in: header, schema: { type: integer } }
      responses:
        '200': { description: echo, content: { application/json: { schema: { type: object } } } }
    post:
      requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/NewItem' } } } }
      responses:
        '201': { description: created, content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } }
  /items/{id}:
    parameters:
      - { name: id, in: path, required: true, schema: { type: integer, minimum: 1 } }
    get:
      responses:
        '200': { description: one, content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } }
        4XX: { description: problem, content: { application/problem+json: { schema: { type: object } } } }
    put:
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/NewItem' } } } }
      responses:
        '204': { description: changed }
components:
  schemas:
    Day: { type: string, format: date }
    NewItem:
      type: object
      additionalProperties: false
      required: [name]
      properties:
        name: { type: string, minLength: 1 }
        email: { type: string, format: email }
        count: { type: integer }
        born: { type: [string, 'null'], format: date }
        kind: { type: string, enum: [a, b] }
    Item:
      type: object
      required: [id, name]
      properties:
        id: { type: integer }
        name: { type: string }
`;

interface Answer {
  status: number;
  type: string;
  body: any;
}

async function listen(app: express.Express): Promise<{ url: string; server: Server }> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

function testApp(specFile: string, responses: boolean): express.Express {
  const app = express();
  app.use('/v1', express.json());
  app.use(openApiValidator(specFile, { responses }));
  app.get('/v1/items', (req, res) => {
    res.json({ query: req.query });
  });
  app.post('/v1/items', (req, res) => {
    // The test picks the answer by the name it sends.
    if (req.body.name === 'wrong') res.status(201).json({ id: 'seven', name: 7 });
    else if (req.body.name === 'undeclared') res.status(202).json({ id: 1, name: 'x' });
    else res.status(201).json({ id: 1, name: req.body.name, body: req.body });
  });
  app.get('/v1/items/:id', (req, res) => {
    if (req.params.id === '404') res.status(404).type('application/problem+json').send('{"status":404}');
    else if (req.params.id === '2') res.json({ id: 2 });
    else res.json({ id: Number(req.params.id), name: 'item' });
  });
  app.put('/v1/items/:id', (req, res) => {
    if (req.params.id === '3') res.json({ changed: true });
    else res.status(204).end();
  });
  app.get('/outside', (req, res) => {
    res.json({ query: req.query });
  });
  app.use(problemHandler(() => {}));
  return app;
}

describe('contract validation middleware', () => {
  let dir: string;
  let checked: { url: string; server: Server };
  let unchecked: { url: string; server: Server };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hausportal-openapi-'));
    const file = join(dir, 'openapi.yaml');
    writeFileSync(file, contract);
    checked = await listen(testApp(file, true));
    unchecked = await listen(testApp(file, false));
  });
  after(async () => {
    for (const { server } of [checked, unchecked]) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    rmSync(dir, { recursive: true, force: true });
  });

  async function send(path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}, base = checked.url): Promise<Answer> {
    const res = await fetch(base + path, init);
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: text ? JSON.parse(text) : null };
  }
  const problem = (a: Answer, status: number, code?: string) =>
    expectProblem({ status: a.status, headers: new Headers({ 'content-type': a.type }), text: JSON.stringify(a.body), body: a.body }, status, code);
  const fields = (a: Answer) => a.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
  const json = (value: unknown, method = 'POST') => ({ method, body: JSON.stringify(value), headers: { 'content-type': 'application/json' } });

  test('query values are coerced to their types, lists split by style and explode, defaults filled in', async () => {
    const a = await send('/v1/items?limit=5&active=true&price=2.5&tags=a&tags=b&ids=1,2,3&pipes=x|y&day=2024-02-29');
    assert.equal(a.status, 200);
    assert.deepEqual(a.body.query, { limit: 5, active: true, price: 2.5, tags: ['a', 'b'], ids: [1, 2, 3], pipes: ['x', 'y'], day: '2024-02-29' });
    assert.deepEqual((await send('/v1/items')).body.query, { limit: 10 });
    assert.deepEqual((await send('/v1/items?tags=solo&active=false')).body.query, { limit: 10, tags: ['solo'], active: false });
    assert.deepEqual((await send('/v1/items?tags[]=x&tags[]=y')).body.query.tags, ['x', 'y']);
  });

  test('wrong query values: every broken rule at once, named by the parameter', async () => {
    const a = await send('/v1/items?limit=0&active=maybe&price=cheap&ids=1,x&day=2023-02-30');
    problem(a, 400, 'validation_failed');
    assert.deepEqual(fields(a), ['limit:too_small', 'active:type', 'price:type', 'ids/1:type', 'day:format']);
    assert.match(a.body.detail, /^request\/query\/limit must be >= 1, /);
    assert.deepEqual(fields(await send('/v1/items?limit=1.5')), ['limit:type']);
    assert.deepEqual(fields(await send('/v1/items?limit=1&limit=2')), ['limit:type'], 'a single value given twice');
  });

  test('unknown, empty and unencoded query parameters are refused', async () => {
    const unknown = await send('/v1/items?limit=5&debug=1');
    problem(unknown, 400, 'validation_failed');
    assert.deepEqual(unknown.body.errors, [{ field: 'debug', code: 'invalid', message: "Unknown query parameter 'debug'" }]);
    assert.deepEqual(fields(await send('/v1/items?LIMIT=5')), ['LIMIT:invalid'], 'names are case-sensitive');
    assert.deepEqual(fields(await send('/v1/items?limit=')), ['limit:invalid']);
    assert.deepEqual((await send('/v1/items?q=')).body.query.q, '', 'allowEmptyValue');
    assert.deepEqual(fields(await send('/v1/items?day=2024:01')), ['day:invalid']);
    assert.deepEqual(fields(await send('/v1/items?tags=a,b')), ['tags:invalid'], 'an exploded list has no commas');
    assert.equal((await send('/v1/items?day=2024%3A01')).body.errors[0].code, 'format', 'encoded, it is just a wrong date');
    assert.equal((await send('/v1/items?next=a:b/c?d')).body.query.next, 'a:b/c?d', 'allowReserved');
  });

  test('declared headers are validated, others left alone', async () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    assert.equal((await send('/v1/items', { headers: { 'x-request-id': id, 'x-count': '7', 'x-other': '!' } })).status, 200);
    const a = await send('/v1/items', { headers: { 'X-Request-Id': 'not-a-uuid', 'X-Count': 'seven' } });
    problem(a, 400, 'validation_failed');
    assert.deepEqual(fields(a), ['X-Request-Id:format', 'X-Count:type']);
  });

  test('path parameters: types, limits, percent-encoding; the route still reads its own params', async () => {
    const a = await send('/v1/items/7');
    assert.deepEqual(a.body, { id: 7, name: 'item' });
    assert.deepEqual(fields(await send('/v1/items/seven')), ['id:type']);
    assert.deepEqual(fields(await send('/v1/items/0')), ['id:too_small']);
    problem(await send('/v1/items/%E0%A4%A'), 400, 'validation_failed');
  });

  test('paths and methods outside the contract: 404 and 405; outside the base path nothing is checked', async () => {
    problem(await send('/v1/nothing'), 404, 'not_found');
    problem(await send('/v1/items/1/more'), 404, 'not_found');
    problem(await send('/v1'), 404, 'not_found');
    problem(await send('/v1/items', { method: 'DELETE' }), 405, 'method_not_allowed');
    assert.equal((await send('/V1/Items/')).status, 200, 'matched like Express routes: any case, trailing slash');
    problem(await send('/V1/items?debug=1'), 400, 'validation_failed');
    assert.deepEqual((await send('/outside?anything=1')).body.query, { anything: '1' });
  });

  test('bodies: JSON only (415 otherwise), checked against the schema without coercion', async () => {
    const ok = await send('/v1/items', json({ name: 'lamp', email: 'a@b.at', count: 2, born: null }));
    assert.equal(ok.status, 201);
    assert.deepEqual(ok.body.body, { name: 'lamp', email: 'a@b.at', count: 2, born: null });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/vnd.api+json', 'multipart/form-data; boundary=x'])
      problem(await send('/v1/items', { method: 'POST', body: '{"name":"x"}', headers: { 'content-type': type } }), 415, 'unsupported_media_type');
    problem(await send('/v1/items', { method: 'POST' }), 415, 'unsupported_media_type');
    assert.equal((await send('/v1/items', { method: 'POST', body: '{"name":"x"}', headers: { 'content-type': 'Application/JSON; charset=utf-8' } })).status, 201);

    const bad = await send('/v1/items', json({ count: '5', email: 'nobody', born: '1990-02-31', kind: 'c', extra: true }));
    problem(bad, 400, 'validation_failed');
    assert.deepEqual(fields(bad).sort(), ['/born:format', '/count:type', '/email:format', '/extra:unknown_field', '/kind:enum', '/name:required']);
    assert.ok(bad.body.errors.some((e: { message: string }) => e.message === 'must be equal to one of the allowed values: a, b'));
    assert.deepEqual(fields(await send('/v1/items', json([]))), ['/:type']);
    assert.deepEqual(fields(await send('/v1/items', json({}))), ['/name:required']);
  });

  test('an optional body may be left out, but not sent as something else', async () => {
    assert.equal((await send('/v1/items/1', { method: 'PUT' })).status, 204);
    assert.equal((await send('/v1/items/1', json({ name: 'x' }, 'PUT'))).status, 204);
    problem(await send('/v1/items/1', { method: 'PUT', body: 'x', headers: { 'content-type': 'text/plain' } }), 415);
  });

  test('responses are checked when asked (tests): a body off the contract is a 500 naming the mismatch', async () => {
    const wrong = await send('/v1/items', json({ name: 'wrong' }));
    problem(wrong, 500, 'response_mismatch');
    assert.deepEqual(fields(wrong), ['/id:type', '/name:type']);
    assert.match(wrong.body.detail, /POST \/items 201: response\/id must be integer/);
    const missing = await send('/v1/items/2');
    problem(missing, 500, 'response_mismatch');
    assert.deepEqual(fields(missing), ['/name:required']);
    problem(await send('/v1/items', json({ name: 'undeclared' })), 500, 'response_mismatch');
    problem(await send('/v1/items/3', json({ name: 'x' }, 'PUT')), 500, 'response_mismatch');
    assert.equal((await send('/v1/items/404')).status, 404, 'res.send is not checked (problems are sent so)');

    assert.equal((await send('/v1/items', json({ name: 'wrong' }), unchecked.url)).status, 201, 'not checked outside tests');
    assert.equal((await send('/v1/items/2', {}, unchecked.url)).status, 200);
  });
});
