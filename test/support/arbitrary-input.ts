import fc from 'fast-check';
import { GraphQLInputType, GraphQLSchema, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType } from 'graphql';

/**
 * fast-check arbitraries for any GraphQL input type: mostly plausible values, often malformed
 * ones (bad dates, floats for money, unknown ids, huge or empty strings, wrong enum names).
 */
export function inputArbitrary(schema: GraphQLSchema, type: GraphQLInputType, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return inputArbitrary(schema, type.ofType, ids, depth);
  const nullable = (a: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 9, arbitrary: a }, { weight: 1, arbitrary: fc.constant(null) });
  if (isListType(type)) return nullable(fc.array(inputArbitrary(schema, type.ofType, ids, depth + 1), { maxLength: 3 }));
  if (isEnumType(type)) {
    return nullable(
      fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)) },
        { weight: 1, arbitrary: fc.string() },
      ),
    );
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of fields) record[f.name] = inputArbitrary(schema, f.type, ids, depth + 1);
    return nullable(fc.record(record, { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) }));
  }
  if (isScalarType(type)) return nullable(scalar(type.name, ids));
  return fc.constant(null);
}

const text = fc.oneof(
  { weight: 5, arbitrary: fc.string({ maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('', ' ', 'FH-2018', 'Family Hubs', "O'Brien; DROP TABLE risks; --", '%_\\', 'a@b.gov.uk'),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 5_000, maxLength: 20_000 }) },
);

const date = fc.oneof(
  fc
    .date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2018-02-30', '2018-13-01', '18-04-01', '2018/04/01', '', '0000-00-00', '9999-12-31'),
  fc.string({ maxLength: 12 }),
);

const money = fc.oneof(
  fc.integer({ min: -1_000_000, max: 10_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('552000.00', '0.10', '-120000.50', '1e3', '£100', '1,000', '0.001', '99999999999999', '', 'NaN'),
  fc.string({ maxLength: 12 }),
);

function scalar(name: string, ids: string[]): fc.Arbitrary<unknown> {
  switch (name) {
    case 'ID':
      return fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...ids) },
        { weight: 1, arbitrary: fc.uuid() },
        { weight: 1, arbitrary: text },
      );
    case 'String':
      return text;
    case 'Int':
      return fc.oneof(fc.integer({ min: -2, max: 30 }), fc.integer(), fc.constantFrom(0, 1, 5, 25, 26, 500, 501, 2 ** 31 - 1));
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return date;
    case 'DateTime':
      return fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        fc.string({ maxLength: 30 }),
      );
    case 'Money':
      return money;
    case 'FinancialYear':
      return fc.oneof(fc.constantFrom('2018/19', '1999/00', '2018/20', '2018-19', '18/19', ''), fc.string({ maxLength: 8 }));
    default:
      return text;
  }
}

/** Variables for a field's arguments: required ones always, optional ones sometimes. */
export function argumentsArbitrary(
  schema: GraphQLSchema,
  args: readonly { name: string; type: GraphQLInputType }[],
  ids: string[],
): fc.Arbitrary<Record<string, unknown>> {
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const a of args) record[a.name] = inputArbitrary(schema, a.type, ids);
  return fc.record(record, { requiredKeys: args.filter((a) => isNonNullType(a.type)).map((a) => a.name) });
}
