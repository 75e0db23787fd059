import { MultiSelect } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLocale } from '../../../app/i18n.js';
import { COMMON_LANGUAGES, languageName } from './staff-api.js';

/** The languages someone serves people in, named in the interface language. */
export function LanguagesInput({ label, value = [], onChange, error, readOnly }: { label: string; value?: string[]; onChange: (codes: string[]) => void; error?: ReactNode; readOnly?: boolean }) {
  const { locale } = useLocale();
  const codes = [...new Set([...COMMON_LANGUAGES, ...value])];
  return (
    <MultiSelect
      label={label}
      data={codes.map((code) => ({ value: code, label: languageName(code, locale.code) }))}
      value={value}
      onChange={onChange}
      error={error}
      readOnly={readOnly}
      searchable
      clearable
      comboboxProps={{ withinPortal: true }}
      data-testid="staff-languages"
    />
  );
}
