import { z } from 'zod';
import type { LocalisedText, WorkflowState } from '../../db/types.js';
import { LocalisedLabel } from './casefile.schemas.js';

/**
 * A procedure's workflow: its states (each with the label the person sees, per language) and the
 * moves allowed between them. A unit administrator defines one per service; until then the default
 * below applies.
 */
export interface WorkflowDefinition {
  states: WorkflowState[];
  transitions: { from: string; to: string }[];
  initialState: string;
}

const StateKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'expected lower-case letters, digits and _');
export const WorkflowInput = z
  .object({
    states: z.array(z.object({ key: StateKey, labels: LocalisedLabel, final: z.boolean().default(false) })).min(2).max(30),
    transitions: z.array(z.object({ from: StateKey, to: StateKey })).min(1).max(200),
    initialState: StateKey,
  })
  .superRefine((w, ctx) => {
    const keys = new Set(w.states.map((s) => s.key));
    if (keys.size !== w.states.length) ctx.addIssue({ code: 'custom', path: ['states'], message: 'state keys must be different' });
    const initial = w.states.find((s) => s.key === w.initialState);
    if (!initial) ctx.addIssue({ code: 'custom', path: ['initialState'], message: 'expected one of the states' });
    else if (initial.final) ctx.addIssue({ code: 'custom', path: ['initialState'], message: 'a procedure cannot start in a final state' });
    if (!w.states.some((s) => s.final)) ctx.addIssue({ code: 'custom', path: ['states'], message: 'expected at least one final state' });
    const finals = new Set(w.states.filter((s) => s.final).map((s) => s.key));
    w.transitions.forEach((t, i) => {
      if (!keys.has(t.from) || !keys.has(t.to)) ctx.addIssue({ code: 'custom', path: ['transitions', i], message: 'expected moves between defined states' });
      if (finals.has(t.from)) ctx.addIssue({ code: 'custom', path: ['transitions', i], message: 'a final state has no way out' });
      if (t.from === t.to) ctx.addIssue({ code: 'custom', path: ['transitions', i], message: 'expected a move to another state' });
    });
  });
export type WorkflowInput = z.infer<typeof WorkflowInput>;

/**
 * The default workflow's labels in every interface language (a person reads them on "my procedures";
 * a unit's own workflow is labelled by its administrator).
 */
const DEFAULT_LABELS: Record<string, readonly string[]> = {
  pt: ['Pedido recebido', 'Em análise', 'A aguardar documentos seus', 'Aprovado', 'Recusado', 'Cancelado'],
  en: ['Request received', 'Under review', 'Waiting for documents from you', 'Approved', 'Refused', 'Cancelled'],
  ar: ['تم استلام الطلب', 'قيد الدراسة', 'في انتظار وثائق منك', 'تمت الموافقة', 'مرفوض', 'أُلغي'],
  'pt-BR': ['Pedido recebido', 'Em análise', 'Aguardando seus documentos', 'Aprovado', 'Recusado', 'Cancelado'],
  fr: ['Demande reçue', 'En cours d’examen', 'En attente de vos documents', 'Approuvée', 'Refusée', 'Annulée'],
  es: ['Solicitud recibida', 'En estudio', 'A la espera de sus documentos', 'Aprobada', 'Denegada', 'Cancelada'],
  kea: ['Pididu rasebidu', 'Na análizi', 'Ta spera pa nhos dokumentus', 'Aprovadu', 'Rekuzadu', 'Kanseladu'],
  uk: ['Заяву отримано', 'На розгляді', 'Очікуємо ваші документи', 'Схвалено', 'Відмовлено', 'Скасовано'],
  ru: ['Заявление получено', 'На рассмотрении', 'Ожидаем ваши документы', 'Одобрено', 'Отказано', 'Отменено'],
  ro: ['Cerere primită', 'În analiză', 'Așteptăm documentele dumneavoastră', 'Aprobată', 'Respinsă', 'Anulată'],
  fa: ['درخواست دریافت شد', 'در حال بررسی', 'در انتظار مدارک شما', 'تأیید شد', 'رد شد', 'لغو شد'],
  ur: ['درخواست موصول ہو گئی', 'زیرِ غور', 'آپ کی دستاویزات کا انتظار', 'منظور', 'مسترد', 'منسوخ'],
  hi: ['अनुरोध प्राप्त हुआ', 'जाँच चल रही है', 'आपके दस्तावेज़ों की प्रतीक्षा', 'स्वीकृत', 'अस्वीकृत', 'रद्द'],
  ne: ['अनुरोध प्राप्त भयो', 'जाँच हुँदैछ', 'तपाईंका कागजातको प्रतीक्षा', 'स्वीकृत', 'अस्वीकृत', 'रद्द'],
  bn: ['আবেদন গৃহীত হয়েছে', 'পর্যালোচনা চলছে', 'আপনার কাগজপত্রের অপেক্ষায়', 'অনুমোদিত', 'প্রত্যাখ্যাত', 'বাতিল'],
  pa: ['ਬੇਨਤੀ ਪ੍ਰਾਪਤ ਹੋਈ', 'ਜਾਂਚ ਅਧੀਨ', 'ਤੁਹਾਡੇ ਦਸਤਾਵੇਜ਼ਾਂ ਦੀ ਉਡੀਕ', 'ਮਨਜ਼ੂਰ', 'ਨਾਮਨਜ਼ੂਰ', 'ਰੱਦ'],
  'zh-Hans': ['已收到申请', '审核中', '等待您提交材料', '已批准', '已拒绝', '已取消'],
  ti: ['ሕቶ ተቐቢሉ', 'ኣብ መርመራ', 'ሰነዳትኩም ንጽበ ኣለና', 'ጸዲቑ', 'ተነጺጉ', 'ተሰሪዙ'],
  tr: ['Başvuru alındı', 'İnceleniyor', 'Belgelerinizi bekliyoruz', 'Onaylandı', 'Reddedildi', 'İptal edildi'],
  ta: ['கோரிக்கை பெறப்பட்டது', 'பரிசீலனையில்', 'உங்கள் ஆவணங்களுக்காகக் காத்திருக்கிறோம்', 'அங்கீகரிக்கப்பட்டது', 'நிராகரிக்கப்பட்டது', 'ரத்து செய்யப்பட்டது'],
};

const defaultLabels = (index: number): LocalisedText => Object.fromEntries(Object.entries(DEFAULT_LABELS).map(([language, texts]) => [language, texts[index]!]));

/** Received → under review ⇄ waiting for documents → approved | refused; cancelled from any open state. */
export const DEFAULT_WORKFLOW: WorkflowDefinition = {
  initialState: 'received',
  states: [
    { key: 'received', labels: defaultLabels(0), final: false },
    { key: 'in_review', labels: defaultLabels(1), final: false },
    { key: 'waiting_documents', labels: defaultLabels(2), final: false },
    { key: 'approved', labels: defaultLabels(3), final: true },
    { key: 'refused', labels: defaultLabels(4), final: true },
    { key: 'cancelled', labels: defaultLabels(5), final: true },
  ],
  transitions: [
    { from: 'received', to: 'in_review' },
    { from: 'in_review', to: 'waiting_documents' },
    { from: 'waiting_documents', to: 'in_review' },
    { from: 'in_review', to: 'approved' },
    { from: 'in_review', to: 'refused' },
    { from: 'received', to: 'cancelled' },
    { from: 'in_review', to: 'cancelled' },
    { from: 'waiting_documents', to: 'cancelled' },
  ],
};

/** The label in the asked language, then its base language (pt-BR → pt), then Portuguese, then the key. */
export function labelFor(labels: LocalisedText, locale: string, fallback: string): string {
  return labels[locale] ?? labels[locale.split('-')[0]!] ?? labels.pt ?? fallback;
}

export function allowedMoves(workflow: WorkflowDefinition, from: string): string[] {
  return workflow.transitions.filter((t) => t.from === from).map((t) => t.to);
}
