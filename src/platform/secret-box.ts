import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const prefix = 'enc:v1:';

/**
 * Secrets kept at rest (connector API tokens, webhook secrets) are sealed with AES-256-GCM.
 * The key comes from ORDO_SECRET_KEY, or from `secret.key` in the data directory, generated
 * on first start. A value without the `enc:v1:` prefix is a plain one from before and is read
 * as it is (and sealed by the start-up pass that migrates them).
 */
export interface SecretBox {
  seal(plain: string): string;
  seal(plain: string | null): string | null;
  open(stored: string): string;
  open(stored: string | null): string | null;
  isSealed(stored: string): boolean;
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('a secret key is 32 bytes');
  function seal(plain: string | null): string | null {
    if (plain === null || plain.startsWith(prefix)) return plain;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${prefix}${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${data.toString('base64url')}`;
  }
  function open(stored: string | null): string | null {
    if (stored === null || !stored.startsWith(prefix)) return stored;
    const [iv, tag, data] = stored.slice(prefix.length).split('.');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new Error(
        'a stored secret cannot be opened: ORDO_SECRET_KEY (or data/secret.key) is not the key it was sealed with',
      );
    }
  }
  return {
    seal: seal as SecretBox['seal'],
    open: open as SecretBox['open'],
    isSealed: (stored) => stored.startsWith(prefix),
  };
}

/**
 * The key: ORDO_SECRET_KEY (64 hex characters or 44 base64 ones are taken as the raw key,
 * any other text is hashed to one), else `<dataDir>/secret.key`, created (mode 0600) when
 * missing. Every API node and worker of one database needs the same key.
 */
export function loadSecretKey(secretKey: string | undefined, dataDir: string): Buffer {
  if (secretKey) return keyFromText(secretKey);
  const file = path.join(dataDir, 'secret.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process made it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return keyFromText(fs.readFileSync(file, 'utf8').trim());
}

function keyFromText(text: string): Buffer {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
    const raw = Buffer.from(text, 'base64');
    if (raw.length === 32) return raw;
  }
  return createHash('sha256').update(text).digest();
}
