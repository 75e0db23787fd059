import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../ui/lazyPage.js';

const OutboxPage = lazyPage(() => import('./OutboxPage.js'), 'OutboxPage');

/** The outbox of messages to people and the operations view of background jobs, under /office. */
export const outboxRoutes: RouteObject[] = [{ path: 'outbox', element: <OutboxPage /> }];
