import { retryingLostTransactions, TRANSACTION_ATTEMPTS } from './retry';
import { isDatabaseUnavailable } from './unavailable';

/** A failure as TypeORM reports PostgreSQL's: the SQLSTATE on the error and on its driverError. */
const failure = (code: string) => Object.assign(new Error(code), { code, driverError: { code } });

test.each([
  [
    'a transaction that keeps losing to deadlocks is tried a bounded number of times, then is DATABASE_UNAVAILABLE',
    '40P01',
    TRANSACTION_ATTEMPTS,
    true,
  ],
  ['any other failure is not tried again', '23505', 1, false],
])('%s', async (_, code, attempts, unavailable) => {
  let calls = 0;
  const attempt = retryingLostTransactions(async () => {
    calls++;
    throw failure(code);
  });
  await expect(attempt).rejects.toThrow(code);
  expect(calls).toBe(attempts);
  expect(isDatabaseUnavailable(await attempt.catch((e) => e))).toBe(unavailable);
});

test('a serialisation failure is tried again and the second attempt answers', async () => {
  let calls = 0;
  const answer = await retryingLostTransactions(async () => {
    if (++calls === 1) throw failure('40001');
    return 'committed';
  });
  expect([answer, calls]).toEqual(['committed', 2]);
});
