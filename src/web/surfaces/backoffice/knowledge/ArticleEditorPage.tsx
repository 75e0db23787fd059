import { Alert, Badge, Button, Card, Center, Grid, Group, List, MultiSelect, Select, Stack, Text, Textarea, TextInput, Title, Typography } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useNavigate, useParams } from 'react-router';
import { KNOWLEDGE_TOPICS, type KnowledgeTopic } from '../../../../shared/knowledge.js';
import { renderMarkdown } from '../../../../shared/markdown.js';
import { api, ApiError } from '../../../app/api.js';
import { useCan } from '../../../app/session.js';
import { useApiMutation } from '../../../ui/forms.js';
import { PageHeader } from '../../../ui/PageHeader.js';
import { STATE_COLOURS, type ArticleDetail } from './knowledge-api.js';
import { Loading } from '../../../ui/Loading.js';

interface ArticleValues {
  slug: string;
  topic: KnowledgeTopic;
  title: string;
  summary: string;
  body: string;
  serviceIds: string[];
  /** One document per line, in the host language. */
  documents: string;
}

/** The form's values as the API takes them: documents become names in the host language. */
function toRequest(values: ArticleValues, hostLanguage: string) {
  const { documents, ...rest } = values;
  const lines = documents.split('\n').map((line) => line.trim()).filter(Boolean);
  return { ...rest, requiredDocuments: lines.map((line) => ({ names: { [hostLanguage]: line } })) };
}

/** Every service of the centres the editor may read, for linking; named "service — centre". */
function useServiceOptions(hostLanguage: string) {
  const centres = useQuery({ queryKey: ['centres'], queryFn: () => api.get<{ id: string; name: string }[]>('/api/v1/centres') });
  const services = useQueries({
    queries: (centres.data ?? []).map((centre) => ({
      queryKey: ['centre-services', centre.id],
      queryFn: () => api.get<{ id: string; names: Record<string, string> }[]>(`/api/v1/centres/${centre.id}/services`),
    })),
  });
  return (centres.data ?? []).flatMap((centre, index) => (services[index]?.data ?? []).map((service) => ({ value: service.id, label: `${service.names[hostLanguage] ?? Object.values(service.names)[0]} — ${centre.name}` })));
}

/** /office/knowledge/new and /office/knowledge/:id: the Portuguese source, its preview, publication. */
export function ArticleEditorPage() {
  const { articleId } = useParams();
  const article = useQuery({ queryKey: ['knowledge-article', articleId], queryFn: () => api.get<ArticleDetail>(`/api/v1/knowledge/articles/${articleId}`), enabled: Boolean(articleId) });
  if (articleId && article.isPending) return <Center py="xl"><Loading /></Center>;
  if (articleId && article.isError) return <Alert color="red">{article.error.message}</Alert>;
  return <ArticleForm article={article.data} />;
}

function ArticleForm({ article }: { article: ArticleDetail | undefined }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mayEdit = useCan()('knowledge.edit');
  const hostLanguage = article?.sourceLanguage ?? 'pt';
  const form = useForm<ArticleValues>({
    initialValues: {
      slug: article?.slug ?? '',
      topic: article?.topic ?? 'residence',
      title: article?.title ?? '',
      summary: article?.summary ?? '',
      body: article?.body ?? '',
      serviceIds: article?.serviceIds ?? [],
      documents: (article?.requiredDocuments ?? []).map((document) => document.names[hostLanguage] ?? '').join('\n'),
    },
  });
  const serviceOptions = useServiceOptions(hostLanguage);
  useEffect(() => {
    if (article) form.resetDirty();
    // Only when another article is opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [article?.id]);
  const preview = useMemo(() => renderMarkdown(form.values.body), [form.values.body]);
  const refresh = (saved: ArticleDetail) => {
    queryClient.setQueryData(['knowledge-article', saved.id], saved);
    void queryClient.invalidateQueries({ queryKey: ['knowledge-articles'] });
  };
  const save = useApiMutation({
    form,
    successMessageId: 'knowledge.saved',
    mutationFn: (values: ArticleValues) => (article ? api.patch<ArticleDetail>(`/api/v1/knowledge/articles/${article.id}`, toRequest(values, hostLanguage)) : api.post<ArticleDetail>('/api/v1/knowledge/articles', toRequest(values, hostLanguage))),
    onSuccess: (saved) => {
      refresh(saved);
      if (!article) void navigate(`/office/knowledge/${saved.id}`, { replace: true });
    },
  });
  const publish = useApiMutation({
    mutationFn: async () => {
      const saved = form.isDirty() && article ? await api.patch<ArticleDetail>(`/api/v1/knowledge/articles/${article.id}`, toRequest(form.values, hostLanguage)) : article!;
      return api.post<ArticleDetail>(`/api/v1/knowledge/articles/${saved.id}/publish`);
    },
    onSuccess: (saved) => {
      refresh(saved);
      form.resetDirty();
      notifications.show({ color: 'green', message: intl.formatMessage({ id: 'knowledge.publishedVersion' }, { version: saved.publishedVersion }) });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'conflict') notifications.show({ color: 'yellow', message: intl.formatMessage({ id: 'knowledge.nothingChanged' }) });
    },
  });

  return (
    <>
      <PageHeader
        title={article ? article.title : <FormattedMessage id="knowledge.newArticle" />}
        description={
          article ? (
            <Group gap="xs" component="span">
              <Badge variant="light">{article.publishedVersion ? <FormattedMessage id="knowledge.publishedVersion" values={{ version: article.publishedVersion }} /> : <FormattedMessage id="knowledge.neverPublished" />}</Badge>
              {article.publishedVersion && article.unpublishedChanges ? <Badge color="yellow" variant="light"><FormattedMessage id="knowledge.unpublishedChanges" /></Badge> : null}
            </Group>
          ) : undefined
        }
        actions={
          <Button component={Link} to="/office/knowledge" variant="default">
            <FormattedMessage id="common.back" />
          </Button>
        }
      />
      <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="sm">
              <TextInput label={intl.formatMessage({ id: 'knowledge.field.title' })} required {...form.getInputProps('title')} disabled={!mayEdit} />
              <Group grow align="flex-start">
                <TextInput label={intl.formatMessage({ id: 'knowledge.field.slug' })} description={intl.formatMessage({ id: 'knowledge.field.slugHelp' })} required {...form.getInputProps('slug')} disabled={!mayEdit} dir="ltr" />
                <Select label={intl.formatMessage({ id: 'knowledge.field.topic' })} data={KNOWLEDGE_TOPICS.map((topic) => ({ value: topic, label: intl.formatMessage({ id: `knowledge.topic.${topic}` }) }))} allowDeselect={false} {...form.getInputProps('topic')} disabled={!mayEdit} />
              </Group>
              <Textarea label={intl.formatMessage({ id: 'knowledge.field.summary' })} autosize minRows={2} {...form.getInputProps('summary')} disabled={!mayEdit} />
              <Textarea label={intl.formatMessage({ id: 'knowledge.field.body' })} description={intl.formatMessage({ id: 'knowledge.field.bodyHelp' })} autosize minRows={12} required {...form.getInputProps('body')} disabled={!mayEdit} ff="monospace" data-testid="article-body" />
              <MultiSelect
                label={intl.formatMessage({ id: 'knowledge.field.services' })}
                description={intl.formatMessage({ id: 'knowledge.field.servicesHelp' })}
                data={serviceOptions}
                searchable
                {...form.getInputProps('serviceIds')}
                disabled={!mayEdit}
              />
              <Textarea label={intl.formatMessage({ id: 'knowledge.field.documents' })} autosize minRows={2} {...form.getInputProps('documents')} disabled={!mayEdit} />
              {mayEdit ? (
                <Stack gap="xs">
                  <Group>
                    <Button type="submit" variant="default" loading={save.isPending}>
                      <FormattedMessage id="knowledge.save" />
                    </Button>
                    {article ? (
                      <Button onClick={() => publish.mutate(undefined)} loading={publish.isPending} data-testid="publish-article">
                        <FormattedMessage id="knowledge.publish" />
                      </Button>
                    ) : null}
                  </Group>
                  {article?.translations.length ? <Text size="sm" c="dimmed"><FormattedMessage id="knowledge.publishWarning" /></Text> : null}
                </Stack>
              ) : null}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="md">
              <Card withBorder padding="md">
                <Title order={2} size="h5" mb="xs"><FormattedMessage id="knowledge.preview" /></Title>
                <Typography lang={article?.sourceLanguage ?? 'pt'}>
                  {/* The same renderer as the public pages: no raw HTML, safe links only. */}
                  <div dangerouslySetInnerHTML={{ __html: preview }} />
                </Typography>
              </Card>
              {article ? <ArticleSidebar article={article} /> : null}
            </Stack>
          </Grid.Col>
        </Grid>
      </form>
    </>
  );
}

function ArticleSidebar({ article }: { article: ArticleDetail }) {
  const intl = useIntl();
  return (
    <>
      {article.translations.length > 0 ? (
        <Card withBorder padding="md">
          <Title order={2} size="h5" mb="xs"><FormattedMessage id="knowledge.translations" /></Title>
          <Group gap={6}>
            {article.translations.map((translation) => (
              <Badge key={translation.language} component={Link} to={`/office/knowledge/${article.id}/translations/${translation.language}`} color={STATE_COLOURS[translation.state]} variant="light" style={{ cursor: 'pointer' }}>
                {translation.language} · {intl.formatMessage({ id: `knowledge.state.${translation.state}` })}
              </Badge>
            ))}
          </Group>
        </Card>
      ) : null}
      {article.versions.length > 0 ? (
        <Card withBorder padding="md">
          <Title order={2} size="h5" mb="xs"><FormattedMessage id="knowledge.versions" /></Title>
          <List size="sm">
            {article.versions.map((version) => (
              <List.Item key={version.version}>
                <FormattedMessage id="knowledge.version" values={{ version: version.version, date: intl.formatDate(version.publishedAt, { dateStyle: 'medium', timeStyle: 'short' }) }} />
              </List.Item>
            ))}
          </List>
        </Card>
      ) : null}
    </>
  );
}
