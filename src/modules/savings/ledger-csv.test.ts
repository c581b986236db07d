import { parseAmount, parseLedgerDate, readCsvRecords, readLedger } from './ledger-csv';

const HEADER = 'programme_code,financial_year,description,amount,recorded_on,ledger_reference';

describe('readCsvRecords', () => {
  test('gives each record the line it starts on, through CRLF, a BOM, blank lines and multi-line quoted fields', () => {
    const csv = '\ufeffa,b\r\n1,"two\r\nlines"\r\n\r\n3,"x, ""quoted"""\r\n"4\n5\n6",7\r\n8,9';
    const { records, errors } = readCsvRecords(csv);
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', 'two\nlines']],
      [5, ['3', 'x, "quoted"']],
      [6, ['4\n5\n6', '7']],
      [9, ['8', '9']],
    ]);
  });

  test('reports a record the CSV syntax refuses and reads on', () => {
    const { records, errors } = readCsvRecords('a,b\n1,2"x\n3,4\n');
    expect(records.map((r) => r.line)).toEqual([1, 3]);
    expect(errors).toEqual([{ line: 2, message: expect.stringContaining('Invalid Opening Quote') }]);
  });

  test('reports an unclosed quote where its record starts', () => {
    const { records, errors } = readCsvRecords('a,b\n1,2\n3,"4\n5,6\n');
    expect(records.map((r) => r.line)).toEqual([1, 2]);
    expect(errors).toEqual([{ line: 3, message: expect.stringContaining('Quote Not Closed') }]);
  });
});

describe('parseAmount', () => {
  test.each([
    ['1234.50', '1234.50'],
    ['£1,234.50', '1234.50'],
    ['£1,234,567', '1234567.00'],
    ['-£120', '-120.00'],
    ['£-120.5', '-120.50'],
    ['(120.00)', '-120.00'],
    ['(£1,000)', '-1000.00'],
    [' 0.1 ', '0.10'],
    ['£ 1,000.00', '1000.00'],
  ])('reads %j as %s', (text, amount) => {
    expect(parseAmount(text).toFixed(2)).toBe(amount);
  });

  test.each([
    '',
    '£',
    'ten',
    '1.005',
    '1e3',
    '12,34',
    '1,2345',
    '1.2.3',
    '--5',
    '-(5)',
    '(-5)',
    '-£-5',
    '£1,234.5.0',
    '10000000000000',
    '$5',
  ])('refuses %j', (text) => {
    expect(() => parseAmount(text)).toThrow(/amount|Money/);
  });
});

describe('parseLedgerDate', () => {
  test.each([
    ['2018-10-01', '2018-10-01'],
    ['01/10/2018', '2018-10-01'],
    ['1/4/2019', '2019-04-01'],
    [' 29/02/2020 ', '2020-02-29'],
  ])('reads %j as %s', (text, date) => {
    expect(parseLedgerDate(text)).toBe(date);
  });

  test.each(['2018-02-30', '31/04/2018', '10/01/18', '2018/10/01', 'yesterday', ''])('refuses %j', (text) => {
    expect(() => parseLedgerDate(text)).toThrow(/recorded_on/);
  });
});

describe('readLedger', () => {
  test('reads rows with the header in any order and case', () => {
    const csv = `Ledger_Reference,AMOUNT,Description,programme_code,Recorded_On,financial_year\r\nGL-1,"£1,234.50", Staffing restructure ,ICS-2011,2011-10-31,2011/12\r\n`;
    const read = readLedger(csv);
    expect(read.errors).toEqual([]);
    expect(read.rowsRead).toBe(1);
    expect(read.rows).toHaveLength(1);
    const [row] = read.rows;
    expect({ ...row, amount: row.amount.toFixed(2) }).toEqual({
      line: 2,
      programmeCode: 'ICS-2011',
      financialYear: 2011,
      description: 'Staffing restructure',
      amount: '1234.50',
      recordedOn: '2011-10-31',
      ledgerReference: 'GL-1',
    });
  });

  test.each([
    ['a missing column', 'programme_code,financial_year,description,amount,recorded_on'],
    ['an unknown column', `${HEADER},note`],
    ['a repeated column', 'programme_code,programme_code,description,amount,recorded_on,ledger_reference'],
    ['a misspelt column', 'programme,financial_year,description,amount,recorded_on,ledger_reference'],
  ])('a header with %s is the error on line 1', (_, header) => {
    const read = readLedger(`${header}\nICS-2011,2011/12,Staffing,100,2011-10-31,GL-1\n`);
    expect(read.rows).toEqual([]);
    expect(read.errors).toEqual([{ line: 1, message: expect.stringContaining('header') }]);
  });

  test('an empty file is the error on line 1', () => {
    expect(readLedger('').errors).toEqual([{ line: 1, message: expect.stringContaining('header') }]);
    expect(readLedger('\ufeff\r\n').errors[0].line).toBe(1);
  });

  test('reports every bad row with its line, and what is wrong with it', () => {
    const csv = [
      HEADER,
      'ICS-2011,2011/12,Staffing,100,2011-10-31,GL-1',
      ',2011/13,,ten,2011-02-30,',
      'ICS-2011,2011/12,"Premises,\nnorth",100,2011-10-31,GL-2',
      'ICS-2011,2011/12,Staffing,100,2011-10-31',
      'ICS-2011,2011/12,Staffing,-5,31/10/2011,GL-1',
      ',,,,,',
      'ICS-2011,2011/12,Staffing,1.005,2011-10-31,GL-3',
    ].join('\r\n');
    const read = readLedger(csv);
    expect(read.rowsRead).toBe(6);
    expect(read.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(read.errors.map((e) => e.line)).toEqual([3, 6, 7, 9]);
    const [blank, short, repeat, decimals] = read.errors.map((e) => e.message);
    for (const part of [
      'programme_code is empty',
      'financial_year',
      'description is empty',
      'amount',
      'recorded_on',
      'ledger_reference is empty',
    ]) {
      expect(blank).toContain(part);
    }
    expect(short).toContain('Expected 6 fields, found 5');
    expect(repeat).toBe('ledger_reference GL-1 repeats line 2');
    expect(decimals).toContain('amount');
  });
});
