import { Center } from '@mantine/core';
import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from './Loading.js';

const RELOADED_KEY = 'oneroof.reloadedForNewVersion';

/**
 * A page whose code is downloaded when it is first opened: a person on the portal's phone never
 * downloads the back office, the counter or the kiosk. After an upgrade the old chunks are gone; a
 * page that cannot be fetched reloads the app once, which then asks for the new ones.
 */
export function lazyPage<Module, Name extends keyof Module>(load: () => Promise<Module>, name: Name): ComponentType {
  const Lazy = lazy(async () => {
    try {
      const module = await load();
      sessionStorage.removeItem(RELOADED_KEY);
      return { default: module[name] as ComponentType };
    } catch (error) {
      if (!sessionStorage.getItem(RELOADED_KEY)) {
        sessionStorage.setItem(RELOADED_KEY, '1');
        window.location.reload();
        return { default: () => null };
      }
      throw error;
    }
  });
  return function LazyPage() {
    return (
      <Suspense fallback={<PageLoading />}>
        <Lazy />
      </Suspense>
    );
  };
}

function PageLoading() {
  return (
    <Center mih="50vh">
      <Loading />
    </Center>
  );
}
