// The console's only door to the server: every request goes through `request`, which adds the
// CSRF header to changes and turns the server's error envelope into ApiError. The per-module
// clients beside this file (orders.ts, staff.ts, fulfilment.ts…) type each call with the
// server's own zod contracts from src/contracts, imported as types only so no server code
// reaches the bundle.

export type Page<T> = { items: T[]; nextCursor: string | null };
export type PageParams = { limit?: number; cursor?: string | null };
export type ErrorDetails = Record<string, unknown>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetails;

  constructor(status: number, code: string, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request made with a session gets 401, i.e. the session has expired. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export type Query = Record<string, string | number | null | undefined>;
export type RequestOptions = {
  query?: Query;
  json?: unknown;
  text?: { body: string; contentType: string };
  /** A file sent as it is (uploads of spreadsheets, whatever their encoding). */
  file?: Blob;
};

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
}

/** The request with its HTTP status, for the few calls whose answer depends on it (201 vs 200). */
export async function send<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: string | Blob | undefined;
  if (options.file) {
    headers['Content-Type'] = 'application/octet-stream';
    body = options.file;
  } else if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.text) {
    headers['Content-Type'] = options.text.contentType;
    body = options.text.body;
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK_ERROR', cause instanceof Error ? cause.message : String(cause));
  }
  if (response.status === 204) return { status: 204, body: undefined as T };
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as { error?: { code?: string; message?: string; details?: ErrorDetails } } | null)
      ?.error;
    if (response.status === 401 && !path.startsWith('/auth/')) onUnauthorized?.();
    throw new ApiError(
      response.status,
      error?.code ?? `HTTP_${response.status}`,
      error?.message ?? response.statusText,
      error?.details ?? {},
    );
  }
  return { status: response.status, body: payload as T };
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  return (await send<T>(method, path, options)).body;
}

export const get = <T>(path: string, query?: Query) => request<T>('GET', path, { query });
export const post = <T>(path: string, json?: unknown) => request<T>('POST', path, { json: json ?? {} });
export const patch = <T>(path: string, json: unknown) => request<T>('PATCH', path, { json });
export const put = <T>(path: string, json: unknown) => request<T>('PUT', path, { json });
export const del = (path: string) => request<void>('DELETE', path);
/** A path segment from a value: ids and codes may hold characters a URL does not. */
export const id = (value: string) => encodeURIComponent(value);
/** Files (PDFs, CSV) open as a plain link, signed by the session cookie. */
export const fileUrl = (path: string) => `/api/v1${path}`;
