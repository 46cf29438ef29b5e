/**
 * Database failures that are not the request's fault, told apart from bugs by the driver's
 * error code, so the API can answer 503 with Retry-After and the worker can back off.
 */
const unavailableCodes = new Set([
  // Node socket errors while connecting or talking to PostgreSQL.
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  // PostgreSQL: connection exceptions (08…), shutdown and restart (57P01–57P03), too many clients.
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  // SQLite: the file is locked beyond the busy timeout, or the disk is full.
  'SQLITE_BUSY',
  'SQLITE_FULL',
  'SQLITE_IOERR',
]);

const unavailableMessages = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /connection is closed/i,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === 'string' && unavailableCodes.has(code)) return true;
  // An AggregateError (IPv4 and IPv6 both refused) carries the socket errors inside.
  if (Array.isArray(errors) && errors.some(isDatabaseUnavailable)) return true;
  return typeof message === 'string' && unavailableMessages.some((pattern) => pattern.test(message));
}

/** PostgreSQL refuses U+0000 in text (22021) and in JSON (22P05); SQLite stores it. */
export function isNulCharacterError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const message = String((error as { message?: unknown } | null)?.message ?? '');
  return (code === '22021' && message.includes('0x00')) || (code === '22P05' && message.includes('\\u0000'));
}
