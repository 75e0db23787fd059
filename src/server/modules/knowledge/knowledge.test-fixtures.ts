import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { createStaff, signIn, type Session, type TestApp } from '../../../../test/app.js';
import type { Database } from '../../db/types.js';

/** A network (if none yet) and staff with network-wide content roles. */
export async function contentStaff(test: TestApp, label: string): Promise<{ editor: Session; translator: Session; networkId: string }> {
  const db: Kysely<Database> = test.db;
  const existing = await db.selectFrom('networks').select('id').executeTakeFirst();
  const networkId = existing?.id ?? uuidv7();
  if (!existing) await db.insertInto('networks').values({ id: networkId, name: 'Test network' }).execute();
  await createStaff(db, `editor-${label}`, [{ role: 'content_editor', scopeType: 'network', scopeId: networkId }]);
  await createStaff(db, `translator-${label}`, [{ role: 'translator', scopeType: 'network', scopeId: networkId }]);
  return { editor: await signIn(test.app, `editor-${label}`), translator: await signIn(test.app, `translator-${label}`), networkId };
}

export const residenceArticle = {
  slug: 'autorizacao-de-residencia',
  topic: 'residence',
  title: 'Autorização de residência',
  summary: 'Como pedir e renovar a autorização de residência.',
  body: '## Documentos\n\nTraga o passaporte e uma fotografia.\n\nMarque atendimento pelo telefone.',
};

/** Creates and publishes an article; answers its id. */
export async function publishedArticle(editor: Session, article: Record<string, unknown> = residenceArticle): Promise<string> {
  const created = await editor.request({ method: 'POST', url: '/api/v1/knowledge/articles', payload: article });
  if (created.statusCode !== 201) throw new Error(`create failed: ${created.body}`);
  const id = created.json<{ id: string }>().id;
  const published = await editor.request({ method: 'POST', url: `/api/v1/knowledge/articles/${id}/publish` });
  if (published.statusCode !== 200) throw new Error(`publish failed: ${published.body}`);
  return id;
}
