import { Fieldset, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useLanguageName } from '../../network/network-labels.js';

/** The languages an administrator writes labels in: the host language (required) and the two others of the interface. */
export const ADMIN_LANGUAGES = ['pt', 'en', 'ar'] as const;
export type Labels = Record<(typeof ADMIN_LANGUAGES)[number], string>;

export const emptyLabels = (): Labels => ({ pt: '', en: '', ar: '' });
export const labelsFrom = (labels: Record<string, string>): Labels => ({ pt: labels.pt ?? '', en: labels.en ?? '', ar: labels.ar ?? '' });
/** Only the languages filled in are sent: the server requires pt. */
export const labelsToSend = (labels: Labels): Record<string, string> => Object.fromEntries(Object.entries(labels).filter(([, text]) => text.trim()));

/** One text per language, Arabic typed right to left. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function LabelInputs({ legend, path, form }: { legend: string; path: string; form: UseFormReturnType<any> }) {
  const languageName = useLanguageName();
  return (
    <Fieldset legend={legend} variant="unstyled">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {ADMIN_LANGUAGES.map((code) => (
          <TextInput key={code} label={languageName(code)} lang={code} dir={code === 'ar' ? 'rtl' : 'ltr'} required={code === 'pt'} {...form.getInputProps(`${path}.${code}`)} />
        ))}
      </SimpleGrid>
    </Fieldset>
  );
}
