import { PassThrough, type Readable } from 'node:stream';
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { recordPersonalDataRead } from '../audit/audit.service.js';
import { collectOtherTables, PERSON_FILE_SOURCES, PERSON_JSON_SOURCES, type PersonFile } from './people.export.sources.js';
import { ensureCan } from './people.policy.js';
import { findPersonRow } from './people.repo.js';

/** An archive larger than this (before compression) is refused: it would need a hand-made delivery. */
export const SUBJECT_EXPORT_MAX_BYTES = 512 * 1024 * 1024;

const README = `This archive holds everything the One-Stop-Shop keeps about you, as it was when it was made.
Each .json file is one part of your file: your record, contacts, identity documents, visits, tickets,
appointments, messages sent to you, your case file (casefile-*.json: notes and forms, procedures and
their status, consents, referrals, documents), and access-log.json, the list of staff who read or
changed your file. Folder "files" holds documents stored for you, as they were uploaded.
`;

export interface SubjectExport {
  filename: string;
  stream: Readable;
}

/**
 * Subject-access export (people.export on the person's home centre): a ZIP streamed to the caller
 * with one JSON file per source and the person's stored files. Everything but the files is
 * collected first (small), sizes are checked against the limit, the export is journalled, then the
 * archive is written as it goes out.
 */
export async function exportPerson(deps: { db: Kysely<Database>; config: Pick<Config, 'documentKey' | 'dataDir'> }, context: StaffContext, id: string, onError: (error: unknown) => void): Promise<SubjectExport> {
  const { db } = deps;
  const found = await findPersonRow(db, id);
  const row = found?.merged_into ? await findPersonRow(db, found.merged_into) : found;
  if (!row) throw AppError.notFound('The person');
  ensureCan(context.actor, 'people.export', row.home_centre_id);
  const merged = await db.selectFrom('people').select('id').where('merged_into', '=', row.id).execute();
  const recordIds = [row.id, ...merged.map((m) => m.id)];

  const jsonFiles: { path: string; data: Uint8Array }[] = [{ path: 'README.txt', data: strToU8(README) }];
  for (const source of PERSON_JSON_SOURCES) jsonFiles.push({ path: source.file, data: toJson(await source.collect(db, recordIds)) });
  const covered = new Set(PERSON_JSON_SOURCES.flatMap((s) => s.tables));
  const others = await collectOtherTables(db, recordIds, covered);
  if (Object.keys(others).length > 0) jsonFiles.push({ path: 'other-records.json', data: toJson(others) });
  const files: PersonFile[] = [];
  for (const source of PERSON_FILE_SOURCES) files.push(...(await source.list(deps, recordIds)).map((f) => ({ ...f, path: `files/${source.name}/${f.path}` })));

  const bytes = jsonFiles.reduce((sum, f) => sum + f.data.length, 0) + files.reduce((sum, f) => sum + f.size, 0);
  if (bytes > SUBJECT_EXPORT_MAX_BYTES) throw new AppError('payload_too_large', `The export would hold ${Math.ceil(bytes / 1048576)} MiB, more than the ${SUBJECT_EXPORT_MAX_BYTES / 1048576} MiB limit`);
  await recordPersonalDataRead(db, context, {
    action: 'person.subject_export',
    resourceType: 'person',
    resourceId: row.id,
    centreId: row.home_centre_id,
    details: { files: files.length, bytes, parts: jsonFiles.map((f) => f.path) },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return { filename: `oneroof-person-${row.id}-${stamp}.zip`, stream: zipStream(jsonFiles, files, onError) };
}

function toJson(value: unknown): Uint8Array {
  return strToU8(`${JSON.stringify(value, null, 2)}\n`);
}

/** Writes the archive into a stream, waiting for the reader when it falls behind (back-pressure). */
function zipStream(jsonFiles: { path: string; data: Uint8Array }[], files: PersonFile[], onError: (error: unknown) => void): Readable {
  const out = new PassThrough();
  let pending: Uint8Array[] = [];
  const zip = new Zip((error, chunk, final) => {
    if (error) {
      out.destroy(error);
      return;
    }
    pending.push(chunk);
    if (final) pending.push(new Uint8Array(0));
  });
  const flush = async () => {
    const chunks = pending;
    pending = [];
    for (const chunk of chunks) {
      if (chunk.length === 0) continue;
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
    }
  };
  void (async () => {
    for (const file of jsonFiles) {
      const entry = new ZipDeflate(file.path, { level: 6 });
      zip.add(entry);
      entry.push(file.data, true);
      await flush();
    }
    for (const file of files) {
      // Stored files are scans and photos, already compressed: stored as they are.
      const entry = new ZipPassThrough(file.path);
      zip.add(entry);
      for await (const chunk of file.open()) {
        entry.push(chunk);
        await flush();
      }
      entry.push(new Uint8Array(0), true);
    }
    zip.end();
    await flush();
    out.end();
  })().catch((error: unknown) => {
    onError(error);
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return out;
}
