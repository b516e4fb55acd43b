import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import {
  methodNotAllowedProblem,
  notFoundProblem,
  responseMismatchProblem,
  unsupportedMediaTypeProblem,
  validationProblem,
  type ContractViolation,
  type HttpProblem,
} from './problems.ts';
import { isJsonMediaType, readOpenApiSpec, specId, type OpenApiSpec, type SpecOperation, type SpecParameter } from './openapi-spec.ts';

// Every request under the API's base path is checked against the contract before any route sees it: the path and
// method must be in it (else 404, 405), a body must have a declared media type (else 415), and the path, query and
// header parameters and the JSON body must match their schemas (else 400 `validation_failed`, one field error per
// broken rule, all of them). Query, path and header values are text: they are coerced to the schema's type
// (numbers, integers, booleans; arrays split as the parameter's style and explode say) and defaults are filled in, so
// routes read `req.query.limit` as a number. Bodies are never coerced. Unknown query parameters, empty values (unless
// `allowEmptyValue`) and unencoded reserved characters (unless `allowReserved`) are refused.
//
// Everything is compiled once per process, at start-up: one ajv validator per operation and part, the path table of
// openapi-spec.ts. In tests, `responses: true` also checks every `res.json` body against the operation's response for
// that status and answers 500 with the mismatch instead of sending it.

type AddFormats = (ajv: Ajv2020, options: { mode: 'full' | 'fast' }) => Ajv2020;
const addFormats = ((addFormatsPlugin as unknown as { default?: AddFormats }).default ?? addFormatsPlugin) as unknown as AddFormats;

type Part = 'query' | 'headers' | 'params' | 'body' | 'response';

interface CompiledParameters {
  list: SpecParameter[];
  validate: ValidateFunction | null;
}

interface CompiledResponse {
  hasContent: boolean;
  validate: ValidateFunction | null;
}

interface CompiledOperation {
  operation: SpecOperation;
  query: CompiledParameters & {
    names: Set<string>;
    /**
     * Declared query parameters whose raw values may not hold reserved characters, in the contract's order; a list
     * that is not exploded keeps its commas.
     */
    encoded: { name: string; commas: boolean }[];
    allowEmpty: Set<string>;
  };
  path: CompiledParameters;
  headers: CompiledParameters;
  body: { required: boolean; mediaTypes: string[]; validate: ValidateFunction | null } | null;
  /** By status (`200`, `4XX`, `DEFAULT`); only when responses are checked. */
  responses: Map<string, CompiledResponse> | null;
}

interface CompiledApi {
  spec: OpenApiSpec;
  operations: Map<SpecOperation, CompiledOperation>;
  responsesCompiled: boolean;
}

function createAjv(spec: OpenApiSpec, options: { coerceTypes?: boolean; useDefaults?: boolean }): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strictSchema: true,
    strictTypes: false,
    strictTuples: false,
    allowUnionTypes: true,
    strictNumbers: true,
    validateFormats: true,
    removeAdditional: false,
    ...options,
  });
  addFormats(ajv, { mode: 'full' });
  // OpenAPI's `format: binary` marks a file (a multipart part, a download); nothing to check in it as text.
  ajv.addFormat('binary', true);
  // OpenAPI's annotations in schemas, and the document's own fields: ajv compiles the document's root when a
  // reference points into it, which must not fail on them.
  ajv.addVocabulary(['discriminator', 'xml', 'externalDocs', 'example']);
  ajv.addVocabulary(Object.keys(spec.document).filter((key) => !ajv.getKeyword(key)));
  ajv.addSchema({ ...spec.document, $id: specId }, undefined, undefined, false);
  return ajv;
}

function objectSchema(list: SpecParameter[]): Record<string, unknown> {
  const required = list.filter((p) => p.required).map((p) => p.name);
  return { type: 'object', properties: Object.fromEntries(list.map((p) => [p.name, p.schema])), ...(required.length ? { required } : {}) };
}

const delimiters: Record<string, string> = { form: ',', simple: ',', spaceDelimited: ' ', pipeDelimited: '|' };
const supportedStyles: Record<SpecParameter['in'], string[]> = {
  query: ['form', 'spaceDelimited', 'pipeDelimited'],
  path: ['simple'],
  header: ['simple'],
};

function compileParameters(ajv: Ajv2020, operation: SpecOperation, where: SpecParameter['in']): CompiledParameters {
  const list = operation.parameters.filter((p) => p.in === where);
  for (const p of list)
    if (!supportedStyles[where].includes(p.style))
      throw new Error(`openapi: ${operation.method} ${operation.path}: style ${p.style} of ${where} parameter ${p.name} is not supported`);
  return { list, validate: list.length ? ajv.compile(objectSchema(list)) : null };
}

function compileOperation(ajvs: { parameters: Ajv2020; body: Ajv2020 }, operation: SpecOperation): CompiledOperation {
  const query = compileParameters(ajvs.parameters, operation, 'query');
  const body = operation.body;
  return {
    operation,
    query: {
      ...query,
      names: new Set(query.list.map((p) => p.name)),
      encoded: query.list.filter((p) => !p.allowReserved).map((p) => ({ name: p.name, commas: !p.explode })),
      allowEmpty: new Set(query.list.filter((p) => p.allowEmptyValue).map((p) => p.name)),
    },
    path: compileParameters(ajvs.parameters, operation, 'path'),
    headers: compileParameters(ajvs.parameters, operation, 'header'),
    body: body && {
      required: body.required,
      mediaTypes: body.mediaTypes,
      validate: body.jsonSchema ? ajvs.body.compile(body.jsonSchema) : null,
    },
    responses: null,
  };
}

const compiled = new Map<string, CompiledApi>();

/** The contract's validators, compiled on the first call for `specFile` (and its responses, the first time asked). */
function compileApi(specFile: string, responses: boolean): CompiledApi {
  let api = compiled.get(specFile);
  if (!api) {
    const spec = readOpenApiSpec(specFile);
    const ajvs = { parameters: createAjv(spec, { coerceTypes: true, useDefaults: true }), body: createAjv(spec, { useDefaults: true }) };
    api = { spec, operations: new Map(spec.operations.map((op) => [op, compileOperation(ajvs, op)])), responsesCompiled: false };
    compiled.set(specFile, api);
  }
  if (responses && !api.responsesCompiled) {
    const ajv = createAjv(api.spec, {});
    for (const [operation, c] of api.operations)
      c.responses = new Map(
        [...operation.responses].map(([status, r]) => [status, { hasContent: r.hasContent, validate: r.jsonSchema ? ajv.compile(r.jsonSchema) : null }]),
      );
    api.responsesCompiled = true;
  }
  return api;
}

/**
 * ajv's errors as violations of one part of the request (or of the response), and the texts for `detail`. A body's
 * field is a JSON pointer (`/email`, `/` for the whole body), a parameter's field its name.
 */
function collect(part: Part, errors: ErrorObject[] | null | undefined, violations: ContractViolation[], texts: string[]): void {
  const document = part === 'body' || part === 'response';
  for (const e of errors ?? []) {
    const { pointer, message } = describe(e);
    violations.push({ field: document ? pointer || '/' : pointer.slice(1), keyword: e.keyword, message });
    texts.push(`${part === 'response' ? 'response' : `request/${part}`}${e.instancePath} ${message}`);
  }
}

/** An ajv error's JSON pointer (to the missing or unknown property when there is one) and its message. */
function describe(e: ErrorObject): { pointer: string; message: string } {
  let message = e.message ?? 'is not valid';
  if (e.keyword === 'enum' && Array.isArray(e.params.allowedValues)) message += `: ${e.params.allowedValues.join(', ')}`;
  const named = e.params.missingProperty ?? e.params.additionalProperty ?? e.params.unevaluatedProperty;
  return { pointer: named === undefined ? e.instancePath : `${e.instancePath}/${String(named)}`, message };
}

/**
 * The validator of `components/schemas/<schemaName>` of the contract in `specFile` (with defaults filled in), for
 * bodies the request validator does not check itself (the text fields of a multipart form), and the names of the
 * schema's properties. Its violations name fields as form fields do: `title`, not `/title`.
 */
export function componentValidator(specFile: string, schemaName: string): { names: ReadonlySet<string>; check(value: unknown): ContractViolation[] } {
  const { spec } = compileApi(specFile, false);
  const schema = ((spec.document.components as Record<string, Record<string, { properties?: object }>>).schemas ?? {})[schemaName];
  if (!schema) throw new Error(`openapi: no schema ${schemaName} in ${specFile}`);
  const validate = createAjv(spec, { useDefaults: true }).compile({ $ref: `${specId}#/components/schemas/${schemaName}` });
  return {
    names: new Set(Object.keys(schema.properties ?? {})),
    check: (value) =>
      validate(value)
        ? []
        : (validate.errors ?? []).map((e) => {
            const { pointer, message } = describe(e);
            return { field: pointer.slice(1) || '/', keyword: e.keyword, message };
          }),
  };
}

const valueChecks = new Map<string, { ajv: Ajv2020; schemas: Record<string, unknown> }>();

/**
 * Checks one value against `components/schemas/<schemaName>` of the contract in `specFile` outside a request (the
 * operator command `npm run admin`, services fed from elsewhere): the same rules as the API's request check. The
 * violations name fields by JSON pointer below `at` (`at` = `/theme`: `/theme/primary`; the value itself is `at`, or
 * `/` when `at` is empty). Nothing is filled in or changed. The contract is read once per file, each schema compiled
 * once. Throws when the contract has no such schema.
 */
export function contractViolations(specFile: string, schemaName: string, value: unknown, at = ''): ContractViolation[] {
  let checks = valueChecks.get(specFile);
  if (!checks) {
    const spec = readOpenApiSpec(specFile);
    checks = { ajv: createAjv(spec, {}), schemas: ((spec.document.components as Record<string, Record<string, unknown>>).schemas ?? {}) };
    valueChecks.set(specFile, checks);
  }
  if (!checks.schemas[schemaName]) throw new Error(`openapi: no schema ${schemaName} in ${specFile}`);
  const ref = `${specId}#/components/schemas/${schemaName}`;
  const validate = checks.ajv.getSchema(ref) ?? checks.ajv.compile({ $ref: ref });
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => {
    const { pointer, message } = describe(e);
    return { field: `${at}${pointer}` || '/', keyword: e.keyword, message };
  });
}

const single = (field: string, message: string): HttpProblem => validationProblem(message, [{ field, keyword: '', message }]);

const reserved = /[:/?#[\]@!$&'()*+,;=]/;
// `&` and `=` separate the pairs, so only the others can be in a raw value.
const reservedInValue = /[:/?#[\]@!$'()*+,;]/;

/** Raw (still percent-encoded) values by raw name, only needed when the query holds a reserved character. */
function rawPairs(rawQuery: string): Map<string, (string | undefined)[]> {
  const pairs = new Map<string, (string | undefined)[]>();
  for (const pair of rawQuery.split('&')) {
    const [name = '', value] = pair.split('=');
    const values = pairs.get(name);
    if (values) values.push(value);
    else pairs.set(name, [value]);
  }
  return pairs;
}

type QueryValue = string | string[] | Record<string, unknown> | undefined;

/** `a[]=1` → `a: ['1']`, `a[x]=1` → `a: { x: '1' }` (then refused unless the schema wants that), unless the name is declared. */
function unbracket(query: Record<string, QueryValue>, declared: Set<string>): void {
  for (const key of Object.keys(query)) {
    const open = key.indexOf('[');
    if (open < 1 || declared.has(key)) continue;
    const name = key.slice(0, open);
    const value = query[key];
    const close = key.indexOf(']', open);
    const inner = key.slice(open + 1, close < 0 ? undefined : close);
    const item: QueryValue = inner === '' ? ([] as string[]).concat(value as string | string[]) : { [inner]: value };
    const before = query[name];
    query[name] = before === undefined ? item : ([] as unknown[]).concat(before, item) as string[];
    delete query[key];
  }
}

/** Text values of an array parameter as its style and explode say; other values stay as they came. */
function split(p: SpecParameter, value: QueryValue): QueryValue {
  if (!p.array || typeof value !== 'string') return value;
  return p.in === 'query' && p.explode ? [value] : value.split(delimiters[p.style]!);
}

function checkQuery(c: CompiledOperation, req: Request, rawQuery: string, violations: ContractViolation[], texts: string[]): HttpProblem | null {
  const { query } = c;
  if (query.encoded.length && reservedInValue.test(rawQuery)) {
    const pairs = rawPairs(rawQuery);
    for (const { name, commas } of query.encoded)
      if (pairs.get(name)?.some((v) => v !== undefined && reserved.test(commas ? v.replace(/,/g, '') : v)))
        return single(name, `Parameter '${name}' must be url encoded. Its value may not contain reserved characters.`);
  }
  // No prototype: a name like `__proto__[x]` becomes a key of its own, and is refused as unknown like any other.
  const values: Record<string, QueryValue> = Object.create(null);
  if (rawQuery !== '') Object.assign(values, req.query);
  if (rawQuery.includes('[')) unbracket(values, query.names);
  for (const name of Object.keys(values)) {
    if (!query.names.has(name)) return single(name, `Unknown query parameter '${name}'`);
    if (values[name] === '' && !query.allowEmpty.has(name))
      return single(name, `Empty value found for query parameter '${name}'`);
  }
  for (const p of query.list) if (p.array && values[p.name] !== undefined) values[p.name] = split(p, values[p.name]);
  const valid = !query.validate || query.validate(values);
  // ajv coerces `1e400` and `Infinity` to ±Infinity, and its minimum and maximum let them through.
  const infinite = Object.keys(values).find((name) => [values[name]].flat().some((v) => typeof v === 'number' && !Number.isFinite(v)));
  if (infinite) return single(infinite, `Parameter '${infinite}' must be a finite number.`);
  if (!valid) collect('query', query.validate!.errors, violations, texts);
  Object.defineProperty(req, 'query', { value: values, writable: true, enumerable: true, configurable: true });
  return null;
}

function checkParameters(part: 'params' | 'headers', compiled: CompiledParameters, values: Record<string, QueryValue>, violations: ContractViolation[], texts: string[]): void {
  for (const p of compiled.list) if (values[p.name] !== undefined) values[p.name] = split(p, values[p.name]);
  if (compiled.validate && !compiled.validate(values)) collect(part, compiled.validate.errors, violations, texts);
}

function mediaTypeAccepted(declared: string[], mediaType: string): boolean {
  return declared.some((d) => d === mediaType || d === '*/*' || (d.endsWith('/*') && mediaType.startsWith(d.slice(0, -1))));
}

/** 415 when the body's media type is not declared; else whether the body is JSON to check against its schema. */
function bodyMediaType(body: NonNullable<CompiledOperation['body']>, req: Request): HttpProblem | boolean {
  const header = req.headers['content-type'];
  if (header === undefined) return body.required ? unsupportedMediaTypeProblem(body.mediaTypes) : false;
  const mediaType = header.split(';')[0]!.trim().toLowerCase();
  if (!mediaTypeAccepted(body.mediaTypes, mediaType)) return unsupportedMediaTypeProblem(body.mediaTypes);
  return body.validate !== null && isJsonMediaType(mediaType);
}

function checkBody(body: NonNullable<CompiledOperation['body']>, req: Request, violations: ContractViolation[], texts: string[]): void {
  if (req.body === undefined) {
    if (body.required) {
      violations.push({ field: '/', keyword: 'required', message: "must have required property 'body'" });
      texts.push("request must have required property 'body'");
    }
    return;
  }
  if (!body.validate!(req.body)) collect('body', body.validate!.errors, violations, texts);
}

function checkResponse(c: CompiledOperation, status: number, body: unknown): HttpProblem | null {
  const code = String(status);
  const declared = c.responses!.get(code) ?? c.responses!.get(`${code[0]}XX`) ?? c.responses!.get('DEFAULT');
  const where = `${c.operation.method} ${c.operation.path}`;
  const mismatch = (detail: string) => responseMismatchProblem(detail, [{ field: '/', keyword: '', message: detail }]);
  if (!declared) return mismatch(`${where} declares no response with status ${code}.`);
  if (!declared.hasContent) return mismatch(`${where} declares no body for status ${code}.`);
  if (!declared.validate) return mismatch(`${where} declares no JSON body for status ${code}.`);
  if (declared.validate(body)) return null;
  const violations: ContractViolation[] = [];
  const texts: string[] = [];
  collect('response', declared.validate.errors, violations, texts);
  return responseMismatchProblem(`${where} ${code}: ${texts.join(', ')}`, violations);
}

/** Wraps `res.json` once: a body that does not match the contract goes to the error handler as a 500 instead. */
function checkResponses(c: CompiledOperation, res: Response, next: NextFunction): void {
  const json = res.json;
  res.json = function checkedJson(this: Response, body: unknown) {
    res.json = json;
    if (res.statusCode < 500 && !res.headersSent) {
      const problem = checkResponse(c, res.statusCode, body);
      if (problem) {
        next(problem);
        return res;
      }
    }
    return json.call(this, body);
  };
}

export interface OpenApiValidatorOptions {
  /** Check each `res.json` body against the contract too (tests): a mismatch answers 500 naming it. */
  responses?: boolean;
}

/** The middleware validating every request under the contract's base path (`servers[0].url`) against `specFile`. */
export function openApiValidator(specFile: string, options: OpenApiValidatorOptions = {}): RequestHandler {
  const api = compileApi(specFile, options.responses === true);
  const { spec } = api;
  const checkResponseBodies = options.responses === true;

  return (req, res, next) => {
    const url = req.originalUrl;
    const q = url.indexOf('?');
    const rawPath = q < 0 ? url : url.slice(0, q);
    if (!spec.within(rawPath)) return next();
    const found = spec.match(rawPath);
    if (!found) return next(notFoundProblem());
    const operation = found.path.operations.get(req.method);
    if (!operation) return next(methodNotAllowedProblem());
    const c = api.operations.get(operation)!;

    const params: Record<string, string> = {};
    for (let i = 0; i < found.rawParams.length; i++) {
      const name = found.path.names[i]!;
      try {
        params[name] = decodeURIComponent(found.rawParams[i]!);
      } catch {
        return next(single(name, `The path parameter '${name}' is not valid percent-encoding.`));
      }
    }

    const violations: ContractViolation[] = [];
    const texts: string[] = [];
    const bodyIsJson = c.body ? bodyMediaType(c.body, req) : false;
    if (typeof bodyIsJson !== 'boolean') return next(bodyIsJson);
    const problem = checkQuery(c, req, q < 0 ? '' : url.slice(q + 1), violations, texts);
    if (problem) return next(problem);
    if (c.headers.list.length) {
      const headers: Record<string, QueryValue> = {};
      for (const p of c.headers.list) headers[p.name] = req.headers[p.name.toLowerCase()];
      checkParameters('headers', c.headers, headers, violations, texts);
    }
    if (c.path.list.length) checkParameters('params', c.path, params, violations, texts);
    if (bodyIsJson) checkBody(c.body!, req, violations, texts);
    if (violations.length) return next(validationProblem(texts.join(', '), violations));

    if (checkResponseBodies) checkResponses(c, res, next);
    next();
  };
}
