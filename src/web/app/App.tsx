import { DirectionProvider, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { ApiError } from './api.js';
import { LocaleProvider } from './i18n.js';
import { router } from './routes.js';
import { cssVariablesResolver, theme } from './theme.js';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Client errors (not found, forbidden) will not change on retry.
      retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
    },
  },
});

export function App() {
  return (
    <DirectionProvider>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        <LocaleProvider>
          <QueryClientProvider client={queryClient}>
            <Notifications position="top-center" />
            <RouterProvider router={router} />
          </QueryClientProvider>
        </LocaleProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
