import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Config } from '../../config.js';
import { secretBoxKey } from '../auth/auth.secret-box.js';

/**
 * Documents are sealed with AES-256-GCM before they reach the database. The key is DOCUMENT_KEY
 * when configured (every instance sharing the database gets the same value), otherwise one derived
 * from the data folder's key file (DATA_DIR/keys/secret-box.key, created on first start). Each row
 * names which key sealed it, so setting DOCUMENT_KEY later keeps older documents readable while the
 * key file is kept. The document id is bound as associated data: sealed bytes copied onto another
 * document do not open.
 */
export type DocumentKeyId = 'config' | 'data-dir';

export interface Sealed {
  keyId: DocumentKeyId;
  iv: Buffer;
  authTag: Buffer;
  ciphertext: Buffer;
}

async function keyFor(config: Pick<Config, 'documentKey' | 'dataDir'>, keyId: DocumentKeyId): Promise<Buffer> {
  if (keyId === 'config') {
    if (!config.documentKey) throw new Error('This document was sealed with DOCUMENT_KEY, which is not configured');
    return config.documentKey;
  }
  const master = await secretBoxKey(config.dataDir);
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'oneroof casefile-documents', 32));
}

export async function sealDocument(config: Pick<Config, 'documentKey' | 'dataDir'>, documentId: string, content: Buffer): Promise<Sealed> {
  const keyId: DocumentKeyId = config.documentKey ? 'config' : 'data-dir';
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await keyFor(config, keyId), iv);
  cipher.setAAD(Buffer.from(documentId));
  const ciphertext = Buffer.concat([cipher.update(content), cipher.final()]);
  return { keyId, iv, authTag: cipher.getAuthTag(), ciphertext };
}

/** The content; throws when the key is wrong or the bytes were altered (GCM checks both). */
export async function openDocument(config: Pick<Config, 'documentKey' | 'dataDir'>, documentId: string, sealed: { keyId: string; iv: Uint8Array; authTag: Uint8Array; ciphertext: Uint8Array }): Promise<Buffer> {
  const decipher = createDecipheriv('aes-256-gcm', await keyFor(config, sealed.keyId as DocumentKeyId), Buffer.from(sealed.iv));
  decipher.setAAD(Buffer.from(documentId));
  decipher.setAuthTag(Buffer.from(sealed.authTag));
  return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext)), decipher.final()]);
}
