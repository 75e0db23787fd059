import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Encrypts small secrets (TOTP seeds) before they reach the database, so that a dump of the database
 * alone does not let anyone produce second-factor codes. The key lives in a file in the data folder,
 * created on first use; every process that shares the database needs the same file.
 */
export const SECRET_KEY_FILE = path.join('keys', 'secret-box.key');
const VERSION = 'v1';

const keys = new Map<string, Promise<Buffer>>();

/** The master key of a data folder, read once per process (created with mode 0600 when missing). */
export function secretBoxKey(dataDir: string): Promise<Buffer> {
  const file = path.join(dataDir, SECRET_KEY_FILE);
  let key = keys.get(file);
  if (!key) {
    key = readOrCreateKey(file);
    key.catch(() => keys.delete(file));
    keys.set(file, key);
  }
  return key;
}

async function readOrCreateKey(file: string): Promise<Buffer> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // 'wx' fails when the file exists, so two processes starting together keep the first one's key.
    await writeFile(file, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const master = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  if (master.length < 32) throw new Error(`The key file ${file} is damaged: expected 32 random bytes in base64`);
  return master;
}

/** A key for one purpose, so one master key can serve several kinds of secret without mixing them. */
function purposeKey(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `oneroof ${purpose}`, 32));
}

/**
 * AES-256-GCM. `context` (e.g. the staff id) is bound as associated data: a sealed value copied onto
 * another row does not open there.
 */
export function sealSecret(master: Buffer, purpose: string, context: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', purposeKey(master, purpose), iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** The plaintext, or undefined when the value was sealed with another key or for another row. */
export function openSecret(master: Buffer, purpose: string, context: string, sealed: string): string | undefined {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', purposeKey(master, purpose), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
