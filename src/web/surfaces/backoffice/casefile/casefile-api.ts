import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, queryString } from '../../../app/api.js';
import { useRealtime } from '../../../app/realtime.js';

/** The case file's API as the back office uses it (docs/casefile.md). */

export type SectionName = 'notes' | 'forms' | 'purposes' | 'documents' | 'procedures';
export const SECTION_NAMES: SectionName[] = ['notes', 'forms', 'purposes', 'documents', 'procedures'];

export interface PersonCore {
  id: string;
  homeCentreId: string;
  givenNames: string;
  familyNames: string;
  nativeGivenNames: string;
  nativeFamilyNames: string;
  birthDate: string | null;
  preferredLanguage: string | null;
  languages: string[];
  contacts: { id: string; kind: 'phone' | 'email'; value: string }[];
}

export interface FileOverview {
  personId: string;
  coreReadable: boolean;
  visible: { unitId: string; unitName: string; section: SectionName; records: number; breakGlass: boolean }[];
  hiddenUnits: number;
  breakGlassUntil: string | null;
}

export interface Entry {
  id: string;
  unitId: string;
  section: 'notes' | 'forms' | 'purposes';
  formId: string | null;
  text: string;
  answers: Record<string, unknown> | null;
  createdAt: string;
  breakGlass: boolean;
}

export interface DocumentMeta {
  id: string;
  unitId: string;
  documentType: string;
  title: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: string;
  breakGlass: boolean;
}

export interface Procedure {
  id: string;
  unitId: string;
  serviceId: string;
  state: string;
  stateLabels: Record<string, string>;
  final: boolean;
  allowedMoves: string[];
  moveLabels: Record<string, Record<string, string>>;
  openedAt: string;
  updatedAt: string;
}

/** An outside partner of the service directory (association, NGO, municipal service). */
export interface PartnerSummary {
  id: string;
  name: string;
  alternateName: string | null;
  description: string;
  email: string | null;
  website: string | null;
  phones: { number: string; extension: string | null; type: string | null }[];
  addresses: { address1: string; address2: string | null; postalCode: string; city: string; region: string | null; country: string }[];
}

/** The partner on a consent or referral: from the directory, or (older rows) a name only. */
export interface PartnerRef extends Pick<PartnerSummary, 'name' | 'email' | 'website' | 'phones' | 'addresses'> {
  organizationId: string | null;
}

export interface Consent {
  id: string;
  purpose: 'share_with_unit' | 'share_with_partner' | 'contact_sms' | 'contact_email';
  sourceUnitId: string | null;
  targetUnitId: string | null;
  partnerOrganizationId: string | null;
  partnerName: string | null;
  givenHow: string;
  givenAt: string;
  expiresAt: string | null;
  withdrawnAt: string | null;
  active: boolean;
}

export interface Referral {
  id: string;
  person: { id: string; name: string };
  fromUnit: { id: string; name: string };
  toUnit: { id: string; name: string } | null;
  partnerName: string | null;
  partner: PartnerRef | null;
  sharedSections: SectionName[];
  message: string;
  status: 'sent' | 'accepted' | 'rejected' | 'done' | 'revoked';
  sentAt: string;
  ageDays: number;
  waitingDays: number | null;
}

export interface Workflow {
  states: { key: string; labels: Record<string, string>; final: boolean }[];
}

export const fileKeys = {
  person: (id: string) => ['casefile', id] as const,
  referrals: (box: string, status: string) => ['casefile', 'referrals', box, status] as const,
};

const items = <T,>(url: string) => api.get<{ items: T[] }>(url).then((r) => r.items);

export const usePersonCore = (id: string, enabled: boolean) =>
  useQuery({ queryKey: [...fileKeys.person(id), 'core'], queryFn: () => api.get<PersonCore>(`/api/v1/people/${id}`), enabled, retry: false });
export const useFileOverview = (id: string) => useQuery({ queryKey: [...fileKeys.person(id), 'overview'], queryFn: () => api.get<FileOverview>(`/api/v1/people/${id}/file`), retry: false });
export const useEntries = (id: string) => useQuery({ queryKey: [...fileKeys.person(id), 'entries'], queryFn: () => items<Entry>(`/api/v1/people/${id}/file/entries`) });
export const useDocuments = (id: string) => useQuery({ queryKey: [...fileKeys.person(id), 'documents'], queryFn: () => items<DocumentMeta>(`/api/v1/people/${id}/documents`) });
export const useProcedures = (id: string) => useQuery({ queryKey: [...fileKeys.person(id), 'procedures'], queryFn: () => items<Procedure>(`/api/v1/people/${id}/procedures`) });
export const useConsents = (id: string) => useQuery({ queryKey: [...fileKeys.person(id), 'consents'], queryFn: () => items<Consent>(`/api/v1/people/${id}/consents`) });
export const usePersonReferrals = (id: string) => useQuery({ queryKey: [...fileKeys.person(id), 'referrals'], queryFn: () => items<Referral>(`/api/v1/referrals${queryString({ personId: id })}`) });
export const useReferralWorkList = (box: 'incoming' | 'outgoing', status: string) =>
  useQuery({ queryKey: fileKeys.referrals(box, status), queryFn: () => items<Referral>(`/api/v1/referrals${queryString({ box, status: status || undefined })}`) });

/** Partners of the directory whose name holds every word typed (open data: no session needed). */
export const usePartnerSearch = (q: string) =>
  useQuery({ queryKey: ['directory', 'partners', q], queryFn: () => items<PartnerSummary>(`/api/v1/public/directory/partners${queryString({ q, limit: 20 })}`), staleTime: 60_000, placeholderData: (previous) => previous });

/**
 * Keeps the referral work lists current: a referral sent to or from one of the viewer's units, or
 * answered, pushes an event (ids only) and the lists are fetched again through the need-to-know API.
 */
export function useReferralsLive(): void {
  const client = useQueryClient();
  useRealtime(['casefile.referral_changed'], () => void client.invalidateQueries({ queryKey: ['casefile', 'referrals'] }));
}

/** After a change, everything shown of the file (and the work lists) is fetched again. */
export function useRefreshFile(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: ['casefile'] }), [client]);
}

/** Reads a picked file (scanner PDF or phone photo) as base64 for the upload body. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** The label in the interface language, then Portuguese, then the key. */
export function labelIn(labels: Record<string, string>, locale: string, fallback: string): string {
  return labels[locale] ?? labels[locale.split('-')[0]!] ?? labels.pt ?? fallback;
}
