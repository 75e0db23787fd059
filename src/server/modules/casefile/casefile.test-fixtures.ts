import { deflateSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { TestApp } from '../../../../test/app.js';
import type { Database } from '../../db/types.js';

/** A real 1×1 PNG, built here so the test needs no binary fixture file. */
export function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (data: Buffer) => {
    let c = 0xffffffff;
    for (const byte of data) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))), chunk('IEND', Buffer.alloc(0))]);
}

export function tinyPdf(): Buffer {
  return Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
}

/** Another unit (with one service) at a centre. */
export async function addUnit(db: Kysely<Database>, centreId: string, code: string, name: string): Promise<{ unitId: string; serviceId: string }> {
  const unitId = uuidv7();
  const serviceId = uuidv7();
  await db.insertInto('units').values({ id: unitId, centre_id: centreId, code, name, kind: 'support_office' }).execute();
  await db.insertInto('services').values({ id: serviceId, unit_id: unitId, code: `${code}1`, names: JSON.stringify({ pt: `Serviço ${name}`, en: `${name} service` }), typical_minutes: 15, ticket_prefix: code.slice(0, 1) }).execute();
  return { unitId, serviceId };
}

/** A person registered directly (the registry's own API is tested in the people module). */
export async function addPerson(db: Kysely<Database>, homeCentreId: string, given = 'Amina', family = 'Haddad'): Promise<string> {
  const id = uuidv7();
  await db.insertInto('people').values({ id, home_centre_id: homeCentreId, given_names: given, family_names: family, name_key: `${given} ${family}`.toLowerCase() }).execute();
  return id;
}

export async function auditOf(t: TestApp, personId: string, action: string) {
  return t.db.selectFrom('audit_events').selectAll().where('resource_type', '=', 'person').where('resource_id', '=', personId).where('action', '=', action).orderBy('at').execute();
}
