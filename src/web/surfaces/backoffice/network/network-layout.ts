import { useMediaQuery } from '@mantine/hooks';

/** Forms open full screen on phones, where a floating dialog leaves little room to type. */
export function useFullScreenModal(): boolean {
  return useMediaQuery('(max-width: 36em)') ?? false;
}
