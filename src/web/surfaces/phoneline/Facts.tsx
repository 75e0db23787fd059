import { Fragment } from 'react';

/** Dates, phones, e-mails and document numbers in one line: each kept left-to-right, also in Arabic. */
export function Facts({ items }: { items: (string | null | undefined)[] }) {
  return (
    <>
      {items.filter(Boolean).map((item, index) => (
        <Fragment key={`${index}-${item}`}>
          {index > 0 ? ' · ' : ''}
          <bdi dir="ltr">{item}</bdi>
        </Fragment>
      ))}
    </>
  );
}
