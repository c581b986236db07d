import type { ComponentChildren, JSX } from 'preact';
import { useEffect } from 'preact/hooks';
import { date } from '../format';
import type { QueryState } from '../use-query';
import { BAND_COLOURS, type Band } from './rating';

/** A wide table scrolls inside this box, never the page; the box takes focus so a keyboard can scroll it. */
export function ScrollBox({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="scroll-box" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** Puts a table where its medium wants it: the page in a scroll box (`inScrollBox`), the printed pack as it is (`asIs`). */
export type Wrap = (table: JSX.Element, label: string) => JSX.Element;
export const asIs: Wrap = (table) => table;
export const inScrollBox: Wrap = (table, label) => (
  <ScrollBox key={label} label={label}>
    {table}
  </ScrollBox>
);

/** A rating written as a word on its band's colour. */
export function RatingTag({ rating, score }: { rating: Band; score?: number }) {
  const { background, text } = BAND_COLOURS[rating];
  return (
    <span class="rating-tag" style={{ backgroundColor: background, color: text }}>
      {score !== undefined ? `${score} ` : ''}
      {rating}
    </span>
  );
}

/** A table's column headings, in order. */
export function ColumnHeadings({ names }: { names: readonly string[] }) {
  return (
    <thead>
      <tr>
        {names.map((name) => (
          <th key={name} scope="col">
            {name}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function DateText({ value }: { value: string | null | undefined }) {
  if (!value) return <span class="muted">none</span>;
  return <time dateTime={value}>{date(value)}</time>;
}

/** Shows a query's loading and error states, and its data through `children` once it arrives. */
export function Loaded<R>({
  state,
  what,
  children,
}: {
  state: QueryState<R>;
  what: string;
  children: (data: R) => ComponentChildren;
}) {
  if (state.status === 'loading')
    return (
      <p class="muted" role="status">
        Loading {what}…
      </p>
    );
  if (state.status === 'error')
    return (
      <p class="error" role="alert">
        Could not load {what}: {state.message}
      </p>
    );
  return <>{children(state.data)}</>;
}

/** The tab's title, so that history and screen readers name the page. */
export function useTitle(title: string) {
  useEffect(() => {
    document.title = `${title} - Programme register`;
  }, [title]);
}
