import { GraphQLError } from 'graphql';
import { serializeError } from './logger';

test('an error is logged with its type, message, code, stack and causes, and nothing else it carries', () => {
  const driver = Object.assign(new Error('duplicate key value violates unique constraint "uq_x"'), {
    code: '23505',
    detail: 'Key (email)=(someone@council.gov.uk) already exists.',
  });
  const failed = Object.assign(new Error('query failed'), { driverError: driver, parameters: ['someone@council.gov.uk'] });
  const wrapped = new GraphQLError(failed.message, { originalError: failed });
  expect(serializeError(wrapped)).toEqual({
    type: 'Error',
    message: 'query failed',
    stack: failed.stack,
    cause: { type: 'Error', message: driver.message, code: '23505', stack: driver.stack },
  });
  expect(JSON.stringify(serializeError(wrapped))).not.toContain('someone@');
});
