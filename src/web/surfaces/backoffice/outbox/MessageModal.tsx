import { Alert, Anchor, Button, Center, Group, List, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconRefresh } from '@tabler/icons-react';
import { Fragment, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useCan } from '../../../app/session.js';
import { describeError } from '../../../ui/forms.js';
import { attachmentUrl, useNotification, useRetryNotification } from './outbox-api.js';
import { StatusBadge } from './StatusBadge.js';
import { Loading } from '../../../ui/Loading.js';

const URL_PATTERN = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)»])/g;

/** Plain text with its web addresses as links (they open in a new tab, without the opener). */
function Linkified({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <Anchor key={index} href={part} target="_blank" rel="noopener noreferrer" dir="ltr" style={{ overflowWrap: 'anywhere' }}>
            {part}
          </Anchor>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}

/** One message as the person received it (or would have): text, files, and what happened to it. */
export function MessageModal({ id, onClose }: { id: string; onClose(): void }) {
  const intl = useIntl();
  const can = useCan();
  const message = useNotification(id);
  const retry = useRetryNotification(id);
  const data = message.data;
  const rows: [string, ReactNode][] = data
    ? [
        ['outbox.column.status', <Group key="s" gap="xs"><StatusBadge status={data.status} /><Text size="sm" c="gray.7"><FormattedMessage id={`outbox.statusHelp.${data.status}`} /></Text></Group>],
        ['outbox.column.recipient', <Text key="r" span dir="ltr">{data.recipient}</Text>],
        ['outbox.column.channel', intl.formatMessage({ id: `outbox.channel.${data.channel}` })],
        ['outbox.column.template', <Text key="t" span ff="monospace" dir="ltr">{data.template}</Text>],
        ['outbox.detail.language', data.renderedLocale && data.renderedLocale !== data.locale ? intl.formatMessage({ id: 'outbox.detail.languageFallback' }, { asked: data.locale, used: data.renderedLocale }) : data.locale],
        ['outbox.column.centre', data.centre?.name ?? intl.formatMessage({ id: 'outbox.noCentre' })],
        ['outbox.column.created', intl.formatDate(data.createdAt, { dateStyle: 'full', timeStyle: 'medium' })],
        ['outbox.detail.sentAt', data.sentAt ? intl.formatDate(data.sentAt, { dateStyle: 'full', timeStyle: 'medium' }) : '—'],
        ['outbox.detail.provider', data.provider ? `${data.provider}${data.providerMessageId ? ` · ${data.providerMessageId}` : ''}` : '—'],
        ['outbox.detail.attempts', intl.formatNumber(data.attempts)],
      ]
    : [];

  return (
    <Modal opened onClose={onClose} size="xl" title={intl.formatMessage({ id: 'outbox.detail.title' })}>
      {message.isLoading ? (
        <Center>
          <Loading />
        </Center>
      ) : null}
      {message.error ? <Alert color="red">{describeError(intl, message.error)}</Alert> : null}
      {data ? (
        <Stack>
          {data.lastError ? (
            <Alert color={data.status === 'failed' ? 'red' : 'yellow'} title={intl.formatMessage({ id: 'outbox.detail.lastError' })}>
              <Text size="sm" dir="ltr" style={{ overflowWrap: 'anywhere' }}>{data.lastError}</Text>
            </Alert>
          ) : null}
          <Table variant="vertical" layout="fixed" withTableBorder>
            <Table.Tbody>
              {rows.map(([labelId, value]) => (
                <Table.Tr key={labelId}>
                  <Table.Th w={170}>{intl.formatMessage({ id: labelId })}</Table.Th>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Paper withBorder p="md" lang={data.renderedLocale ?? data.locale} dir={(data.renderedLocale ?? data.locale).startsWith('ar') ? 'rtl' : 'ltr'}>
            {data.renderedSubject ? (
              <Title order={3} size="h4" mb="sm">
                {data.renderedSubject}
              </Title>
            ) : null}
            {data.renderedBody ? (
              <Text style={{ whiteSpace: 'pre-wrap' }}>
                <Linkified text={data.renderedBody} />
              </Text>
            ) : (
              <Text c="gray.7">
                <FormattedMessage id="outbox.detail.notWrittenYet" />
              </Text>
            )}
          </Paper>
          {data.attachments.length > 0 ? (
            <div>
              <Text fw={600} mb={4}>
                <FormattedMessage id="outbox.detail.attachments" />
              </Text>
              <List spacing={4}>
                {data.attachments.map((file) => (
                  <List.Item key={file.index} icon={<IconDownload size={16} />}>
                    <Anchor href={attachmentUrl(data.id, file.index)} download={file.filename} dir="ltr">
                      {file.filename}
                    </Anchor>{' '}
                    <Text span size="sm" c="gray.7">
                      ({file.contentType}, <FormattedMessage id="outbox.detail.bytes" values={{ size: file.size }} />)
                    </Text>
                  </List.Item>
                ))}
              </List>
            </div>
          ) : null}
          {retry.error ? <Alert color="red">{describeError(intl, retry.error)}</Alert> : null}
          {data.status === 'failed' && can('notifications.retry', { centreId: data.centre?.id ?? null }) ? (
            <Group justify="flex-end">
              <Button leftSection={<IconRefresh size={18} />} loading={retry.isPending} onClick={() => retry.mutate()}>
                <FormattedMessage id="outbox.detail.retry" />
              </Button>
            </Group>
          ) : null}
        </Stack>
      ) : null}
    </Modal>
  );
}
