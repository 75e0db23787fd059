import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { KnowledgeTopic } from '../../shared/knowledge.js';
import type { Database } from '../db/types.js';
import { indexText } from '../modules/knowledge/knowledge.search.js';

interface Text {
  title: string;
  summary: string;
  body: string;
}

interface DemoArticle {
  slug: string;
  topic: KnowledgeTopic;
  /** Lisbon services the article explains (service codes). */
  services: string[];
  documents: { pt: string; en: string }[];
  /** Published source versions, oldest first. */
  versions: Text[];
  /** Translations, each made from a source version (an older one makes it outdated). */
  translations: (Text & { language: string; fromVersion: number; machineMade?: boolean })[];
}

const passport = { pt: 'Passaporte válido', en: 'Valid passport' };
const permit = { pt: 'Autorização de residência', en: 'Residence permit' };
const address = { pt: 'Comprovativo de morada', en: 'Proof of address' };

const residenceV1: Text = {
  title: 'Renovar a autorização de residência',
  summary: 'O que fazer antes de a sua autorização de residência caducar.',
  body: '## Quando pedir\n\nPeça a renovação até **30 dias antes** de a autorização caducar.\n\n## O que trazer\n\n- Passaporte válido\n- Autorização de residência atual\n- Comprovativo de morada\n- Uma fotografia a cores\n\nMarque o atendimento pelo telefone **+351 218 106 100** ou no balcão de acolhimento.',
};
const residenceV2: Text = {
  ...residenceV1,
  body: residenceV1.body.replace('- Uma fotografia a cores\n', '- Comprovativo de meios de subsistência\n').replace('até **30 dias antes**', 'até **90 dias antes**'),
};

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    slug: 'renovar-autorizacao-de-residencia',
    topic: 'residence',
    services: ['PERMIT-RENEW'],
    documents: [passport, permit, address],
    versions: [residenceV1, residenceV2],
    translations: [
      { language: 'en', fromVersion: 2, title: 'Renewing your residence permit', summary: 'What to do before your residence permit expires.', body: '## When to apply\n\nApply for renewal up to **90 days before** your permit expires.\n\n## What to bring\n\n- Valid passport\n- Current residence permit\n- Proof of address\n- Proof of means of subsistence\n\nBook an appointment by phone on **+351 218 106 100** or at the reception desk.' },
      // Made from version 1: the source has changed since, so readers of Arabic get the Portuguese text with a note.
      { language: 'ar', fromVersion: 1, title: 'تجديد تصريح الإقامة', summary: 'ما يجب فعله قبل انتهاء صلاحية تصريح إقامتك.', body: '## متى تقدم الطلب\n\nقدّم طلب التجديد قبل **30 يومًا** من انتهاء التصريح.\n\n## ماذا تحضر\n\n- جواز سفر ساري المفعول\n- تصريح الإقامة الحالي\n- إثبات العنوان\n- صورة ملونة\n\nاحجز موعدًا عبر الهاتف **+351 218 106 100** أو في مكتب الاستقبال.' },
      { language: 'uk', fromVersion: 2, title: 'Продовження дозволу на проживання', summary: 'Що робити до закінчення строку дії дозволу на проживання.', body: '## Коли подавати\n\nПодайте заяву на продовження не пізніше ніж **за 90 днів** до закінчення дозволу.\n\n## Що принести\n\n- Дійсний паспорт\n- Чинний дозвіл на проживання\n- Підтвердження адреси\n- Підтвердження засобів до існування\n\nЗапишіться на прийом за телефоном **+351 218 106 100** або на стійці реєстрації.' },
    ],
  },
  {
    slug: 'inscricao-no-servico-nacional-de-saude',
    topic: 'health',
    services: ['SNS-NUMBER'],
    documents: [passport, address],
    versions: [{ title: 'Inscrição no Serviço Nacional de Saúde', summary: 'Como obter o número de utente e ter médico de família.', body: 'Todas as pessoas que vivem em Portugal podem ser atendidas no **Serviço Nacional de Saúde (SNS)**, mesmo sem autorização de residência.\n\n1. Vá ao centro de saúde da sua zona com o passaporte e um comprovativo de morada.\n2. Peça o **número de utente**.\n3. Em caso de urgência, ligue **112**. Para conselhos de saúde, ligue **SNS 24: 808 24 24 24**.' }],
    translations: [
      { language: 'en', fromVersion: 1, title: 'Registering with the National Health Service', summary: 'How to get a health user number and a family doctor.', body: 'Everyone living in Portugal can be seen by the **National Health Service (SNS)**, even without a residence permit.\n\n1. Go to your local health centre with your passport and proof of address.\n2. Ask for a **user number** (número de utente).\n3. In an emergency call **112**. For health advice call **SNS 24: 808 24 24 24**.' },
      { language: 'ar', fromVersion: 1, title: 'التسجيل في الخدمة الصحية الوطنية', summary: 'كيفية الحصول على رقم المستخدم وطبيب الأسرة.', body: 'يمكن لكل من يعيش في البرتغال الحصول على العلاج في **الخدمة الصحية الوطنية (SNS)**، حتى بدون تصريح إقامة.\n\n1. توجه إلى المركز الصحي في منطقتك مع جواز السفر وإثبات العنوان.\n2. اطلب **رقم المستخدم**.\n3. في حالة الطوارئ اتصل بالرقم **112**. للاستشارة الصحية اتصل بـ **SNS 24: 808 24 24 24**.' },
      // Not yet reviewed by a native speaker: shown to readers as machine-made until someone does.
      ...[
        { language: 'hi', title: 'राष्ट्रीय स्वास्थ्य सेवा में पंजीकरण', summary: 'स्वास्थ्य उपयोगकर्ता संख्या और पारिवारिक डॉक्टर कैसे पाएँ।', body: 'पुर्तगाल में रहने वाला हर व्यक्ति **राष्ट्रीय स्वास्थ्य सेवा (SNS)** में इलाज करा सकता है, निवास परमिट के बिना भी।\n\n1. अपने पासपोर्ट और पते के प्रमाण के साथ अपने क्षेत्र के स्वास्थ्य केंद्र जाएँ।\n2. **उपयोगकर्ता संख्या** माँगें।\n3. आपात स्थिति में **112** पर कॉल करें। स्वास्थ्य सलाह के लिए **SNS 24: 808 24 24 24** पर कॉल करें।' },
        { language: 'bn', title: 'জাতীয় স্বাস্থ্য সেবায় নিবন্ধন', summary: 'স্বাস্থ্য ব্যবহারকারী নম্বর ও পারিবারিক ডাক্তার কীভাবে পাবেন।', body: 'পর্তুগালে বসবাসকারী প্রত্যেকে **জাতীয় স্বাস্থ্য সেবা (SNS)**-এ চিকিৎসা পেতে পারেন, বসবাসের অনুমতি ছাড়াও।\n\n1. পাসপোর্ট ও ঠিকানার প্রমাণ নিয়ে আপনার এলাকার স্বাস্থ্যকেন্দ্রে যান।\n2. **ব্যবহারকারী নম্বর** চান।\n3. জরুরি অবস্থায় **112** নম্বরে ফোন করুন। স্বাস্থ্য পরামর্শের জন্য **SNS 24: 808 24 24 24** নম্বরে ফোন করুন।' },
        { language: 'pa', title: 'ਰਾਸ਼ਟਰੀ ਸਿਹਤ ਸੇਵਾ ਵਿੱਚ ਰਜਿਸਟ੍ਰੇਸ਼ਨ', summary: 'ਸਿਹਤ ਵਰਤੋਂਕਾਰ ਨੰਬਰ ਅਤੇ ਪਰਿਵਾਰਕ ਡਾਕਟਰ ਕਿਵੇਂ ਪ੍ਰਾਪਤ ਕਰੀਏ।', body: 'ਪੁਰਤਗਾਲ ਵਿੱਚ ਰਹਿਣ ਵਾਲਾ ਹਰ ਵਿਅਕਤੀ **ਰਾਸ਼ਟਰੀ ਸਿਹਤ ਸੇਵਾ (SNS)** ਵਿੱਚ ਇਲਾਜ ਕਰਵਾ ਸਕਦਾ ਹੈ, ਰਿਹਾਇਸ਼ੀ ਪਰਮਿਟ ਤੋਂ ਬਿਨਾਂ ਵੀ।\n\n1. ਆਪਣੇ ਪਾਸਪੋਰਟ ਅਤੇ ਪਤੇ ਦੇ ਸਬੂਤ ਨਾਲ ਆਪਣੇ ਇਲਾਕੇ ਦੇ ਸਿਹਤ ਕੇਂਦਰ ਜਾਓ।\n2. **ਵਰਤੋਂਕਾਰ ਨੰਬਰ** ਮੰਗੋ।\n3. ਐਮਰਜੈਂਸੀ ਵਿੱਚ **112** ਤੇ ਕਾਲ ਕਰੋ। ਸਿਹਤ ਸਲਾਹ ਲਈ **SNS 24: 808 24 24 24** ਤੇ ਕਾਲ ਕਰੋ।' },
        { language: 'ta', title: 'தேசிய சுகாதார சேவையில் பதிவு செய்தல்', summary: 'சுகாதார பயனர் எண் மற்றும் குடும்ப மருத்துவரை எவ்வாறு பெறுவது.', body: 'போர்ச்சுகலில் வசிக்கும் ஒவ்வொருவரும் **தேசிய சுகாதார சேவையில் (SNS)** சிகிச்சை பெறலாம், வசிப்பிட அனுமதி இல்லாவிட்டாலும்.\n\n1. உங்கள் கடவுச்சீட்டு மற்றும் முகவரிச் சான்றுடன் உங்கள் பகுதி சுகாதார நிலையத்திற்குச் செல்லுங்கள்.\n2. **பயனர் எண்ணைக்** கேளுங்கள்.\n3. அவசர நிலையில் **112** ஐ அழையுங்கள். சுகாதார ஆலோசனைக்கு **SNS 24: 808 24 24 24** ஐ அழையுங்கள்.' },
        { language: 'ti', title: 'ኣብ ሃገራዊ ኣገልግሎት ጥዕና ምምዝጋብ', summary: 'ቁጽሪ ተጠቃሚ ጥዕናን ሓኪም ስድራቤትን ብኸመይ ትረኽብ።', body: 'ኣብ ፖርቱጋል ዝነብር ዝኾነ ሰብ ኣብ **ሃገራዊ ኣገልግሎት ጥዕና (SNS)** ክሕከም ይኽእል፣ ፍቓድ መንበሪ እንተዘይብሉ እውን።\n\n1. ፓስፖርትካን መረጋገጺ ኣድራሻን ሒዝካ ናብ ናይ ከባቢኻ ማእከል ጥዕና ኪድ።\n2. **ቁጽሪ ተጠቃሚ** ሕተት።\n3. ኣብ ህጹጽ ኩነታት ናብ **112** ደውል። ንምኽሪ ጥዕና ናብ **SNS 24: 808 24 24 24** ደውል።' },
        { language: 'zh-Hans', title: '在国家卫生服务体系登记', summary: '如何获得医疗用户号码和家庭医生。', body: '所有在葡萄牙居住的人都可以在**国家卫生服务体系**（SNS）就医，即使没有居留许可。\n\n1. 携带护照和住址证明前往您所在地区的卫生中心。\n2. 申请**用户号码**。\n3. 紧急情况请拨打 **112**。健康咨询请拨打 **SNS 24：808 24 24 24**。' },
      ].map((text) => ({ ...text, fromVersion: 1, machineMade: true })),
    ],
  },
  {
    slug: 'cursos-de-portugues',
    topic: 'language_courses',
    services: ['PT-COURSE'],
    documents: [passport],
    versions: [{ title: 'Cursos de português para adultos', summary: 'Aulas gratuitas de português com certificado.', body: 'Os cursos **Português Língua de Acolhimento** são gratuitos para pessoas imigrantes com mais de 18 anos.\n\n- Níveis A1 a B2\n- Aulas de dia e à noite\n- Certificado reconhecido para a nacionalidade\n\nInscreva-se no gabinete de cursos de línguas.' }],
    translations: [
      { language: 'en', fromVersion: 1, title: 'Portuguese courses for adults', summary: 'Free Portuguese lessons with a certificate.', body: 'The **Portuguese as a Host Language** courses are free for immigrants over 18.\n\n- Levels A1 to B2\n- Day and evening classes\n- Certificate recognised for citizenship\n\nEnrol at the language courses office.' },
      { language: 'ar', fromVersion: 1, title: 'دروس اللغة البرتغالية للكبار', summary: 'دروس مجانية في اللغة البرتغالية مع شهادة.', body: 'دورات **البرتغالية لغة استقبال** مجانية للمهاجرين فوق 18 عامًا.\n\n- المستويات من A1 إلى B2\n- دروس صباحية ومسائية\n- شهادة معترف بها لطلب الجنسية\n\nسجّل في مكتب دورات اللغة.' },
      { language: 'uk', fromVersion: 1, title: 'Курси португальської мови для дорослих', summary: 'Безкоштовні уроки португальської мови з сертифікатом.', body: 'Курси **Португальська як мова прийому** безкоштовні для іммігрантів старше 18 років.\n\n- Рівні від A1 до B2\n- Денні та вечірні заняття\n- Сертифікат визнається для громадянства\n\nЗапишіться в офісі мовних курсів.' },
    ],
  },
  {
    slug: 'direitos-de-quem-trabalha',
    topic: 'work',
    services: ['LABOUR-INFO', 'LABOUR-COMPLAINT'],
    documents: [{ pt: 'Contrato de trabalho', en: 'Employment contract' }, { pt: 'Recibos de vencimento', en: 'Payslips' }],
    versions: [{ title: 'Os seus direitos no trabalho', summary: 'Salário mínimo, horário, férias e como apresentar queixa.', body: 'Em Portugal, quem trabalha tem os mesmos direitos, **com ou sem autorização de residência**.\n\n- Salário mínimo nacional\n- Até 8 horas por dia e 40 por semana\n- 22 dias úteis de férias por ano\n- Descontos para a segurança social\n\nSe não lhe pagam ou o tratam mal, a Autoridade para as Condições do Trabalho recebe a sua queixa aqui.' }],
    translations: [
      { language: 'en', fromVersion: 1, title: 'Your rights at work', summary: 'Minimum wage, working hours, holidays and how to complain.', body: 'In Portugal every worker has the same rights, **with or without a residence permit**.\n\n- National minimum wage\n- Up to 8 hours a day and 40 a week\n- 22 working days of holiday a year\n- Social security contributions\n\nIf you are not paid or are treated badly, the labour inspectorate takes your complaint here.' },
      { language: 'ar', fromVersion: 1, title: 'حقوقك في العمل', summary: 'الحد الأدنى للأجور وساعات العمل والعطل وكيفية تقديم شكوى.', body: 'في البرتغال، لكل عامل الحقوق نفسها، **سواء كان لديه تصريح إقامة أم لا**.\n\n- الحد الأدنى الوطني للأجور\n- حتى 8 ساعات يوميًا و40 ساعة أسبوعيًا\n- 22 يوم عمل إجازة سنويًا\n- اشتراكات الضمان الاجتماعي\n\nإذا لم تُدفع أجورك أو عوملت بسوء، تستقبل هيئة تفتيش العمل شكواك هنا.' },
    ],
  },
  {
    slug: 'reagrupamento-familiar',
    topic: 'family_reunification',
    services: ['REUNIF', 'REUNIF-HELP'],
    documents: [passport, permit, { pt: 'Certidão de nascimento ou casamento', en: 'Birth or marriage certificate' }],
    versions: [{ title: 'Trazer a família para Portugal', summary: 'Quem pode pedir o reagrupamento familiar e como.', body: 'Se tem autorização de residência válida, pode pedir que o cônjuge, os filhos menores e outros familiares a cargo venham viver consigo.\n\nPrecisa de provar **alojamento** e **meios de subsistência**. O gabinete de reagrupamento familiar ajuda a preparar o pedido.' }],
    translations: [
      { language: 'en', fromVersion: 1, title: 'Bringing your family to Portugal', summary: 'Who can apply for family reunification and how.', body: 'If you hold a valid residence permit, you can ask for your spouse, minor children and other dependent relatives to come and live with you.\n\nYou need to prove **housing** and **means of subsistence**. The family reunification office helps you prepare the application.' },
      { language: 'ar', fromVersion: 1, title: 'لمّ شمل الأسرة في البرتغال', summary: 'من يمكنه طلب لمّ شمل الأسرة وكيف.', body: 'إذا كان لديك تصريح إقامة ساري المفعول، يمكنك طلب قدوم زوجك وأطفالك القاصرين وأفراد أسرتك المعالين للعيش معك.\n\nعليك إثبات **السكن** و**وسائل العيش**. يساعدك مكتب لمّ شمل الأسرة في تحضير الطلب.' },
    ],
  },
  {
    slug: 'pedir-a-nacionalidade',
    topic: 'nationality',
    services: ['CITIZENSHIP'],
    documents: [passport, { pt: 'Certificado de registo criminal', en: 'Criminal record certificate' }, { pt: 'Certificado de português A2', en: 'Portuguese A2 certificate' }],
    versions: [{ title: 'Pedir a nacionalidade portuguesa', summary: 'Requisitos e documentos para pedir a nacionalidade.', body: 'Pode pedir a nacionalidade portuguesa se viver legalmente em Portugal há pelo menos **5 anos**, conhecer a língua portuguesa (nível A2) e não tiver condenações graves.\n\nO pedido é feito na Conservatória dos Registos Centrais, que tem um balcão neste centro.' }],
    translations: [
      { language: 'en', fromVersion: 1, title: 'Applying for Portuguese citizenship', summary: 'Requirements and documents for a citizenship application.', body: 'You can apply for Portuguese citizenship if you have lived legally in Portugal for at least **5 years**, know Portuguese (level A2) and have no serious convictions.\n\nThe application is made at the Central Registry, which has a desk in this centre.' },
    ],
  },
  {
    slug: 'apoio-a-vitimas',
    topic: 'victims_support',
    services: ['VICTIMS'],
    documents: [],
    versions: [{ title: 'Apoio a vítimas de discriminação e tráfico', summary: 'Ajuda confidencial e gratuita, em várias línguas.', body: 'Se foi vítima de **discriminação, violência ou tráfico de seres humanos**, pode pedir ajuda aqui, mesmo sem documentos. O atendimento é confidencial e gratuito.\n\n- Linha de apoio à vítima: **116 006**\n- Emergência: **112**' }],
    translations: [
      { language: 'en', fromVersion: 1, title: 'Support for victims of discrimination and trafficking', summary: 'Confidential, free help in several languages.', body: 'If you have suffered **discrimination, violence or human trafficking**, you can ask for help here, even without documents. The service is confidential and free.\n\n- Victim support line: **116 006**\n- Emergency: **112**' },
      { language: 'ar', fromVersion: 1, title: 'دعم ضحايا التمييز والاتجار بالبشر', summary: 'مساعدة سرية ومجانية بعدة لغات.', body: 'إذا تعرضت **للتمييز أو العنف أو الاتجار بالبشر**، يمكنك طلب المساعدة هنا، حتى بدون وثائق. الخدمة سرية ومجانية.\n\n- خط دعم الضحايا: **116 006**\n- الطوارئ: **112**' },
    ],
  },
];

/** The demo knowledge base: published articles, their versions, translations and search rows. */
export async function loadDemoKnowledge(trx: Kysely<Database>, networkId: string): Promise<number> {
  const lisbonServices = await trx
    .selectFrom('services')
    .innerJoin('units', 'units.id', 'services.unit_id')
    .innerJoin('centres', 'centres.id', 'units.centre_id')
    .select(['services.id', 'services.code'])
    .where('centres.code', '=', 'LIS')
    .execute();
  for (const article of DEMO_ARTICLES) {
    const id = uuidv7();
    const latest = article.versions.at(-1)!;
    await trx
      .insertInto('knowledge_articles')
      .values({
        id,
        network_id: networkId,
        slug: article.slug,
        topic: article.topic,
        source_language: 'pt',
        draft_title: latest.title,
        draft_summary: latest.summary,
        draft_body: latest.body,
        service_ids: lisbonServices.filter((service) => article.services.includes(service.code)).map((service) => service.id),
        required_documents: JSON.stringify(article.documents.map((names) => ({ names }))),
        published_version: article.versions.length,
        archived_at: null,
        updated_by: null,
      })
      .execute();
    await trx
      .insertInto('knowledge_article_versions')
      .values(article.versions.map((version, index) => ({ article_id: id, version: index + 1, title: version.title, summary: version.summary, body: version.body, published_by: null })))
      .execute();
    await indexText(trx, { articleId: id, language: 'pt', ...latest });
    for (const translation of article.translations) {
      const { language, fromVersion, machineMade = false, ...text } = translation;
      const now = new Date();
      await trx
        .insertInto('knowledge_translations')
        .values({ id: uuidv7(), article_id: id, language, ...text, source_version: fromVersion, status: 'published', machine_made: machineMade, reviewed_by: null, reviewed_at: machineMade ? null : now, published_at: now, updated_by: null })
        .execute();
      await indexText(trx, { articleId: id, language, ...text });
    }
  }
  return DEMO_ARTICLES.length;
}
