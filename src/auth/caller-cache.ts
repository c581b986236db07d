import { LRUCache } from 'lru-cache';
import { Caller } from './caller';

/** Tokens remembered at once; beyond it the least recently used are looked up again. */
const MAX_TOKENS = 10_000;

/**
 * Who a token stands for, remembered for a few seconds. Looking the token up was one of the two
 * or three statements of most reads, and the statements' round trips are most of a small read's
 * cost (BENCHMARKS.md). Only tokens that were valid are kept, by their SHA-256 as in the
 * database, and never longer than `ttlMs`: in this process a deactivated user is forgotten at
 * once (forgetUser); in other instances of the server within ttlMs. ttlMs 0 turns it off.
 */
export class CallerCache {
  private readonly byTokenHash?: LRUCache<string, Caller>;

  constructor(ttlMs: number) {
    if (ttlMs > 0) this.byTokenHash = new LRUCache({ max: MAX_TOKENS, ttl: ttlMs });
  }

  async find(tokenHash: string, lookup: () => Promise<Caller | null>): Promise<Caller | null> {
    const known = this.byTokenHash?.get(tokenHash);
    if (known) return known;
    const caller = await lookup();
    if (caller) this.byTokenHash?.set(tokenHash, caller);
    return caller;
  }

  forgetUser(organisationId: string, userId: string): void {
    if (!this.byTokenHash) return;
    for (const [hash, caller] of this.byTokenHash.entries()) {
      if (caller.userId === userId && caller.organisationId === organisationId) this.byTokenHash.delete(hash);
    }
  }
}
