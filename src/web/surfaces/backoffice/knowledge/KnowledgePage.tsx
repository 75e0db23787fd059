import { Badge, Button, Card, Center, Group, Select, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import { KNOWLEDGE_TOPICS } from '../../../../shared/knowledge.js';
import { CONTENT_LANGUAGES, HOST_LOCALE } from '../../../../shared/locales.js';
import { api } from '../../../app/api.js';
import { useCan } from '../../../app/session.js';
import { PageHeader } from '../../../ui/PageHeader.js';
import { STATE_COLOURS, type ArticleSummary, type WorkItem } from './knowledge-api.js';
import { PartnersPanel } from './PartnersPanel.js';
import { Loading } from '../../../ui/Loading.js';

const TRANSLATION_LANGUAGES = CONTENT_LANGUAGES.filter((language) => language.code !== HOST_LOCALE);

/** /office/knowledge: articles by topic for editors, a per-language work list for translators. */
export function KnowledgePage() {
  const can = useCan();
  const mayEdit = can('knowledge.edit');
  const mayTranslate = can('knowledge.translate');
  const mayKeepDirectory = can('directory.manage');
  const tabs = [...(mayTranslate ? ['articles', 'translations'] : []), ...(mayKeepDirectory ? ['partners'] : [])];
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab = asked && tabs.includes(asked) ? asked : mayEdit || !mayTranslate ? (tabs[0] ?? 'articles') : 'translations';
  return (
    <>
      <PageHeader
        title={<FormattedMessage id="knowledge.office.title" />}
        description={<FormattedMessage id="knowledge.office.description" />}
        actions={
          mayEdit ? (
            <Button component={Link} to="/office/knowledge/new" leftSection={<IconPlus size={18} />}>
              <FormattedMessage id="knowledge.newArticle" />
            </Button>
          ) : null
        }
      />
      <Tabs value={tab} onChange={(value) => setParams({ tab: value ?? 'articles' })}>
        <Tabs.List mb="md">
          {mayTranslate ? (
            <>
              <Tabs.Tab value="articles">
                <FormattedMessage id="knowledge.tab.articles" />
              </Tabs.Tab>
              <Tabs.Tab value="translations">
                <FormattedMessage id="knowledge.tab.translations" />
              </Tabs.Tab>
            </>
          ) : null}
          {mayKeepDirectory ? (
            <Tabs.Tab value="partners" data-testid="partners-tab">
              <FormattedMessage id="directory.partners.tab" />
            </Tabs.Tab>
          ) : null}
        </Tabs.List>
        <Tabs.Panel value="articles">{tab === 'articles' ? <ArticleList /> : null}</Tabs.Panel>
        <Tabs.Panel value="translations">{tab === 'translations' ? <WorkList /> : null}</Tabs.Panel>
        <Tabs.Panel value="partners">{tab === 'partners' ? <PartnersPanel /> : null}</Tabs.Panel>
      </Tabs>
    </>
  );
}

function ArticleList() {
  const intl = useIntl();
  const articles = useQuery({ queryKey: ['knowledge-articles'], queryFn: () => api.get<ArticleSummary[]>('/api/v1/knowledge/articles') });
  if (articles.isPending) return <Center py="xl"><Loading /></Center>;
  if (articles.isError) return <Text c="red">{articles.error.message}</Text>;
  return (
    <Stack gap="md">
      {KNOWLEDGE_TOPICS.map((topic) => {
        const inTopic = articles.data.filter((article) => article.topic === topic);
        return (
          <Card key={topic} withBorder padding="md" component="section">
            <Title order={2} size="h4" mb="xs">
              <FormattedMessage id={`knowledge.topic.${topic}`} />
            </Title>
            {inTopic.length === 0 ? (
              <Text c="dimmed" size="sm"><FormattedMessage id="knowledge.noArticles" /></Text>
            ) : (
              <Stack gap="xs">
                {inTopic.map((article) => (
                  <Group key={article.id} justify="space-between" wrap="wrap" gap="xs">
                    <Button component={Link} to={`/office/knowledge/${article.id}`} variant="subtle" px={4} data-testid="article-link">
                      {article.title}
                    </Button>
                    <Group gap={6}>
                      <Badge variant="light" color={article.publishedVersion ? 'blue' : 'gray'}>
                        {article.publishedVersion ? <FormattedMessage id="knowledge.publishedVersion" values={{ version: article.publishedVersion }} /> : <FormattedMessage id="knowledge.neverPublished" />}
                      </Badge>
                      {article.publishedVersion && article.unpublishedChanges ? <Badge variant="light" color="yellow"><FormattedMessage id="knowledge.unpublishedChanges" /></Badge> : null}
                      {article.translations.map((translation) => (
                        <Badge key={translation.language} variant="outline" color={STATE_COLOURS[translation.state]} title={intl.formatMessage({ id: `knowledge.state.${translation.state}` })}>
                          {translation.language}
                        </Badge>
                      ))}
                    </Group>
                  </Group>
                ))}
              </Stack>
            )}
          </Card>
        );
      })}
    </Stack>
  );
}

function WorkList() {
  const intl = useIntl();
  const [params, setParams] = useSearchParams();
  const language = params.get('language') ?? 'en';
  const work = useQuery({ queryKey: ['knowledge-work', language], queryFn: () => api.get<WorkItem[]>(`/api/v1/knowledge/work/${encodeURIComponent(language)}`) });
  return (
    <Stack gap="md">
      <Select
        label={intl.formatMessage({ id: 'knowledge.work.language' })}
        data={TRANSLATION_LANGUAGES.map((option) => ({ value: option.code, label: `${option.nativeName} (${option.code})` }))}
        value={language}
        onChange={(code) => code && setParams({ tab: 'translations', language: code })}
        allowDeselect={false}
        searchable
        w={280}
        data-testid="work-language"
      />
      {work.isPending ? (
        <Loading />
      ) : work.isError ? (
        <Text c="red">{work.error.message}</Text>
      ) : work.data.length === 0 ? (
        <Text><FormattedMessage id="knowledge.work.empty" /></Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            <FormattedMessage id="knowledge.work.summary" values={{ missing: work.data.filter((item) => item.state === 'missing').length, outdated: work.data.filter((item) => item.state === 'outdated').length }} />
          </Text>
          <Table striped highlightOnHover data-testid="work-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th><FormattedMessage id="knowledge.field.title" /></Table.Th>
                <Table.Th><FormattedMessage id="knowledge.field.topic" /></Table.Th>
                <Table.Th><FormattedMessage id="knowledge.translations" /></Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {work.data.map((item) => (
                <Table.Tr key={item.articleId} data-state={item.state}>
                  <Table.Td lang={HOST_LOCALE}>{item.sourceTitle}</Table.Td>
                  <Table.Td><FormattedMessage id={`knowledge.topic.${item.topic}`} /></Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge color={STATE_COLOURS[item.state]} variant="light"><FormattedMessage id={`knowledge.state.${item.state}`} /></Badge>
                      {item.machineMade ? <Badge color="grape" variant="light"><FormattedMessage id="knowledge.machineMade" /></Badge> : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Button component={Link} to={`/office/knowledge/${item.articleId}/translations/${encodeURIComponent(language)}`} size="xs" variant="light">
                      <FormattedMessage id="knowledge.work.translate" />
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
