import { Alert, Badge, Button, Card, Center, Grid, Group, Stack, Text, Textarea, TextInput, Title, Typography } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { findContentLanguage } from '../../../../shared/locales.js';
import { renderMarkdown } from '../../../../shared/markdown.js';
import { api } from '../../../app/api.js';
import { useApiMutation } from '../../../ui/forms.js';
import { PageHeader } from '../../../ui/PageHeader.js';
import { DiffView } from './DiffView.js';
import { STATE_COLOURS, type TranslationWork } from './knowledge-api.js';
import { Loading } from '../../../ui/Loading.js';

interface TranslationValues {
  title: string;
  summary: string;
  body: string;
}

/** /office/knowledge/:id/translations/:language: the source, what changed in it, and the translation. */
export function TranslationEditorPage() {
  const { articleId = '', language = '' } = useParams();
  const intl = useIntl();
  const queryClient = useQueryClient();
  const url = `/api/v1/knowledge/articles/${articleId}/translations/${encodeURIComponent(language)}`;
  const queryKey = ['knowledge-translation', articleId, language];
  const work = useQuery({ queryKey, queryFn: () => api.get<TranslationWork>(url) });
  const form = useForm<TranslationValues>({ initialValues: { title: '', summary: '', body: '' } });
  const data = work.data;
  useEffect(() => {
    if (!data) return;
    const text = data.translation ?? { title: '', summary: '', body: '' };
    form.setValues({ title: text.title, summary: text.summary, body: text.body });
    form.resetDirty({ title: text.title, summary: text.summary, body: text.body });
    // Reload the fields when the server's text changes (save, machine draft), not on each keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data?.translation?.updatedAt, data?.source.version]);
  const update = (next: TranslationWork) => {
    queryClient.setQueryData(queryKey, next);
    void queryClient.invalidateQueries({ queryKey: ['knowledge-work', language] });
    void queryClient.invalidateQueries({ queryKey: ['knowledge-articles'] });
  };
  const save = useApiMutation({
    form,
    mutationFn: (publish: boolean) => api.put<TranslationWork>(url, { ...form.values, sourceVersion: data!.source.version, publish }),
    onSuccess: update,
    successMessageId: 'knowledge.saved',
  });
  const machine = useApiMutation({ mutationFn: () => api.post<TranslationWork>(`${url}/machine`), onSuccess: update });

  if (work.isPending) return <Center py="xl"><Loading /></Center>;
  if (work.isError) return <Alert color="red">{work.error.message}</Alert>;
  const target = findContentLanguage(language);
  const dir = target?.dir ?? 'ltr';
  const { source, sourceChanges, translation } = work.data;
  return (
    <>
      <PageHeader
        title={<FormattedMessage id="knowledge.translate.title" values={{ language: target?.nativeName ?? language }} />}
        description={
          <Group gap="xs" component="span">
            <Badge color={STATE_COLOURS[work.data.state]} variant="light" data-testid="translation-state">
              <FormattedMessage id={`knowledge.state.${work.data.state}`} />
            </Badge>
            {translation?.machineMade ? <Badge color="grape" variant="light"><FormattedMessage id="knowledge.machineMade" /></Badge> : null}
            {translation ? <Text span size="sm"><FormattedMessage id="knowledge.translate.basedOn" values={{ version: translation.sourceVersion }} /></Text> : null}
          </Group>
        }
        actions={
          <Button component={Link} to={`/office/knowledge?tab=translations&language=${encodeURIComponent(language)}`} variant="default">
            <FormattedMessage id="common.back" />
          </Button>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            {sourceChanges ? (
              <Card withBorder padding="md" bg="orange.0">
                <Title order={2} size="h5" mb="xs">
                  <FormattedMessage id="knowledge.translate.changes" values={{ from: sourceChanges.fromVersion, to: sourceChanges.toVersion }} />
                </Title>
                <Stack gap="xs">
                  {sourceChanges.title.some((part) => part.op !== 'equal') ? <DiffView parts={sourceChanges.title} lang="pt" /> : null}
                  {sourceChanges.summary.some((part) => part.op !== 'equal') ? <DiffView parts={sourceChanges.summary} lang="pt" /> : null}
                  <DiffView parts={sourceChanges.body} lang="pt" />
                </Stack>
              </Card>
            ) : null}
            <Card withBorder padding="md">
              <Title order={2} size="h5" mb="xs">
                <FormattedMessage id="knowledge.translate.source" values={{ version: source.version }} />
              </Title>
              <Stack gap="xs" lang="pt">
                <Text fw={700}>{source.title}</Text>
                <Text c="dimmed">{source.summary}</Text>
                <Typography>
                  <div dangerouslySetInnerHTML={{ __html: renderMarkdown(source.body) }} />
                </Typography>
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <form onSubmit={form.onSubmit(() => save.mutate(true))}>
            <Stack gap="sm">
              <Title order={2} size="h5"><FormattedMessage id="knowledge.translate.yourText" /></Title>
              {translation?.machineMade ? <Alert color="grape"><FormattedMessage id="knowledge.translate.machineNote" /></Alert> : null}
              <TextInput label={intl.formatMessage({ id: 'knowledge.field.title' })} required lang={language} dir={dir} {...form.getInputProps('title')} />
              <Textarea label={intl.formatMessage({ id: 'knowledge.field.summary' })} autosize minRows={2} lang={language} dir={dir} {...form.getInputProps('summary')} />
              <Textarea label={intl.formatMessage({ id: 'knowledge.field.body' })} autosize minRows={12} required lang={language} dir={dir} {...form.getInputProps('body')} data-testid="translation-body" />
              <Group>
                <Button type="submit" loading={save.isPending && save.variables === true} data-testid="publish-translation">
                  <FormattedMessage id="knowledge.translate.publish" />
                </Button>
                <Button variant="default" onClick={() => save.mutate(false)} loading={save.isPending && save.variables === false}>
                  <FormattedMessage id="knowledge.translate.saveDraft" />
                </Button>
                {work.data.machineTranslationAvailable ? (
                  <Button variant="light" color="grape" onClick={() => machine.mutate(undefined)} loading={machine.isPending}>
                    <FormattedMessage id="knowledge.translate.machine" />
                  </Button>
                ) : null}
              </Group>
              <Text size="sm" c="dimmed"><FormattedMessage id="knowledge.translate.publishHelp" values={{ version: source.version }} /></Text>
              <Text size="sm" c="dimmed"><FormattedMessage id="knowledge.translate.draftNote" /></Text>
            </Stack>
          </form>
        </Grid.Col>
      </Grid>
    </>
  );
}
