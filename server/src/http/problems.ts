import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { FieldError, Problem } from '@hausportal/api';

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** An error that becomes an RFC 9457 problem answer. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldError[];
  readonly headers: Record<string, string>;
  readonly extra: Record<string, unknown>;
  constructor(
    status: number,
    code: string,
    detail: string,
    options: { errors?: FieldError[]; headers?: Record<string, string>; extra?: Record<string, unknown> } = {},
  ) {
    super(detail);
    this.status = status;
    this.code = code;
    this.errors = options.errors ?? [];
    this.headers = options.headers ?? {};
    this.extra = options.extra ?? {};
  }
}

export function problemBody(status: number, code: string, detail: string, errors: FieldError[] = [], extra: Record<string, unknown> = {}): Problem {
  return {
    type: `https://hausportal.dev/problems/${code.replace(/_/g, '-')}`,
    title: titles[status] ?? 'Error',
    status,
    detail,
    code,
    errors,
    ...extra,
  };
}

/** Sent as a string so the response check (tests) leaves it alone: problems are valid by construction. */
export function sendProblem(res: Response, problem: HttpProblem): void {
  if (res.headersSent) return;
  for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
  res
    .status(problem.status)
    .type('application/problem+json')
    .send(JSON.stringify(problemBody(problem.status, problem.code, problem.message, problem.errors, problem.extra)));
}

export const notFoundProblem = (): HttpProblem => new HttpProblem(404, 'not_found', 'There is no such resource.');
export const methodNotAllowedProblem = (): HttpProblem => new HttpProblem(405, 'method_not_allowed', 'This method is not allowed here.');
/** 415 naming the media types the operation takes (the contract's), e.g. "Send the body as multipart/form-data." */
export const unsupportedMediaTypeProblem = (declared: readonly string[] = ['application/json']): HttpProblem =>
  new HttpProblem(415, 'unsupported_media_type', `Send the body as ${declared.join(' or ')}.`);

// JSON Schema keywords of the contract's validation (http/openapi-validate.ts) → our stable field error codes; any
// other keyword is its own code, a rule without a keyword is `invalid`.
const fieldCodes: Record<string, string> = {
  additionalProperties: 'unknown_field',
  required: 'required',
  type: 'type',
  format: 'format',
  pattern: 'pattern',
  enum: 'enum',
  minLength: 'too_short',
  maxLength: 'too_long',
  minimum: 'too_small',
  maximum: 'too_large',
  minProperties: 'empty',
  minItems: 'too_few',
  maxItems: 'too_many',
};

/**
 * A rule of the contract that a request (or, in tests, a response) broke: `field` is a JSON pointer into the body
 * (`/email`, `/` for the body itself) or the parameter's name (`limit`); `keyword` the JSON Schema keyword, or ''.
 */
export interface ContractViolation {
  field: string;
  keyword: string;
  message: string;
}

const fieldError = (v: ContractViolation): FieldError => ({ field: v.field, message: v.message, code: fieldCodes[v.keyword] ?? (v.keyword || 'invalid') });

/** 400 `validation_failed` with one field error per violation; `detail` sums them up. */
export const validationProblem = (detail: string, violations: ContractViolation[]): HttpProblem =>
  new HttpProblem(400, 'validation_failed', detail, { errors: violations.map(fieldError) });

/** A response that does not match the contract (checked in tests only): a loud 500 naming what is wrong. */
export const responseMismatchProblem = (detail: string, violations: ContractViolation[]): HttpProblem =>
  new HttpProblem(500, 'response_mismatch', `The response does not match the contract: ${detail}`, { errors: violations.map(fieldError) });

interface FrameworkError {
  status?: number;
  statusCode?: number;
  type?: string;
  message?: string;
}

/** Turns parser, validator and route errors into problems; anything unexpected is a logged 500. */
export function toProblem(err: unknown): HttpProblem {
  if (err instanceof HttpProblem) return err;
  const e = (err ?? {}) as FrameworkError;
  const status = e.status ?? e.statusCode;
  if (e.type === 'entity.parse.failed') return new HttpProblem(400, 'malformed_json', 'The request body is not valid JSON.');
  if (e.type === 'entity.too.large') return new HttpProblem(413, 'payload_too_large', 'The request body is larger than allowed.');
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported')
    return new HttpProblem(415, 'unsupported_media_type', 'The request body encoding is not supported.');
  if (typeof status === 'number' && status >= 400 && status < 500) {
    switch (status) {
      case 404:
        return notFoundProblem();
      case 405:
        return methodNotAllowedProblem();
      case 415:
        return unsupportedMediaTypeProblem();
      case 401:
        return new HttpProblem(401, 'unauthenticated', 'Log in first.');
      default:
        return new HttpProblem(status, status === 400 ? 'validation_failed' : 'bad_request', e.message ?? 'The request is not valid.');
    }
  }
  return new HttpProblem(500, 'internal_error', 'Something went wrong on the server.');
}

export function problemHandler(log: (err: unknown) => void = console.error): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const problem = toProblem(err);
    if (problem.status >= 500) log(err);
    sendProblem(res, problem);
  };
}

export const notFound: RequestHandler = (_req, res) => sendProblem(res, notFoundProblem());
