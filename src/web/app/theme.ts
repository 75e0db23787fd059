import { createTheme, type CSSVariablesResolver } from '@mantine/core';
import './buttons.css';

/**
 * Noto Sans (Latin, Cyrillic, Greek, Devanagari) first, then one family per script (see fonts.ts). The browser picks,
 * character by character, the first family whose unicode-range covers it, so order only matters
 * where ranges overlap (every Noto family also carries Latin: Noto Sans wins it).
 */
export const FONT_STACK = [
  '"Noto Sans"',
  '"Noto Sans Arabic"',
  '"Noto Sans Bengali"',
  '"Noto Sans Gurmukhi"',
  '"Noto Sans Tamil"',
  '"Noto Sans Ethiopic"',
  '"Noto Sans SC"',
  'system-ui',
  'sans-serif',
].join(', ');

export const theme = createTheme({
  primaryColor: 'oneroof',
  colors: {
    oneroof: ['#e8f1fb', '#cfe0f3', '#9dc0e8', '#689ddd', '#3f80d3', '#2670ce', '#1c5d99', '#144a80', '#0d3b69', '#062b50'],
  },
  primaryShade: 6,
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK },
  defaultRadius: 'md',
  // Counter staff and kiosk users both need large, easy targets.
  components: {
    Button: { defaultProps: { size: 'md' }, classNames: { root: 'oneroof-button', inner: 'oneroof-button-inner', label: 'oneroof-button-label' } },
  },
});

/**
 * Mantine's "dimmed" grey (gray.6 on white, about 3.3:1) is below WCAG AA for body text; secondary
 * text must stay readable for people with low vision and on cheap screens in sunlight.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
