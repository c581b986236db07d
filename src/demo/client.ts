/** A minimal GraphQL-over-HTTP client: the demo is seeded through the API, rules and audit included. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the demo reads answers by the documents it wrote
type Answer = any;

export type Call = <T = Answer>(query: string, variables?: Record<string, unknown>) => Promise<T>;

export function demoClient(url: string, token: string): Call {
  return async (query, variables) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: Answer; errors?: unknown[] };
    if (body.errors?.length) throw new Error(`demo seeding failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
}
