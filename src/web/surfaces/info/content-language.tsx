import { Select } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { CONTENT_LANGUAGES, findContentLanguage, findLocale } from '../../../shared/locales.js';
import { useLocale } from '../../app/i18n.js';

const STORAGE_KEY = 'oneroof.contentLanguage';

/**
 * The language a reader wants the information in: any content language (more than the interface
 * has). It lives in the address (?lang=) so a shared link opens in the same language, and is
 * remembered on the device. Choosing a language the interface also speaks switches the interface too.
 */
export function useContentLanguage(): [string, (code: string) => void] {
  const [params, setParams] = useSearchParams();
  const { locale, setLocale } = useLocale();
  const code = findContentLanguage(params.get('lang'))?.code ?? findContentLanguage(localStorage.getItem(STORAGE_KEY))?.code ?? locale.code;
  const choose = useCallback(
    (next: string) => {
      localStorage.setItem(STORAGE_KEY, next);
      if (findLocale(next)?.code === next) setLocale(next);
      setParams(
        (current) => {
          const copy = new URLSearchParams(current);
          copy.set('lang', next);
          return copy;
        },
        { replace: true },
      );
    },
    [setLocale, setParams],
  );
  return [code, choose];
}

export function nativeNameOf(code: string): string {
  return findContentLanguage(code)?.nativeName ?? code;
}

/** Every content language by its own name. */
export function ContentLanguagePicker({ value, onChange, size = 'md' }: { value: string; onChange: (code: string) => void; size?: 'md' | 'lg' | 'xl' }) {
  const intl = useIntl();
  return (
    <Select
      aria-label={intl.formatMessage({ id: 'info.contentLanguage' })}
      leftSection={<IconLanguage size={18} />}
      data={CONTENT_LANGUAGES.map((language) => ({ value: language.code, label: language.nativeName }))}
      value={value}
      onChange={(code) => code && onChange(code)}
      allowDeselect={false}
      searchable
      size={size}
      w={200}
      comboboxProps={{ withinPortal: true }}
      data-testid="content-language-picker"
    />
  );
}
