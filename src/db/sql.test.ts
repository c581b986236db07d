import { compile, empty, ident, isolated, join, param, raw, sql } from './sql';

const compiled = (query: ReturnType<typeof sql>) => {
  const values: unknown[] = [];
  return { text: compile(query, values), values };
};

test('values become parameters, never text; fragments nest with their values', () => {
  const hostile = "x'; DROP TABLE risks; --";
  const condition = sql`r.title = ${hostile}`;
  expect(compiled(sql`SELECT * FROM risks r WHERE ${condition} AND r.impact > ${3}`)).toEqual({
    text: 'SELECT * FROM risks r WHERE r.title = $1 AND r.impact > $2',
    values: [hostile, 3],
  });
});

test('parameters are numbered in the order their values were bound, whatever the order of the text', () => {
  const org = param('org');
  const filter = sql`r.status = ${'OPEN'}`;
  // the keys are bound last but written first, as a batch's unnest() is
  const query = sql`SELECT 1 FROM unnest(${['a', 'b']}::uuid[]) JOIN risks r ON r.organisation_id = ${org} WHERE ${filter}`;
  expect(compiled(query)).toEqual({
    text: 'SELECT 1 FROM unnest($3::uuid[]) JOIN risks r ON r.organisation_id = $1 WHERE r.status = $2',
    values: ['org', 'OPEN', ['a', 'b']],
  });
});

test('a Param written twice is one parameter; the same value written twice is two', () => {
  const pattern = param('%hub%');
  const query = sql`${pattern} ${pattern} ${'x'} ${'x'}`;
  expect(compiled(query)).toEqual({ text: '$1 $1 $2 $3', values: ['%hub%', 'x', 'x'] });
});

test('the text depends on the shape of a query, never on its values', () => {
  const text = (v: unknown) => compiled(sql`a = ${v} AND b = ${v}`).text;
  expect(text(1)).toBe(text('1'));
  expect(text(null)).toBe('a = $1 AND b = $2');
});

test('join, raw, empty and ident write text of the code', () => {
  const where = join([sql`a = ${1}`, raw('b IS NULL'), sql`c = ${2}${empty}`], ' AND ');
  expect(compiled(where)).toEqual({ text: 'a = $1 AND b IS NULL AND c = $2', values: [1, 2] });
  expect(compiled(sql`SELECT ${ident('risk_id')} FROM ${ident('mitigations')}`).text).toBe('SELECT risk_id FROM mitigations');
  expect(() => ident('risks; DROP')).toThrow(/not a plain SQL identifier/);
});

test('isolated fragments number their own parameters after those before them', () => {
  const org = param('org');
  const first = sql`SELECT ${org}, ${'a'}`;
  const second = sql`SELECT ${org}, ${'b'}`;
  expect(compiled(sql`SELECT (${isolated(first)}), (${isolated(second)})`)).toEqual({
    text: 'SELECT (SELECT $1, $2), (SELECT $3, $4)',
    values: ['org', 'a', 'org', 'b'],
  });
});

test('compiling appends to the values given, numbering after them', () => {
  const values: unknown[] = ['before'];
  expect(compile(sql`x = ${1}`, values)).toBe('x = $2');
  expect(values).toEqual(['before', 1]);
});
