import { Alert, Anchor, Box, Container, Group } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { registerInformationWorker } from '../../app/offline.js';
import { OfflineNotice } from '../../ui/OfflineNotice.js';
import type { ReaderNote } from './info-api.js';
import { ContentLanguagePicker, nativeNameOf, useContentLanguage } from './content-language.js';

/** The public information pages: phone-first, one column, the language picker always in reach. */
export function InfoLayout({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useContentLanguage();
  useEffect(() => registerInformationWorker('info'), []);
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" bg="white" py="xs" style={{ borderBlockEnd: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size={760} px="md">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Anchor component={Link} to={`/info?lang=${encodeURIComponent(language)}`} fw={700} c="oneroof.7" underline="never">
              OneRoof
            </Anchor>
            <ContentLanguagePicker value={language} onChange={setLanguage} />
          </Group>
        </Container>
      </Box>
      <Container size={760} px="md" py="md" component="main">
        <OfflineNotice />
        {children}
      </Container>
    </Box>
  );
}

/** Why the text is not in the language asked for, or that a machine made it: said plainly, above the text. */
export function ReaderNoteAlert({ note, requested, shown }: { note: ReaderNote; requested: string; shown: string }) {
  if (!note) return null;
  return (
    <Alert color={note === 'outdated' ? 'orange' : note === 'machine' ? 'grape' : 'blue'} icon={<IconInfoCircle />} data-testid={`reader-note-${note}`} mb="md">
      <FormattedMessage id={`info.note.${note}`} values={{ language: nativeNameOf(requested), shown: nativeNameOf(shown) }} />
    </Alert>
  );
}
