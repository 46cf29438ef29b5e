import { randomFillSync } from 'node:crypto';

// Ids are minted several per order; one system call per 4 KB of randomness instead of per id.
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

function randomSlice(length: number): Buffer {
  if (poolOffset + length > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  poolOffset += length;
  return pool.subarray(poolOffset - length, poolOffset);
}

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

let lastMs = -1;
let sequence = 0;

/**
 * UUID version 7 (RFC 9562): time-ordered, so new rows land at the right edge of the primary
 * key index and ids sort by creation time, which keeps inserts cheap on both databases. Within
 * one millisecond a 12-bit counter (the RFC's method 1) keeps ids increasing, so rows written
 * together — a timeline's cause and effect — sort in the order they were made.
 */
export function uuidv7(at: number = Date.now()): string {
  const bytes = Buffer.from(randomSlice(16));
  if (at === lastMs && sequence < 0xfff) sequence += 1;
  else {
    // A new millisecond (or a clock moved back by a test) starts the counter at a random low value.
    sequence = bytes.readUInt16BE(6) & 0x3ff;
    lastMs = at;
  }
  bytes.writeUIntBE(at, 0, 6);
  bytes.writeUInt16BE(0x7000 | sequence, 6);
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A short order number people can read out on the phone: `SO` + UTC date + 8 Crockford base32
 * characters (40 random bits). Uniqueness is enforced by the database; at 100,000 orders a day
 * a collision is expected about once in 300 years.
 */
export function orderNumber(at: Date): string {
  const date = at.toISOString().slice(2, 10).replaceAll('-', '');
  return `SO${date}${randomBase32(8)}`;
}

export function randomBase32(length: number): string {
  const bytes = randomSlice(length);
  let out = '';
  for (const byte of bytes) out += crockford[byte & 31];
  return out;
}
