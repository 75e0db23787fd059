import { crc32, inflateRawSync } from 'node:zlib';
import { stringify } from 'csv-stringify/sync';
import { columnsOf, fieldTypeOf, HSDS_TABLE_NAMES, type HsdsDataset, type HsdsTable } from './directory.hsds.js';

/**
 * The directory as a Frictionless tabular data package: datapackage.json and one CSV per HSDS
 * table, in a ZIP file. Written without compression (small, and any unzip reads it); reading also
 * accepts deflated entries, as other tools write them.
 */
export function packDataPackage(dataset: HsdsDataset, generatedAt: string): Buffer {
  const files: { name: string; content: Buffer }[] = [];
  const resources = HSDS_TABLE_NAMES.map((table) => ({
    name: table,
    path: `${table}.csv`,
    profile: 'tabular-data-resource',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    schema: { fields: columnsOf(table).map((column) => ({ name: column, type: fieldTypeOf(column) })), primaryKey: 'id' },
  }));
  const descriptor = { name: 'oneroof-directory', title: 'OneRoof service directory (Open Referral HSDS 3.0)', profile: 'tabular-data-package', created: generatedAt, resources };
  files.push({ name: 'datapackage.json', content: Buffer.from(JSON.stringify(descriptor, null, 2)) });
  for (const table of HSDS_TABLE_NAMES) {
    const columns = columnsOf(table);
    const rows = (dataset[table] as unknown as Record<string, unknown>[]).map((row) => columns.map((column) => (row[column] === null || row[column] === undefined ? '' : String(row[column]))));
    files.push({ name: `${table}.csv`, content: Buffer.from(stringify([columns, ...rows])) });
  }
  return zip(files);
}

/**
 * Reads a data package back into HSDS rows: an empty cell is an absent field (the row schemas give
 * null or the field's default), numbers are numbers. Problems with the package itself are thrown as messages.
 */
export function unpackDataPackage(archive: Buffer): Record<string, unknown> {
  const files = unzip(archive);
  const descriptorFile = files.get('datapackage.json');
  if (!descriptorFile) throw new Error('the archive has no datapackage.json');
  const descriptor = JSON.parse(descriptorFile.toString('utf8')) as { resources?: { name?: string; path?: string }[] };
  const dataset: Record<string, unknown> = {};
  for (const resource of descriptor.resources ?? []) {
    if (!resource.name || !resource.path) throw new Error('every resource needs a name and a path');
    if (!HSDS_TABLE_NAMES.includes(resource.name as HsdsTable)) throw new Error(`${resource.name} is not an HSDS table this directory keeps`);
    const content = files.get(resource.path);
    if (!content) throw new Error(`${resource.path} is listed but not in the archive`);
    const [header, ...records] = parseCsv(content.toString('utf8'));
    if (!header) {
      dataset[resource.name] = [];
      continue;
    }
    dataset[resource.name] = records
      .filter((record) => !(record.length === 1 && record[0] === ''))
      .map((record) => Object.fromEntries(header.flatMap((column, index) => (record[index] ? [[column, cellValue(column, record[index])]] : []))));
  }
  return dataset;
}

function cellValue(column: string, cell: string): unknown {
  const type = fieldTypeOf(column);
  if (type === 'number' || type === 'integer') return Number.isNaN(Number(cell)) ? cell : Number(cell);
  return cell;
}

/** RFC 4180 CSV: quoted fields with doubled quotes, commas and line breaks inside quotes. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

// ── ZIP (stored entries written; stored or deflated entries read) ──────────────────────────────────

function zip(files: { name: string; content: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const checksum = crc32(file.content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(0, 10); // time and date: none
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(file.content.length, 18);
    local.writeUInt32LE(file.content.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(file.content.length, 20);
    central.writeUInt32LE(file.content.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, file.content);
    centrals.push(central, name);
    offset += local.length + name.length + file.content.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

function unzip(archive: Buffer): Map<string, Buffer> {
  const endAt = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0) throw new Error('not a ZIP archive');
  const count = archive.readUInt16LE(endAt + 10);
  let at = archive.readUInt32LE(endAt + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (archive.readUInt32LE(at) !== 0x02014b50) throw new Error('the ZIP directory is damaged');
    const method = archive.readUInt16LE(at + 10);
    const compressedSize = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const localAt = archive.readUInt32LE(at + 42);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = localAt + 30 + archive.readUInt16LE(localAt + 26) + archive.readUInt16LE(localAt + 28);
    const data = archive.subarray(dataAt, dataAt + compressedSize);
    if (method === 0) files.set(name, data);
    else if (method === 8) files.set(name, inflateRawSync(data));
    else throw new Error(`${name} uses a compression this reader does not know`);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}
