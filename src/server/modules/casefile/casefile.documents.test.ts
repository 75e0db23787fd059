import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.js';
import { openDocument, sealDocument } from './casefile.documents.crypto.js';
import { inspectUpload } from './casefile.documents.service.js';
import { tinyPdf, tinyPng } from './casefile.test-fixtures.js';

describe('document sealing', () => {
  it('opens only with the same key, for the same document, unaltered', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'oneroof-docs-'));
    const fromDataDir = { dataDir, documentKey: undefined };
    const fromConfig = { dataDir, documentKey: Buffer.alloc(32, 9) };
    const content = tinyPng();
    const sealed = await sealDocument(fromDataDir, 'doc-1', content);
    expect(sealed.keyId).toBe('data-dir');
    expect(sealed.ciphertext.equals(content)).toBe(false);
    expect((await openDocument(fromDataDir, 'doc-1', sealed)).equals(content)).toBe(true);
    // Setting DOCUMENT_KEY later keeps older documents readable: the row says which key sealed it.
    expect((await openDocument(fromConfig, 'doc-1', sealed)).equals(content)).toBe(true);
    await expect(openDocument(fromDataDir, 'doc-2', sealed)).rejects.toThrow();
    const altered = Buffer.from(sealed.ciphertext);
    altered[0] = altered[0]! ^ 1;
    await expect(openDocument(fromDataDir, 'doc-1', { ...sealed, ciphertext: altered })).rejects.toThrow();

    const withConfig = await sealDocument(fromConfig, 'doc-3', content);
    expect(withConfig.keyId).toBe('config');
    await expect(openDocument(fromDataDir, 'doc-3', withConfig)).rejects.toThrow(/DOCUMENT_KEY/);
    await expect(openDocument({ dataDir, documentKey: Buffer.alloc(32, 8) }, 'doc-3', withConfig)).rejects.toThrow();
  });
});

describe('upload checks', () => {
  const status = async (promise: Promise<unknown>) => promise.then(() => 200, (error: unknown) => (error instanceof AppError ? error.status : 500));

  it('reads the type from the bytes and keeps to the size limit', async () => {
    expect((await inspectUpload(tinyPdf().toString('base64'), 1024 * 1024)).contentType).toBe('application/pdf');
    expect((await inspectUpload(`data:application/pdf;base64,${tinyPng().toString('base64')}`, 1024 * 1024)).contentType).toBe('image/png');
    expect(await status(inspectUpload(tinyPng().toString('base64'), 10))).toBe(413);
    expect(await status(inspectUpload(Buffer.from('<html><script>alert(1)</script></html>').toString('base64'), 1024))).toBe(400);
    expect(await status(inspectUpload(Buffer.from('PK\u0003\u0004 zip archive').toString('base64'), 1024))).toBe(400);
    expect(await status(inspectUpload('not base64 at all!', 1024))).toBe(400);
    expect(await status(inspectUpload('', 1024))).toBe(400);
  });
});
