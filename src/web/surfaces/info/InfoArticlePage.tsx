import { Alert, Anchor, Button, Center, Group, List, Stack, Text, Title, Typography } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconPrinter } from '@tabler/icons-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api.js';
import { useLocale } from '../../app/i18n.js';
import { ListenButton } from '../../ui/ListenButton.js';
import { useContentLanguage } from './content-language.js';
import { InfoLayout, ReaderNoteAlert } from './InfoLayout.js';
import { useArticle, type ReaderArticle } from './info-api.js';
import './info.css';
import { Loading } from '../../ui/Loading.js';

/** /info/:slug: one article in the reader's language, or the source with a note saying why. */
export function InfoArticlePage() {
  const { slug = '' } = useParams();
  const [language] = useContentLanguage();
  const article = useArticle(slug, language);
  const { locale } = useLocale();
  const Back = locale.dir === 'rtl' ? IconArrowRight : IconArrowLeft;
  return (
    <InfoLayout>
      <Anchor component={Link} to={`/info?lang=${encodeURIComponent(language)}`} mb="md" style={{ display: 'inline-flex', alignItems: 'center', gap: 6, minBlockSize: 44 }} className="no-print">
        <Back size={18} aria-hidden />
        <FormattedMessage id="info.back" />
      </Anchor>
      {article.isPending ? (
        <Center py="xl">
          <Loading />
        </Center>
      ) : article.isError ? (
        <Alert color={article.error instanceof ApiError && article.error.status === 404 ? 'gray' : 'red'}>
          <FormattedMessage id={article.error instanceof ApiError && article.error.status === 404 ? 'info.notFound' : 'info.loadError'} />
        </Alert>
      ) : (
        <ArticleView article={article.data} />
      )}
    </InfoLayout>
  );
}

export function ArticleView({ article, large = false, actions }: { article: ReaderArticle; large?: boolean; actions?: React.ReactNode }) {
  const intl = useIntl();
  return (
    <Stack gap="md" component="article" className="info-article">
      <ReaderNoteAlert note={article.note} requested={article.requestedLanguage} shown={article.language} />
      <Stack gap="md" lang={article.language} dir={article.dir}>
        <Title order={1} size={large ? 40 : 'h2'} data-testid="article-title">
          {article.title}
        </Title>
        {article.summary ? (
          <Text size={large ? 'xl' : 'lg'} c="gray.7">
            {article.summary}
          </Text>
        ) : null}
        <Group gap="sm" className="no-print">
          <ListenButton lang={article.language} text={() => article.plainText} size={large ? 'xl' : 'md'} />
          {actions ?? (
            <Button variant="default" size="md" leftSection={<IconPrinter size={20} />} onClick={() => window.print()} mih={48}>
              <FormattedMessage id="info.print" />
            </Button>
          )}
        </Group>
        <Typography fz={large ? 24 : 'md'}>
          {/* Rendered by the server with markdown-it (html: false, safe links only): no markup from the source gets through. */}
          <div dangerouslySetInnerHTML={{ __html: article.html }} />
        </Typography>
      </Stack>
      {/* Document and service names come in the language of the text shown. */}
      <Stack gap="md" lang={article.language} dir={article.dir}>
      {article.requiredDocuments.length > 0 ? (
        <Stack gap="xs">
          <Title order={2} size="h4">
            <FormattedMessage id="info.documents" />
          </Title>
          <List size={large ? 'xl' : 'md'}>
            {article.requiredDocuments.map((document) => (
              <List.Item key={document}>{document}</List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
      {article.services.length > 0 ? (
        <Stack gap="xs">
          <Title order={2} size="h4">
            <FormattedMessage id="info.services" />
          </Title>
          <List size={large ? 'xl' : 'md'}>
            {article.services.map((service) => (
              <List.Item key={service.id}>{service.name}</List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
      </Stack>
      <Text size="sm" c="gray.7">
        <FormattedMessage id="info.updated" values={{ version: article.version, date: intl.formatDate(article.publishedAt, { dateStyle: 'long' }) }} />
      </Text>
    </Stack>
  );
}
