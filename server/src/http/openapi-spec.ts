import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

// The contract (packages/api/openapi.yaml) read once and turned into a table of operations: for each, its parameters,
// request body and responses, with every schema named by a JSON pointer into the document so that one ajv instance
// can compile them against the document's own `$ref`s. Paths become one lookup: a map for the fixed paths and a
// short list of regular expressions for the templated ones.

type JsonObject = Record<string, unknown>;

/** The URI under which the document is registered with ajv; every schema reference below starts with it. */
export const specId = 'https://hausportal.dev/openapi.json';

export type ParameterLocation = 'query' | 'path' | 'header';

export interface SpecParameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  /** OpenAPI serialization (defaults filled in: `form`/explode for the query, `simple` for path and header). */
  style: string;
  explode: boolean;
  allowEmptyValue: boolean;
  allowReserved: boolean;
  /** The schema's type allows an array: values are split (style, explode) into a list before validation. */
  array: boolean;
  /** `{ $ref }` to the parameter's schema, plus its `default` so that ajv fills it in. */
  schema: JsonObject;
}

export interface SpecBody {
  required: boolean;
  /** Media types of `content`, lower case (`application/json`, or a range like `application/*`). */
  mediaTypes: string[];
  /** `{ $ref }` to the JSON schema of the body; null when no JSON media type is declared. */
  jsonSchema: JsonObject | null;
}

export interface SpecResponse {
  /** The response declares `content` at all (a 204 does not). */
  hasContent: boolean;
  /** `{ $ref }` to the schema of its JSON media type (`application/json`, `application/problem+json`, …), or null. */
  jsonSchema: JsonObject | null;
}

export interface SpecOperation {
  method: string;
  /** The path as the contract writes it, e.g. `/units/{id}`. */
  path: string;
  operationId: string | undefined;
  parameters: SpecParameter[];
  body: SpecBody | null;
  /** By status: `200`, `4XX`, `default`. */
  responses: Map<string, SpecResponse>;
}

export interface SpecPath {
  template: string;
  /** Path parameter names in the order of the template. */
  names: string[];
  /** By upper-case HTTP method. */
  operations: Map<string, SpecOperation>;
}

export interface OpenApiSpec {
  /** The parsed document, to be registered with ajv under `specId`. */
  document: JsonObject;
  /** Where the API lives, from `servers[0].url`, e.g. `/api`. */
  basePath: string;
  operations: SpecOperation[];
  /** The raw request path is the base path or below it (any case, like Express routes). */
  within(rawPath: string): boolean;
  /** The path entry for a raw request path (not decoded, without the query) with its raw parameter values, or null. */
  match(rawPath: string): { path: SpecPath; rawParams: string[] } | null;
}

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const escapeToken = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');
const pointerOf = (tokens: string[]) => '/' + tokens.map(escapeToken).join('/');

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a JSON pointer (`/components/schemas/Id`) in the document. */
function at(document: JsonObject, pointer: string): unknown {
  let node: unknown = document;
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as JsonObject)[token];
  }
  return node;
}

/** Follows `$ref`s (local ones only) from the object at `pointer`: the object and the pointer where it really is. */
function follow(document: JsonObject, pointer: string): { node: JsonObject; pointer: string } {
  const seen = new Set<string>();
  let node = at(document, pointer);
  while (isObject(node) && typeof node.$ref === 'string') {
    if (!node.$ref.startsWith('#/')) throw new Error(`openapi: only local references are supported, not ${node.$ref}`);
    if (seen.has(node.$ref)) throw new Error(`openapi: circular reference ${node.$ref}`);
    seen.add(node.$ref);
    pointer = node.$ref.slice(1);
    node = at(document, pointer);
  }
  if (!isObject(node)) throw new Error(`openapi: nothing at ${pointer}`);
  return { node, pointer };
}

/** The types a schema (after its `$ref`s) allows, as far as a parameter needs to know. */
function typesOf(document: JsonObject, schema: JsonObject): string[] {
  const resolved = typeof schema.$ref === 'string' ? follow(document, schema.$ref.slice(1)).node : schema;
  const type = resolved.type;
  return Array.isArray(type) ? (type as string[]) : typeof type === 'string' ? [type] : [];
}

const schemaRef = (pointer: string): JsonObject => ({ $ref: `${specId}#${pointer}` });

function readParameter(document: JsonObject, pointer: string, where: string): SpecParameter {
  const { node: p, pointer: at } = follow(document, pointer);
  const name = String(p.name);
  const location = p.in;
  if (location !== 'query' && location !== 'path' && location !== 'header')
    throw new Error(`openapi: ${where}: parameter ${name} in ${String(location)} is not supported`);
  if (!isObject(p.schema)) throw new Error(`openapi: ${where}: parameter ${name} needs a schema (content is not supported)`);
  const types = typesOf(document, p.schema);
  if (types.includes('object')) throw new Error(`openapi: ${where}: object parameter ${name} is not supported`);
  const style = typeof p.style === 'string' ? p.style : location === 'query' ? 'form' : 'simple';
  const explode = typeof p.explode === 'boolean' ? p.explode : style === 'form';
  const resolvedSchema = follow(document, `${at}/schema`).node;
  const schema = schemaRef(`${at}/schema`);
  if (resolvedSchema.default !== undefined) schema.default = resolvedSchema.default;
  return {
    name,
    in: location,
    required: p.required === true || location === 'path',
    style,
    explode,
    allowEmptyValue: p.allowEmptyValue === true,
    allowReserved: p.allowReserved === true,
    array: types.includes('array'),
    schema,
  };
}

export const isJsonMediaType = (type: string): boolean => /^application\/(?:[\w.+-]+\+)?json$/.test(type);

function readContent(document: JsonObject, pointer: string): { mediaTypes: string[]; jsonSchema: JsonObject | null } {
  const content = at(document, pointer);
  if (!isObject(content)) return { mediaTypes: [], jsonSchema: null };
  let jsonSchema: JsonObject | null = null;
  const mediaTypes: string[] = [];
  for (const [type, media] of Object.entries(content)) {
    const mediaType = type.split(';')[0]!.trim().toLowerCase();
    mediaTypes.push(mediaType);
    if (!jsonSchema && isJsonMediaType(mediaType) && isObject(media) && isObject(media.schema))
      jsonSchema = schemaRef(`${pointer}/${escapeToken(type)}/schema`);
  }
  return { mediaTypes, jsonSchema };
}

function readOperation(document: JsonObject, path: string, method: string): SpecOperation {
  const opPointer = pointerOf(['paths', path, method]);
  const operation = at(document, opPointer) as JsonObject;
  const where = `${method.toUpperCase()} ${path}`;
  const byKey = new Map<string, SpecParameter>();
  // Path-level parameters first; the operation's own replace those with the same name and location.
  for (const base of [pointerOf(['paths', path]), opPointer]) {
    const list = at(document, `${base}/parameters`);
    if (!Array.isArray(list)) continue;
    list.forEach((_, i) => {
      const parameter = readParameter(document, `${base}/parameters/${i}`, where);
      byKey.set(`${parameter.in}:${parameter.name}`, parameter);
    });
  }
  let body: SpecBody | null = null;
  if (operation.requestBody !== undefined) {
    const { node, pointer } = follow(document, `${opPointer}/requestBody`);
    body = { required: node.required === true, ...readContent(document, `${pointer}/content`) };
  }
  const responses = new Map<string, SpecResponse>();
  if (isObject(operation.responses))
    for (const status of Object.keys(operation.responses)) {
      const { node, pointer } = follow(document, `${opPointer}/responses/${escapeToken(status)}`);
      responses.set(status.toUpperCase(), { hasContent: isObject(node.content), jsonSchema: readContent(document, `${pointer}/content`).jsonSchema });
    }
  return {
    method: method.toUpperCase(),
    path,
    operationId: typeof operation.operationId === 'string' ? operation.operationId : undefined,
    parameters: [...byKey.values()],
    body,
    responses,
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Parses and indexes an OpenAPI 3.1 document. Paths match like Express routes by default: case-insensitive, with an
 * optional trailing slash, a template parameter standing for one non-empty path segment.
 */
export function readOpenApiSpec(file: string): OpenApiSpec {
  const document = parse(readFileSync(file, 'utf8')) as JsonObject;
  if (typeof document.openapi !== 'string' || !document.openapi.startsWith('3.1'))
    throw new Error(`openapi: ${file} is not an OpenAPI 3.1 document`);
  const servers = document.servers;
  const serverUrl = Array.isArray(servers) && isObject(servers[0]) && typeof servers[0].url === 'string' ? servers[0].url : '/';
  const basePath = new URL(serverUrl, 'http://localhost').pathname.replace(/\/$/, '');

  const operations: SpecOperation[] = [];
  const fixed = new Map<string, SpecPath>();
  const templated: { regex: RegExp; path: SpecPath }[] = [];
  for (const [template, item] of Object.entries(isObject(document.paths) ? document.paths : {})) {
    if (!isObject(item)) continue;
    const names: string[] = [];
    const source = template.replace(/\{([^}]+)\}|[^{]+/g, (part, name?: string) => {
      if (name === undefined) return escapeRegExp(part);
      names.push(name);
      return '([^/]+)';
    });
    const path: SpecPath = { template, names, operations: new Map() };
    for (const method of methods) {
      if (!isObject(item[method])) continue;
      const operation = readOperation(document, template, method);
      for (const name of names)
        if (!operation.parameters.some((p) => p.in === 'path' && p.name === name))
          throw new Error(`openapi: ${operation.method} ${template}: path parameter ${name} is not declared`);
      path.operations.set(operation.method, operation);
      operations.push(operation);
    }
    if (names.length === 0) fixed.set((basePath + template).toLowerCase().replace(/(.)\/$/, '$1'), path);
    else templated.push({ regex: new RegExp(`^${escapeRegExp(basePath)}${source}/?$`, 'i'), path });
  }

  const base = new RegExp(`^${escapeRegExp(basePath)}(?:/|$)`, 'i');
  return {
    document,
    basePath,
    operations,
    within: (rawPath) => base.test(rawPath),
    match(rawPath) {
      const key = rawPath.toLowerCase();
      const exact = fixed.get(key.length > 1 && key.endsWith('/') ? key.slice(0, -1) : key);
      if (exact) return { path: exact, rawParams: [] };
      for (const { regex, path } of templated) {
        const m = regex.exec(rawPath);
        if (m) return { path, rawParams: m.slice(1) };
      }
      return null;
    },
  };
}
