import { Alert, Button, Center, Table, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { describeError } from './forms.js';
import { Loading } from './Loading.js';

/** What the table reads of an infinite query whose pages each carry `items` (TanStack Query's result fits). */
export interface PagedQuery<T> {
  data?: { pages: { items: T[] }[] };
  error: unknown;
  isLoading: boolean;
  isSuccess: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(): Promise<unknown>;
}

interface PagedTableProps<T> {
  query: PagedQuery<T>;
  /** Message ids of the column headings. */
  columnIds: string[];
  /** Message id of the last column, which holds each row's open button: read by screen readers only. */
  actionsId: string;
  minWidth: number;
  rowKey(item: T): string;
  /** One cell per heading, then the cell of the open button. */
  row(item: T): ReactNode;
  /** Shown when the query found nothing. */
  empty: ReactNode;
  /** Shown under the last page. */
  end?(count: number): ReactNode;
}

/** An infinite list query as one table: its error, loading and empty states, and "load more" while pages remain. */
export function PagedTable<T>({ query, columnIds, actionsId, minWidth, rowKey, row, empty, end }: PagedTableProps<T>) {
  const intl = useIntl();
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      {query.error ? <Alert color="red">{describeError(intl, query.error)}</Alert> : null}
      {query.isLoading ? (
        <Center>
          <Loading />
        </Center>
      ) : null}
      {query.isSuccess && items.length === 0 ? empty : null}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={minWidth}>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                {columnIds.map((id) => (
                  <Table.Th key={id}>
                    <FormattedMessage id={id} />
                  </Table.Th>
                ))}
                <Table.Th>
                  <VisuallyHidden>
                    <FormattedMessage id={actionsId} />
                  </VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={rowKey(item)}>{row(item)}</Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {query.hasNextPage ? (
        <Center>
          <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            <FormattedMessage id="common.loadMore" />
          </Button>
        </Center>
      ) : null}
      {end && items.length > 0 && !query.hasNextPage ? end(items.length) : null}
    </>
  );
}
