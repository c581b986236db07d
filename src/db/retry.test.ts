import { retryingLostTransactions, TRANSACTION_ATTEMPTS } from './retry';
import { isDatabaseUnavailable } from './unavailable';

/** A failure as TypeORM reports PostgreSQL's: the SQLSTATE on the error and on its driverError. */
const failure = (code: string) => Object.assign(new Error(code), { code, driverError: { code } });

test('a transaction that keeps losing to deadlocks is tried a bounded number of times, then is DATABASE_UNAVAILABLE', async () => {
  let calls = 0;
  const attempt = retryingLostTransactions(async () => {
    calls++;
    throw failure('40P01');
  });
  await expect(attempt).rejects.toThrow('40P01');
  expect(calls).toBe(TRANSACTION_ATTEMPTS);
  expect(isDatabaseUnavailable(await attempt.catch((e) => e))).toBe(true);
});

test('a serialisation failure is tried again and the second attempt answers', async () => {
  let calls = 0;
  const answer = await retryingLostTransactions(async () => {
    if (++calls === 1) throw failure('40001');
    return 'committed';
  });
  expect([answer, calls]).toEqual(['committed', 2]);
});

test('any other failure is not tried again', async () => {
  let calls = 0;
  const attempt = retryingLostTransactions(async () => {
    calls++;
    throw failure('23505');
  });
  await expect(attempt).rejects.toThrow('23505');
  expect(calls).toBe(1);
});
