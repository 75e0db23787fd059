import { Box, Loader, VisuallyHidden } from '@mantine/core';
import { useIntl } from 'react-intl';

/** A spinner that screen readers announce as "Loading…" (a bare span may not carry a label). */
export function Loading() {
  const intl = useIntl();
  return (
    <Box role="status" display="inline-flex">
      <Loader />
      <VisuallyHidden>{intl.formatMessage({ id: 'common.loading' })}</VisuallyHidden>
    </Box>
  );
}
