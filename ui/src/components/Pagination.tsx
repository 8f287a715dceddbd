interface PaginationProps {
  page: number;
  perPage: number;
  total: number;
  onPage: (page: number) => void;
  /** What is being paged, for screen readers: "Books pages". */
  label: string;
}

export function Pagination({ page, perPage, total, onPage, label }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  return (
    <nav className="pagination" aria-label={label}>
      <button
        type="button"
        onClick={() => {
          onPage(page - 1);
        }}
        disabled={page <= 1}
      >
        Previous
      </button>
      <span aria-live="polite">
        Page {page} of {pages} · {total} {total === 1 ? 'item' : 'items'}
      </span>
      <button
        type="button"
        onClick={() => {
          onPage(page + 1);
        }}
        disabled={page >= pages}
      >
        Next
      </button>
    </nav>
  );
}
