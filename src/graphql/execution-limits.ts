// The hard cap behind the cost estimate (cost.ts): whatever the estimate missed (programmes
// holding far more risks than the stated sizes of list-sizes.ts, nested many times), one request
// may hold at most so many objects and, for a query, run at most so long. Past either, the answer
// is `data: null` with one error, RESPONSE_TOO_LARGE or TIMEOUT, at once; the rest of the work
// stops at the next resolver, which answers a promise that never settles, so it starts no more
// SQL: throwing would make the executor build an error for each of the (maybe hundreds of
// thousands of) fields still to come, for seconds, with the event loop held, while a promise
// nobody holds costs nothing and is collected with the rest.
//
// Resolving from loaders' caches runs on promise jobs alone, which hold the event loop until they
// run out: a large answer would keep /health and every other request waiting, and the deadline's
// timer too. So once a request has done UNPAUSED units of work (a resolver run, or an object it
// delivered: a list of 60 risks is 60, which the executor then maps in one go), it lets the event
// loop turn after every YIELD_EVERY more. Counted in work, not in time: where a level's loads split
// between two batches (one more statement) then depends on the query and the data only, never on
// the machine's load, and ordinary answers (a page of 500 risks with their relations included)
// never pause.
import { getNamedType, GraphQLError, GraphQLSchema, isCompositeType, isObjectType } from 'graphql';

/** Work (resolvers run and objects delivered) a request does before it first lets the event loop turn. */
const UNPAUSED = 5_000;
/** Work a request does between two turns of the event loop after that. */
const YIELD_EVERY = 200;

export interface ExecutionLimits {
  /** Objects one answer may hold (rows of lists and single objects that resolvers return). */
  maxObjects: number;
  /** Longest a query may run, in seconds; mutations are not cut short (their write decides). */
  timeoutSeconds: number;
}

/** One request's spending against the limits; carried in its context as `budget`. */
export class ExecutionBudget {
  private objects = 0;
  /** The error the answer becomes, once a limit is passed. */
  exceeded: GraphQLError | undefined;
  private readonly deadline: number;
  private stop!: () => void;
  /** Settles when a limit is passed. */
  private readonly stopped = new Promise<void>((resolve) => (this.stop = resolve));
  /** Resolvers run and objects delivered so far. */
  private work = 0;
  /** The work after which the event loop is next let turn. */
  private nextTurn = UNPAUSED;
  /** While set, resolvers wait for it: the event loop is being let turn. */
  private pause: Promise<void> | undefined;

  constructor(
    private readonly limits: ExecutionLimits,
    timed: boolean,
  ) {
    this.deadline = timed ? Date.now() + limits.timeoutSeconds * 1000 : Infinity;
  }

  /** Before a resolver runs: false once a limit has been passed, and no further work may start. */
  allows(): boolean {
    if (Date.now() > this.deadline) this.expire();
    return !this.exceeded;
  }

  /**
   * Adds `units` of work (a resolver to run, objects to deliver); a promise to wait for first
   * when this request has done its share and lets the event loop turn.
   */
  turn(units = 1): Promise<void> | undefined {
    if (this.pause) return this.pause;
    this.work += units;
    if (this.work < this.nextTurn) return undefined;
    this.nextTurn = this.work + YIELD_EVERY;
    this.pause = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      this.pause = undefined;
    });
    return this.pause;
  }

  /** What a resolver returned (a list's rows, a connection's nodes, or one object), counted: how many. */
  count(result: unknown): number {
    if (result === null || result === undefined) return 0;
    const nodes = (result as { nodes?: unknown }).nodes;
    const delivered = Array.isArray(result) ? result.length : Array.isArray(nodes) ? nodes.length + 1 : 1;
    this.objects += delivered;
    if (this.objects > this.limits.maxObjects) {
      this.exceed(
        'RESPONSE_TOO_LARGE',
        `The answer would hold more than ${this.limits.maxObjects} objects: ask for fewer items (first) or fewer nested lists, and page through`,
      );
    }
    return delivered;
  }

  private expire(): void {
    this.exceed(
      'TIMEOUT',
      `The query ran longer than ${this.limits.timeoutSeconds} s: ask for less in one request, or retry later`,
    );
  }

  private exceed(code: string, message: string): void {
    if (this.exceeded) return;
    this.exceeded = new GraphQLError(message, { extensions: { code } });
    this.stop();
  }

  /** The execution's result, or `limited()` as soon as a limit is passed (the deadline included). */
  async within<T>(execution: Promise<T>, limited: () => T): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    if (this.deadline !== Infinity) timer = setTimeout(() => this.expire(), this.deadline - Date.now());
    try {
      return await Promise.race([execution, this.stopped.then(limited)]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** What a resolver answers once the request is past a limit: nothing, ever (see the top). */
const never = () => new Promise<never>(() => {});

/**
 * Wraps every resolver that returns objects (not the mutations themselves, whose writes are
 * never cut short) to ask the request's budget before it runs and count what it returns.
 * Contexts without a budget (the server's own in-process reads for exports) are not limited.
 */
export function limitExecution(schema: GraphQLSchema): GraphQLSchema {
  const mutation = schema.getMutationType();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type === mutation) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve || !isCompositeType(getNamedType(field.type))) continue;
      field.resolve = (parent, args, context: { budget?: ExecutionBudget }, info) => {
        const budget = context.budget;
        if (!budget) return resolve(parent, args, context, info);
        // what the resolver answered goes to the executor, which maps its objects in one go:
        // they are work too, and may wait for the event loop to turn before they go
        const deliver = (value: unknown): unknown => {
          const delivered = budget.count(value);
          if (!budget.allows()) return never();
          const pause = budget.turn(delivered);
          return pause ? pause.then(() => (budget.allows() ? value : never())) : value;
        };
        const limited = (): unknown => {
          if (!budget.allows()) return never();
          const result = resolve(parent, args, context, info);
          return result instanceof Promise ? result.then(deliver) : deliver(result);
        };
        // after a pause, the resolvers that waited for it take turns again, not all in one go
        const run = (): unknown => {
          const pause = budget.turn();
          return pause ? pause.then(run) : limited();
        };
        return run();
      };
    }
  }
  return schema;
}
