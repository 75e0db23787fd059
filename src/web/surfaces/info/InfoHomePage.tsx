import { Alert, Anchor, Badge, Button, Card, Center, Group, Loader, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAddressBook, IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import { KNOWLEDGE_TOPICS } from '../../../shared/knowledge.js';
import { useContentLanguage } from './content-language.js';
import { InfoLayout } from './InfoLayout.js';
import { useArticles, useSearch, type ReaderArticleItem } from './info-api.js';
import { Loading } from '../../ui/Loading.js';

/** /info: search, then every topic with its articles, in the reader's language. */
export function InfoHomePage() {
  const intl = useIntl();
  const [language] = useContentLanguage();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const [draft, setDraft] = useState(query);
  const articles = useArticles(language);
  const results = useSearch(query, language);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams((current) => {
      const copy = new URLSearchParams(current);
      if (draft.trim()) copy.set('q', draft.trim());
      else copy.delete('q');
      return copy;
    });
  };

  return (
    <InfoLayout>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>
            <FormattedMessage id="info.title" />
          </Title>
          <Text c="gray.7">
            <FormattedMessage id="info.subtitle" />
          </Text>
        </Stack>
        <form onSubmit={submit} role="search">
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              label={intl.formatMessage({ id: 'info.search.label' })}
              placeholder={intl.formatMessage({ id: 'info.search.placeholder' })}
              value={draft}
              onChange={(event) => setDraft(event.currentTarget.value)}
              size="md"
              style={{ flex: 1 }}
              name="q"
              data-testid="info-search"
            />
            <Button type="submit" size="md" leftSection={<IconSearch size={18} />}>
              <FormattedMessage id="info.search.button" />
            </Button>
          </Group>
        </form>
        {query ? (
          <Stack gap="sm" aria-live="polite">
            <Group justify="space-between">
              <Text fw={600}>{results.data ? <FormattedMessage id="info.search.results" values={{ count: results.data.length, query }} /> : null}</Text>
              <Anchor component="button" type="button" onClick={() => { setDraft(''); setParams((current) => { const copy = new URLSearchParams(current); copy.delete('q'); return copy; }); }}>
                <FormattedMessage id="info.search.clear" />
              </Anchor>
            </Group>
            {results.isFetching ? <Loader size="sm" /> : null}
            {results.data?.map((item) => <ArticleCard key={item.slug} item={item} language={language} />)}
          </Stack>
        ) : null}
        <Button component={Link} to={`/info/directory?lang=${encodeURIComponent(language)}`} variant="light" size="md" leftSection={<IconAddressBook size={20} />} style={{ alignSelf: 'flex-start' }}>
          <FormattedMessage id="info.directory.link" />
        </Button>
        <Title order={2} size="h3">
          <FormattedMessage id="info.topics" />
        </Title>
        {articles.isPending ? (
          <Center py="xl">
            <Loading />
          </Center>
        ) : articles.isError ? (
          <Alert color="red">
            <FormattedMessage id="info.loadError" />
          </Alert>
        ) : articles.data.length === 0 ? (
          <Text>
            <FormattedMessage id="info.empty" />
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {KNOWLEDGE_TOPICS.filter((topic) => articles.data.some((item) => item.topic === topic)).map((topic) => (
              <Card key={topic} withBorder padding="md" component="section" aria-labelledby={`topic-${topic}`}>
                <Title order={3} size="h4" id={`topic-${topic}`} mb="xs">
                  <FormattedMessage id={`knowledge.topic.${topic}`} />
                </Title>
                <Stack gap={6}>
                  {articles.data
                    .filter((item) => item.topic === topic)
                    .map((item) => (
                      <Anchor key={item.slug} component={Link} to={`/info/${item.slug}?lang=${encodeURIComponent(language)}`} lang={item.language} dir={item.dir} py={6} style={{ display: 'block', minBlockSize: 44 }}>
                        {item.title}
                      </Anchor>
                    ))}
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </InfoLayout>
  );
}

function ArticleCard({ item, language }: { item: ReaderArticleItem; language: string }) {
  return (
    <Card withBorder padding="md" component={Link} to={`/info/${item.slug}?lang=${encodeURIComponent(language)}`} style={{ textDecoration: 'none' }} data-testid="search-result">
      <Stack gap={4} lang={item.language} dir={item.dir}>
        <Group gap="xs">
          <Text fw={700} c="oneroof.7">
            {item.title}
          </Text>
          {item.note ? (
            <Badge variant="light" color={item.note === 'outdated' ? 'orange' : 'gray'}>
              {item.language}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" c="dark">
          {item.summary}
        </Text>
      </Stack>
    </Card>
  );
}
