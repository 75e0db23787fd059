import { Box, Text } from '@mantine/core';
import { useIntl } from 'react-intl';
import type { DiffPart } from '../../../../shared/text-diff.js';

/** What changed in the source: removed text struck through in red, added text underlined in green. */
export function DiffView({ parts, lang }: { parts: DiffPart[]; lang: string }) {
  const intl = useIntl();
  return (
    <Box lang={lang} style={{ whiteSpace: 'pre-wrap', fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-sm)' }} data-testid="source-diff">
      {parts.map((part, index) =>
        part.op === 'equal' ? (
          <span key={index}>{part.text}</span>
        ) : part.op === 'delete' ? (
          <Text key={index} component="del" span bg="red.1" c="red.9" title={intl.formatMessage({ id: 'knowledge.translate.removed' })}>
            {part.text}
          </Text>
        ) : (
          <Text key={index} component="ins" span bg="green.1" c="green.9" title={intl.formatMessage({ id: 'knowledge.translate.added' })}>
            {part.text}
          </Text>
        ),
      )}
    </Box>
  );
}
