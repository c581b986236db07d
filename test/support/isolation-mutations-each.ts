import { asEachRole, codeOf, World } from './isolation-org-queries';

// What the mutation cases of the isolation test share (isolation-org-mutations.ts gathers them).

/** Sends as each of B's users; every answer must be `code`. */
export async function each(w: World, query: string, variables: Record<string, unknown>[], code = 'NOT_FOUND', only?: string[]) {
  await asEachRole(w, async (role, token) => {
    if (only && !only.includes(role)) return;
    for (const v of variables) {
      const res = await w.probe.send(query, v, token);
      if (codeOf(res) !== code)
        throw new Error(`${role}: expected ${code} for ${query} ${JSON.stringify(v)}, got ${JSON.stringify(res)}`);
    }
  });
}

/** [{ id, v }] of versioned objects, for the mutations that name an expectedVersion. */
export const versioned = (objects: { id: string; version: number }[]) => objects.map((o) => ({ id: o.id, v: o.version }));
