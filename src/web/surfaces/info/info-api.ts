import { useQuery } from '@tanstack/react-query';
import type { KnowledgeTopic } from '../../../shared/knowledge.js';
import { api, queryString } from '../../app/api.js';

/** The public knowledge and directory API (docs/knowledge.md, docs/directory.md). */
export type ReaderNote = 'missing' | 'outdated' | 'machine' | null;

export interface ReaderArticleItem {
  slug: string;
  topic: KnowledgeTopic;
  title: string;
  summary: string;
  language: string;
  dir: 'ltr' | 'rtl';
  note: ReaderNote;
}

export interface ReaderArticle extends ReaderArticleItem {
  requestedLanguage: string;
  html: string;
  plainText: string;
  version: number;
  publishedAt: string;
  services: { id: string; name: string }[];
  requiredDocuments: string[];
  languages: string[];
}

export function useArticles(lang: string) {
  return useQuery({ queryKey: ['info-articles', lang], queryFn: () => api.get<ReaderArticleItem[]>(`/api/v1/public/knowledge/articles${queryString({ lang })}`) });
}

export function useArticle(slug: string, lang: string) {
  return useQuery({ queryKey: ['info-article', slug, lang], queryFn: () => api.get<ReaderArticle>(`/api/v1/public/knowledge/articles/${encodeURIComponent(slug)}${queryString({ lang })}`), retry: false });
}

export function useSearch(query: string, lang: string) {
  return useQuery({
    queryKey: ['info-search', query, lang],
    queryFn: () => api.get<(ReaderArticleItem & { score: number })[]>(`/api/v1/public/knowledge/search${queryString({ q: query, lang })}`),
    enabled: query.trim().length >= 2,
  });
}

export interface DirectoryService {
  id: string;
  name: string;
  description: string;
  origin: string;
  organization: { name: string; kind: string } | null;
  phones: { number: string }[];
  schedules: { byday: string | null; opens_at: string | null; closes_at: string | null }[];
  languages: { code: string }[];
  required_documents: { document: string }[];
  service_at_locations: { location: { name: string | null; addresses: { address_1: string; postal_code: string; city: string }[]; phones: { number: string }[]; schedules: { byday: string | null; opens_at: string | null; closes_at: string | null }[] } | null }[];
}

export interface DirectoryPage {
  total_items: number;
  total_pages: number;
  page_number: number;
  contents: DirectoryService[];
}

export function useDirectory(page: number, perPage = 20, centreId?: string) {
  return useQuery({ queryKey: ['info-directory', page, perPage, centreId], queryFn: () => api.get<DirectoryPage>(`/api/v1/public/directory/services${queryString({ page, per_page: perPage, centre_id: centreId })}`) });
}
