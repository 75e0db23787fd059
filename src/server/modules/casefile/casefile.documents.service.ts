import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { Kysely, Selectable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import { DOCUMENT_TYPE_HINT, DOCUMENT_TYPE_PATTERN } from '../../../shared/document-types.js';
import type { Config } from '../../config.js';
import type { CasefileDocumentsTable, Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { sectionAccess, visibleRecordsOf, type SectionRefs } from './casefile.access.js';
import { auditFileChange, auditFileRead, auditSectionRead } from './casefile.audit.js';
import { openDocument, sealDocument } from './casefile.documents.crypto.js';
import { loadPersonOfFile, loadWritableUnit } from './casefile.guard.js';

type DocumentRow = Selectable<CasefileDocumentsTable>;
const REFS: SectionRefs = { person: 'd.person_id', unit: 'd.unit_id', section: { value: 'documents' } };

/** What a scanner or a phone camera produces; the type is read from the bytes, never from the name. */
export const ACCEPTED_TYPES: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heif',
};

export const DocumentUpload = z.object({
  unitId: z.uuid(),
  documentType: z.string().trim().regex(DOCUMENT_TYPE_PATTERN, DOCUMENT_TYPE_HINT),
  title: z.string().trim().max(200).default(''),
  fileName: z.string().trim().min(1).max(200),
  /** The file's bytes in base64 (a data: URL prefix is accepted and dropped). */
  contentBase64: z.string().min(4),
});
export type DocumentUpload = z.infer<typeof DocumentUpload>;

export const DocumentView = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  unitId: z.uuid(),
  documentType: z.string(),
  title: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.int(),
  sha256: z.string(),
  uploadedBy: z.uuid().nullable(),
  uploadedAt: z.string(),
  breakGlass: z.boolean(),
});
export type DocumentView = z.infer<typeof DocumentView>;

function presentDocument(row: DocumentRow, breakGlass = false): DocumentView {
  return { id: row.id, personId: row.person_id, unitId: row.unit_id, documentType: row.document_type, title: row.title, fileName: row.file_name, contentType: row.content_type, sizeBytes: row.size_bytes, sha256: row.sha256, uploadedBy: row.uploaded_by, uploadedAt: row.uploaded_at.toISOString(), breakGlass };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes and checks an upload: size within the limit, and a type we accept by its content. */
export async function inspectUpload(contentBase64: string, maxBytes: number): Promise<{ bytes: Buffer; contentType: string }> {
  const payload = contentBase64.replace(/^data:[^;,]*;base64,/, '').replace(/\s+/g, '');
  if (payload.length % 4 !== 0 || !BASE64.test(payload)) throw AppError.invalid([{ path: 'contentBase64', message: 'expected the file in base64' }]);
  const bytes = Buffer.from(payload, 'base64');
  if (bytes.length === 0) throw AppError.invalid([{ path: 'contentBase64', message: 'the file is empty' }]);
  if (bytes.length > maxBytes) throw new AppError('payload_too_large', `The file is larger than ${Math.floor(maxBytes / 1024 / 1024)} MB`, { fields: [{ path: 'contentBase64', message: `at most ${maxBytes} bytes` }] });
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !ACCEPTED_TYPES[detected.mime]) {
    throw AppError.invalid([{ path: 'contentBase64', message: `expected a PDF, JPEG, PNG, WEBP or HEIC file${detected ? ` (this file is ${detected.mime})` : ''}` }], 'This kind of file is not accepted');
  }
  return { bytes, contentType: detected.mime };
}

export async function uploadDocument(db: Kysely<Database>, config: Pick<Config, 'documentKey' | 'dataDir' | 'documentMaxBytes'>, context: StaffContext, personId: string, input: DocumentUpload): Promise<DocumentView> {
  const person = await loadPersonOfFile(db, context.actor, personId, new Date());
  const unit = await loadWritableUnit(db, context.actor, input.unitId, 'documents');
  const { bytes, contentType } = await inspectUpload(input.contentBase64, config.documentMaxBytes);
  const id = uuidv7();
  const sealed = await sealDocument(config, id, bytes);
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('casefile_documents')
      .values({ id, person_id: person.id, unit_id: unit.id, document_type: input.documentType, title: input.title, file_name: input.fileName, content_type: contentType, size_bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), uploaded_by: context.actor.staffId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.insertInto('casefile_document_contents').values({ document_id: id, key_id: sealed.keyId, iv: sealed.iv, auth_tag: sealed.authTag, ciphertext: sealed.ciphertext }).execute();
    await auditFileChange(trx, context, { action: 'casefile.document_upload', personId: person.id, unitId: unit.id, section: 'documents', details: { id, documentType: input.documentType, contentType, sizeBytes: bytes.length } });
    return inserted;
  });
  return presentDocument(row);
}

export async function listDocuments(db: Kysely<Database>, context: StaffContext, personId: string): Promise<DocumentView[]> {
  const now = new Date();
  const person = await loadPersonOfFile(db, context.actor, personId, now);
  const rows = await visibleRecordsOf(db.selectFrom('casefile_documents as d').selectAll('d'), context.actor, REFS, person.id, now)
    .orderBy('d.uploaded_at', 'desc')
    .orderBy('d.id')
    .execute();
  await auditSectionRead(db, context, person.id, now, rows, () => 'documents');
  return rows.map((r) => presentDocument(r, !r.by_need));
}

/** The decrypted file, for staff whose need-to-know (or break-glass) covers the unit's documents. */
export async function downloadDocument(db: Kysely<Database>, config: Pick<Config, 'documentKey' | 'dataDir'>, context: StaffContext, id: string): Promise<{ document: DocumentView; content: Buffer }> {
  const row = await db.selectFrom('casefile_documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw AppError.notFound('The document');
  const access = await sectionAccess(db, context.actor, row.person_id, row.unit_id, 'documents', new Date());
  if (!access.read) throw AppError.notFound('The document');
  const sealed = await db.selectFrom('casefile_document_contents').selectAll().where('document_id', '=', id).executeTakeFirstOrThrow();
  const content = await openDocument(config, id, { keyId: sealed.key_id, iv: sealed.iv, authTag: sealed.auth_tag, ciphertext: sealed.ciphertext });
  // Recorded before the first byte leaves.
  await auditFileRead(db, context, { action: 'casefile.document_download', personId: row.person_id, unitId: row.unit_id, section: 'documents', breakGlassReason: access.breakGlassReason, details: { id, sizeBytes: row.size_bytes } });
  return { document: presentDocument(row, access.breakGlass), content };
}
