import { type FieldReason, type FieldReasonParams, fieldReasonText } from '../contracts/field-reasons.ts';

/**
 * The one error type of Ordo. Services throw `AppError` for outcomes the caller must handle;
 * the HTTP layer and the CLI map its code to a status / exit code through `errorCodes` alone.
 */
export const errorCodes = {
  VALIDATION_FAILED: { http: 400, exit: 2 },
  INVALID_JSON: { http: 400, exit: 2 },
  UNSUPPORTED_MEDIA_TYPE: { http: 415, exit: 2 },
  PAYLOAD_TOO_LARGE: { http: 413, exit: 2 },
  UNAUTHENTICATED: { http: 401, exit: 3 },
  INVALID_CREDENTIALS: { http: 401, exit: 3 },
  INVALID_API_KEY: { http: 401, exit: 3 },
  CSRF_TOKEN_INVALID: { http: 403, exit: 3 },
  FORBIDDEN: { http: 403, exit: 3 },
  NOT_FOUND: { http: 404, exit: 4 },
  ROUTE_NOT_FOUND: { http: 404, exit: 4 },
  UNKNOWN_CHANNEL: { http: 422, exit: 2 },
  CHANNEL_INACTIVE: { http: 422, exit: 2 },
  UNKNOWN_ROLE: { http: 422, exit: 2 },
  INVALID_MONEY: { http: 422, exit: 2 },
  TOTAL_MISMATCH: { http: 422, exit: 2 },
  USERNAME_TAKEN: { http: 409, exit: 5 },
  SKU_CODE_TAKEN: { http: 409, exit: 5 },
  CHANNEL_ID_TAKEN: { http: 409, exit: 5 },
  INVALID_TRANSITION: { http: 409, exit: 5 },
  ALREADY_REVOKED: { http: 409, exit: 5 },
  CANNOT_DEACTIVATE_SELF: { http: 409, exit: 5 },
  ALREADY_DECIDED: { http: 409, exit: 5 },
  WRONG_REVIEW_STAGE: { http: 409, exit: 5 },
  NOT_ON_HOLD: { http: 409, exit: 5 },
  HOLD_NOT_RELEASABLE: { http: 409, exit: 5 },
  ALREADY_CLAIMED: { http: 409, exit: 5 },
  CASE_ALREADY_OPEN: { http: 409, exit: 5 },
  QUEUE_EMPTY: { http: 404, exit: 4 },
  NOT_MERGEABLE: { http: 409, exit: 5 },
  UNKNOWN_SKU: { http: 422, exit: 2 },
  UNKNOWN_WAREHOUSE: { http: 422, exit: 2 },
  UNKNOWN_SUPPLIER: { http: 422, exit: 2 },
  INSUFFICIENT_STOCK: { http: 409, exit: 5 },
  WAREHOUSE_CODE_TAKEN: { http: 409, exit: 5 },
  SUPPLIER_CODE_TAKEN: { http: 409, exit: 5 },
  COUNT_INCOMPLETE: { http: 409, exit: 5 },
  STOCKTAKE_OPEN: { http: 409, exit: 5 },
  OVER_RECEIPT: { http: 409, exit: 5 },
  NOTHING_TO_WAVE: { http: 409, exit: 5 },
  OVER_PICK: { http: 409, exit: 5 },
  PACK_MISMATCH: { http: 409, exit: 5 },
  NO_CARRIER_SERVICE: { http: 409, exit: 5 },
  TRACKING_RANGE_EXHAUSTED: { http: 409, exit: 5 },
  INVALID_SIGNATURE: { http: 401, exit: 3 },
  CARRIER_CODE_TAKEN: { http: 409, exit: 5 },
  IMPORT_ALREADY_STARTED: { http: 409, exit: 5 },
  UNPLANNABLE: { http: 422, exit: 2 },
  UNKNOWN_KPI: { http: 422, exit: 2 },
  UNKNOWN_USER: { http: 422, exit: 2 },
  NOT_ACTION_OWNER: { http: 403, exit: 3 },
  INVALID_LINK: { http: 403, exit: 3 },
  LINK_EXPIRED: { http: 410, exit: 3 },
  RATE_LIMITED: { http: 429, exit: 6 },
  FILE_NOT_FOUND: { http: 404, exit: 4 },
  DATABASE_UNAVAILABLE: { http: 503, exit: 7 },
  ADDRESS_IN_USE: { http: 500, exit: 8 },
  DATABASE_NOT_EMPTY: { http: 409, exit: 5 },
  BACKUP_INVALID: { http: 422, exit: 2 },
  SCHEMA_TOO_NEW: { http: 500, exit: 9 },
  INTERNAL: { http: 500, exit: 1 },
} as const satisfies Record<string, { http: number; exit: number }>;

export type ErrorCode = keyof typeof errorCodes;

export type ErrorDetails = Record<string, unknown> & { field?: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorDetails;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get httpStatus(): number {
    return errorCodes[this.code].http;
  }

  get exitCode(): number {
    return errorCodes[this.code].exit;
  }
}

export function notFound(what: string, id: string): AppError {
  return new AppError('NOT_FOUND', `${what} ${id} does not exist`, { id });
}

/**
 * A refused field with the reason's key and parameters (`src/contracts/field-reasons.ts`), so the
 * console can say it in the reader's language; the message keeps the English text.
 */
export function invalidField(
  field: string,
  reason: FieldReason,
  params: FieldReasonParams = {},
  details?: ErrorDetails,
): AppError {
  return fieldError(field, fieldReasonText(reason, params), { reason, params, ...details });
}

function fieldError(field: string, message: string, details?: ErrorDetails): AppError {
  return new AppError('VALIDATION_FAILED', `${field}: ${message}`, { field, ...details });
}

/** What a zod issue says, reduced to what an error needs: structural, so any zod version fits. */
export interface FieldIssue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  keys?: readonly string[];
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  format?: unknown;
  values?: unknown;
  expected?: unknown;
}

/** What a form needs to say an issue in its own language: the limit, the kind of value, the format. */
function issueParams(issue: FieldIssue): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const name of ['minimum', 'maximum', 'origin', 'format', 'expected'] as const) {
    const value = issue[name];
    if (typeof value === 'string' || typeof value === 'number') params[name] = value;
    else if (typeof value === 'bigint') params[name] = Number(value);
  }
  if (Array.isArray(issue.values)) params.values = issue.values.map(String).join(', ');
  return params;
}

/** The dotted field of an issue under an optional prefix; an unknown key names the key itself. */
export function issueField(issue: FieldIssue, prefix?: string): string {
  const keys = issue.code === 'unrecognized_keys' && issue.keys ? issue.keys.slice(0, 1) : [];
  return [...(prefix ? [prefix] : []), ...issue.path.map(String), ...keys].join('.');
}

/**
 * The one validation error for a failed zod parse: a 400 naming the first offending field, with
 * up to ten issues in `details.issues` (a form shows them all at once), each with zod's `code`
 * and the `params` the console needs to say it in the reader's language.
 */
export function fromZodIssues(issues: readonly FieldIssue[], prefix?: string): AppError {
  const [first] = issues;
  if (!first) return fieldError(prefix ?? 'body', 'invalid');
  const field = issueField(first, prefix) || 'body';
  return fieldError(field, first.message, {
    issues: issues.slice(0, 10).map((issue) => ({
      field: issueField(issue, prefix),
      message: issue.message,
      ...(issue.code ? { code: issue.code, params: issueParams(issue) } : {}),
    })),
  });
}
