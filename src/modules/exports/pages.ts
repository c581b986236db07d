/**
 * Reads the first page before anything is sent: a failure there (the database down, a refusal)
 * is still answered as an HTTP error, where after the first byte it could only cut the download.
 */
export async function firstPageRead<T>(pages: AsyncGenerator<T[]>): Promise<AsyncGenerator<T[]>> {
  const first = await pages.next();
  return (async function* () {
    if (first.done) return;
    yield first.value;
    yield* pages;
  })();
}

/** The rows of the pages, one at a time. */
export async function* rowsOf<T>(pages: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const page of pages) yield* page;
}
