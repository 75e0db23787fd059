import type { RouteObject } from 'react-router';
import { OutboxPage } from './OutboxPage.js';

/** The outbox of messages to people and the operations view of background jobs, under /office. */
export const outboxRoutes: RouteObject[] = [{ path: 'outbox', element: <OutboxPage /> }];
