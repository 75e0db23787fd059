import type { Icon, IconProps } from '@tabler/icons-react';
import { useLocale } from '../app/i18n.js';

/**
 * An icon that points along the reading direction ("back", "next", chevrons to a next step):
 * drawn as designed left to right and mirrored in right-to-left languages, where "back" points right.
 * Icons that show a real-world direction or object (refresh, phone, printer) must not use it.
 */
export function DirectionalIcon({ icon: Glyph, style, ...props }: IconProps & { icon: Icon }) {
  const { locale } = useLocale();
  return <Glyph aria-hidden {...props} style={{ ...style, transform: locale.dir === 'rtl' ? 'scaleX(-1)' : undefined }} data-mirrored={locale.dir === 'rtl' ? 'true' : 'false'} />;
}
