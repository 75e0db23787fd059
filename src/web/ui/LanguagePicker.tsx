import { Select } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useIntl } from 'react-intl';
import { loadMoreScripts } from '../app/fonts.js';
import { INTERFACE_LOCALES } from '../../shared/locales.js';
import { useLocale } from '../app/i18n.js';

/** Languages are listed by their own names, so people find theirs without reading the current one. */
export function LanguagePicker({ size = 'sm' }: { size?: 'sm' | 'md' | 'lg' }) {
  const { locale, setLocale } = useLocale();
  const intl = useIntl();
  // The list shows every language in its own script.
  useEffect(() => void loadMoreScripts(), []);
  return (
    <Select
      aria-label={intl.formatMessage({ id: 'common.language' })}
      leftSection={<IconLanguage size={18} />}
      data={INTERFACE_LOCALES.map((option) => ({ value: option.code, label: option.nativeName }))}
      value={locale.code}
      onChange={(code) => code && setLocale(code)}
      allowDeselect={false}
      size={size}
      w={170}
      // Sized in rem so it grows with the text; never wider than the header it sits in.
      maw="100%"
      comboboxProps={{ withinPortal: true }}
      data-testid="language-picker"
    />
  );
}
