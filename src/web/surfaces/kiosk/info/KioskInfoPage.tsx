import { Box, Button, Center, Group, Image, Loader, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAddressBook, IconArrowBack, IconDeviceMobile, IconPrinter, IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { KNOWLEDGE_TOPICS, type KnowledgeTopic } from '../../../../shared/knowledge.js';
import { CONTENT_LANGUAGES, findContentLanguage, findLocale, HOST_LOCALE } from '../../../../shared/locales.js';
import { useLocale } from '../../../app/i18n.js';
import { registerInformationWorker } from '../../../app/offline.js';
import { DirectionalIcon } from '../../../ui/DirectionalIcon.js';
import { OfflineNotice } from '../../../ui/OfflineNotice.js';
import { ArticleView } from '../../info/InfoArticlePage.js';
import { DirectoryCard } from '../../info/InfoDirectoryPage.js';
import { useArticle, useArticles, useDirectory } from '../../info/info-api.js';
import { useIdleReset } from '../useIdleReset.js';
import './kiosk-info.css';

type View = { name: 'home' } | { name: 'topic'; topic: KnowledgeTopic } | { name: 'article'; slug: string; from: KnowledgeTopic } | { name: 'directory'; page: number };

/**
 * The kiosk's information mode (/kiosk/:centre/info): the reader's language first (every content
 * language), then topics, articles in large text, the directory; an article can be printed or
 * opened on the person's phone by a QR code. Idle reset returns to the kiosk's start screen.
 */
export function KioskInfoPage() {
  const { centreId = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const { setLocale } = useLocale();
  const [language, setLanguage] = useState<string | null>(null);
  const [view, setView] = useState<View>({ name: 'home' });
  const leave = () => {
    setLocale(HOST_LOCALE);
    void navigate(`/kiosk/${centreId}?token=${encodeURIComponent(token)}`);
  };
  const idle = useIdleReset(true, leave);
  useEffect(() => registerInformationWorker('kiosk'), []);
  const dir = findContentLanguage(language)?.dir ?? 'ltr';
  const choose = (code: string) => {
    // The interface follows when it speaks the language; the information always does.
    if (findLocale(code)?.code === code) setLocale(code);
    setLanguage(code);
  };

  return (
    <Box mih="100vh" bg="gray.0" className="kiosk-info" px="xl" py="lg">
      <Group justify="space-between" mb="lg" className="no-print">
        {language && view.name !== 'home' ? (
          <Button size="xl" mih={64} variant="default" leftSection={<DirectionalIcon icon={IconArrowBack} size={28} />} onClick={() => setView(view.name === 'article' ? { name: 'topic', topic: view.from } : { name: 'home' })}>
            <FormattedMessage id="kioskInfo.back" />
          </Button>
        ) : (
          <span />
        )}
        <Button size="xl" mih={64} variant="light" leftSection={<IconRefresh size={28} />} onClick={leave} data-testid="kiosk-info-start-over">
          <FormattedMessage id="kioskInfo.startOver" />
        </Button>
      </Group>
      <OfflineNotice large />
      <Box dir={dir} lang={language ?? undefined}>
        {!language ? (
          <LanguageGrid onChoose={choose} />
        ) : view.name === 'home' ? (
          <Home language={language} onTopic={(topic) => setView({ name: 'topic', topic })} onDirectory={() => setView({ name: 'directory', page: 1 })} />
        ) : view.name === 'topic' ? (
          <TopicArticles language={language} topic={view.topic} onOpen={(slug) => setView({ name: 'article', slug, from: view.topic })} />
        ) : view.name === 'article' ? (
          <KioskArticle language={language} slug={view.slug} />
        ) : (
          <KioskDirectory centreId={centreId} page={view.page} onPage={(page) => setView({ name: 'directory', page })} />
        )}
      </Box>
      <Modal opened={idle.warning} onClose={idle.extend} centered size="lg" withCloseButton={false} title={<FormattedMessage id="kiosk.idle.title" />}>
        <Stack gap="lg">
          <Text size="xl" role="timer" aria-live="polite">
            <FormattedMessage id="kiosk.idle.body" values={{ seconds: idle.secondsLeft }} />
          </Text>
          <Button size="xl" mih={64} onClick={idle.extend} data-autofocus>
            <FormattedMessage id="kiosk.idle.extend" />
          </Button>
        </Stack>
      </Modal>
    </Box>
  );
}

function LanguageGrid({ onChoose }: { onChoose: (code: string) => void }) {
  return (
    <Stack gap="lg">
      <Title order={1} fz={44} ta="center">
        <FormattedMessage id="kioskInfo.chooseLanguage" />
      </Title>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        {CONTENT_LANGUAGES.map((option) => (
          <Button key={option.code} h={96} fz={30} variant="white" c="dark" bd="3px solid var(--mantine-color-oneroof-6)" lang={option.code} dir={option.dir} onClick={() => onChoose(option.code)} data-testid={`kiosk-info-language-${option.code}`}>
            {option.nativeName}
          </Button>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function Home({ language, onTopic, onDirectory }: { language: string; onTopic: (topic: KnowledgeTopic) => void; onDirectory: () => void }) {
  const articles = useArticles(language);
  const topics = KNOWLEDGE_TOPICS.filter((topic) => articles.data?.some((item) => item.topic === topic));
  return (
    <Stack gap="lg">
      <Button h={110} fz={34} leftSection={<IconAddressBook size={44} />} onClick={onDirectory} data-testid="kiosk-info-directory">
        <FormattedMessage id="kioskInfo.directory" />
      </Button>
      {articles.isPending ? <Center py="xl"><Loader size="xl" /></Center> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {topics.map((topic) => (
          <Button key={topic} h={110} fz={32} variant="white" c="dark" bd="2px solid var(--mantine-color-gray-4)" onClick={() => onTopic(topic)}>
            <FormattedMessage id={`knowledge.topic.${topic}`} />
          </Button>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function TopicArticles({ language, topic, onOpen }: { language: string; topic: KnowledgeTopic; onOpen: (slug: string) => void }) {
  const articles = useArticles(language);
  return (
    <Stack gap="md">
      <Title order={1} fz={44}>
        <FormattedMessage id={`knowledge.topic.${topic}`} />
      </Title>
      {articles.data
        ?.filter((item) => item.topic === topic)
        .map((item) => (
          <Button key={item.slug} h="auto" mih={96} py="md" fz={30} variant="white" c="dark" bd="2px solid var(--mantine-color-gray-4)" justify="start" lang={item.language} dir={item.dir} onClick={() => onOpen(item.slug)} styles={{ label: { whiteSpace: 'normal', textAlign: 'start' } }}>
            {item.title}
          </Button>
        ))}
    </Stack>
  );
}

function KioskArticle({ language, slug }: { language: string; slug: string }) {
  const intl = useIntl();
  const article = useArticle(slug, language);
  const [sending, setSending] = useState(false);
  if (article.isPending) return <Center py="xl"><Loader size="xl" /></Center>;
  if (article.isError) return <Text fz={28}><FormattedMessage id="info.loadError" /></Text>;
  const address = `${window.location.origin}/info/${encodeURIComponent(slug)}?lang=${encodeURIComponent(language)}`;
  return (
    <Box className="kiosk-article">
      <ArticleView
        article={article.data}
        large
        actions={
          <Group gap="sm" className="no-print">
            <Button size="xl" mih={64} leftSection={<IconDeviceMobile size={28} />} onClick={() => setSending(true)} data-testid="kiosk-send-to-phone">
              <FormattedMessage id="kioskInfo.sendToPhone" />
            </Button>
            <Button size="xl" mih={64} variant="default" leftSection={<IconPrinter size={28} />} onClick={() => window.print()}>
              <FormattedMessage id="info.print" />
            </Button>
          </Group>
        }
      />
      <Modal opened={sending} onClose={() => setSending(false)} centered size="lg" title={<FormattedMessage id="kioskInfo.sendToPhone" />} closeButtonProps={{ 'aria-label': intl.formatMessage({ id: 'common.close' }), size: 'xl' }}>
        <PhoneCode address={address} />
      </Modal>
    </Box>
  );
}

/** The article's address as a QR code: the person opens it on their own phone, nothing is stored. */
function PhoneCode({ address }: { address: string }) {
  const intl = useIntl();
  const qr = useQuery({ queryKey: ['qr', address], queryFn: () => QRCode.toDataURL(address, { margin: 1, width: 320 }), staleTime: Infinity });
  return (
    <Stack align="center" gap="md">
      {qr.data ? <Image src={qr.data} w={320} h={320} alt={intl.formatMessage({ id: 'kioskInfo.scan' })} data-testid="kiosk-article-qr" /> : <Loader />}
      <Text fz={24} ta="center">
        <FormattedMessage id="kioskInfo.scan" />
      </Text>
    </Stack>
  );
}

function KioskDirectory({ centreId, page, onPage }: { centreId: string; page: number; onPage: (page: number) => void }) {
  const directory = useDirectory(page, 6, centreId);
  // Braces on purpose: recent Chromium returns a promise from scrollTo, and React would take it for a clean-up.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [page]);
  if (directory.isPending) return <Center py="xl"><Loader size="xl" /></Center>;
  if (directory.isError) return <Text fz={28}><FormattedMessage id="info.loadError" /></Text>;
  return (
    <Stack gap="md">
      <Title order={1} fz={44}>
        <FormattedMessage id="kioskInfo.directory" />
      </Title>
      {directory.data.contents.map((service) => (
        <DirectoryCard key={service.id} service={service} large />
      ))}
      <Group justify="space-between">
        <Button size="xl" mih={64} variant="default" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          <FormattedMessage id="info.directory.previous" />
        </Button>
        <Text fz={24}>
          <FormattedMessage id="info.directory.page" values={{ page, pages: directory.data.total_pages }} />
        </Text>
        <Button size="xl" mih={64} variant="default" disabled={page >= directory.data.total_pages} onClick={() => onPage(page + 1)}>
          <FormattedMessage id="info.directory.next" />
        </Button>
      </Group>
    </Stack>
  );
}
