import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Versioned } from './EditScreen';
import { ErrorNotice } from './ErrorNotice';

interface DetailScreenProps<T> {
  /** What one row is called ("category") and where its list is ("/categories", "categories"). */
  noun: string;
  listPath: string;
  listName: string;
  query: { data?: Versioned<T> | undefined; error: Error | null; refetch: () => unknown };
  /** The row's fields, as <dt> and <dd> pairs. */
  details: (row: T) => ReactNode;
}

/** One row, read only: what a user who may not change it (a shared resource's row) sees. */
export function DetailScreen<T>({
  noun,
  listPath,
  listName,
  query,
  details,
}: DetailScreenProps<T>) {
  const heading = noun.charAt(0).toUpperCase() + noun.slice(1);
  const back = <Link to={listPath}>Back to {listName}</Link>;
  if (query.error) {
    return (
      <>
        <h1>{heading}</h1>
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
        {back}
      </>
    );
  }
  if (!query.data) {
    return (
      <p className="loading" role="status">
        Loading {noun}…
      </p>
    );
  }
  return (
    <>
      <div className="page-heading">
        <h1>{heading}</h1>
        {back}
      </div>
      <dl className="record-details">{details(query.data.row)}</dl>
    </>
  );
}
