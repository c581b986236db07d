import { readCsvRecords, readLedger } from './ledger-csv';

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
      savingsReference: null,
      amount: '1234.50',
      recordedOn: '2011-10-31',
      ledgerReference: 'GL-1',
    });
  });

  test.each([
    ['a missing column', 'programme_code,financial_year,description,amount,recorded_on', 'ledger_reference is missing'],
    [
      'a repeated column',
      'programme_code,programme_code,description,amount,recorded_on,ledger_reference',
      'programme_code appears 2 times',
    ],
    [
      'a misspelt column',
      'programme,financial_year,description,amount,recorded_on,ledger_reference',
      'programme_code is missing',
    ],
    ['savings_reference twice', `${HEADER},savings_reference,Savings_Reference`, 'savings_reference appears 2 times'],
    ['a data row instead', 'ICS-2011,2011/12,Staffing,100,2011-10-31,GL-1', 'programme_code is missing'],
  ])('a header with %s is the error on line 1', (_, header, problem) => {
    const read = readLedger(`${header}\nICS-2011,2011/12,Staffing,100,2011-10-31,GL-1\n`);
    expect(read.rows).toEqual([]);
    expect(read.errors).toEqual([{ line: 1, message: expect.stringContaining('header') }]);
    expect(read.errors[0].message).toContain(problem);
  });

  const row = (csv: string) => {
    const read = readLedger(csv);
    expect(read.errors).toEqual([]);
    expect(read.rows).toHaveLength(1);
    const [r] = read.rows;
    return { ...r, amount: r.amount.toFixed(2) };
  };
  const STAFFING = {
    line: 2,
    programmeCode: 'ICS-2011',
    financialYear: 2011,
    description: 'Staffing',
    savingsReference: null,
    amount: '100.00',
    recordedOn: '2011-10-31',
    ledgerReference: 'GL-1',
  };

  test.each([
    ['the header in capitals', `${HEADER.toUpperCase()}\nICS-2011,2011/12,Staffing,100,2011-10-31,GL-1`],
    [
      'names with spaces around them',
      ` Programme_Code , financial_year,description ,amount,recorded_on,ledger_reference\nICS-2011,2011/12,Staffing,100,2011-10-31,GL-1`,
    ],
    [
      'quoted names',
      `"programme_code","financial_year","description","amount","recorded_on","ledger_reference"\nICS-2011,2011/12,Staffing,100,2011-10-31,GL-1`,
    ],
    [
      'no-break spaces and a BOM in a quoted name',
      `"\ufeffprogramme_code\u00a0",financial_year,description,amount,recorded_on,ledger_reference\nICS-2011,2011/12,Staffing,100,2011-10-31,GL-1`,
    ],
    ['a byte-order mark', `\ufeff${HEADER}\r\nICS-2011,2011/12,Staffing,100,2011-10-31,GL-1\r\n`],
    ['CR line ends (old Mac)', `${HEADER}\rICS-2011,2011/12,Staffing,100,2011-10-31,GL-1\r`],
    ['no final line end', `${HEADER}\nICS-2011,2011/12,Staffing,100,2011-10-31,GL-1`],
    ['blank lines around', `\n${HEADER}\n\n\nICS-2011,2011/12,Staffing,100,2011-10-31,GL-1\n\n,,,,,\n`],
    ["Excel's sep= line", `sep=,\n${HEADER}\nICS-2011,2011/12,Staffing,100,2011-10-31,GL-1`],
    [
      'columns of its own, ignored',
      `cost_centre,${HEADER},note,note\n4410,ICS-2011,2011/12,Staffing,100,2011-10-31,GL-1,"a, b",x`,
    ],
    ['an empty unnamed column', `${HEADER},\nICS-2011,2011/12,Staffing,100,2011-10-31,GL-1,`],
    ['a trailing comma on the row', `${HEADER}\nICS-2011,2011/12,Staffing,100,2011-10-31,GL-1,`],
    ['every field quoted', `${HEADER}\n"ICS-2011","2011/12","Staffing","100","2011-10-31","GL-1"`],
    ['spaces around quoted fields', `${HEADER}\nICS-2011, "2011/12" ,"Staffing", "100",2011-10-31 ,GL-1`],
    ['values padded with spaces and tabs', `${HEADER}\n ICS-2011 ,\t2011/12, Staffing ,  100 , 2011-10-31, GL-1 `],
    ['an amount with a pound sign', `${HEADER}\nICS-2011,2011/12,Staffing,£100,2011-10-31,GL-1`],
    ['a UK date', `${HEADER}\nICS-2011,2011/12,Staffing,100.00,31/10/2011,GL-1`],
    ['a ledger date', `${HEADER}\nICS-2011,2011/12,Staffing,100.00,31-OCT-2011,GL-1`],
    ['a blank savings_reference', `${HEADER},savings_reference\nICS-2011,2011/12,Staffing,100,2011-10-31,GL-1,`],
  ])('reads a row from a file with %s', (_, csv) => {
    // the line the record starts on, counting blank and sep= lines (tested in readCsvRecords)
    expect(row(csv)).toEqual({ ...STAFFING, line: expect.any(Number) });
  });

  test.each([
    ['Savings_Reference', 'CYP-05', 'Staffing', 'CYP-05', 'Staffing'],
    ['SAVINGS_REFERENCE', ' CYP-05 ', '', 'CYP-05', ''],
    ['savings_reference', '', 'Staffing', null, 'Staffing'],
  ])('savings_reference (%s) %j names the line, with description %j', (name, reference, description, expected, kept) => {
    const csv = `${name},${HEADER}\n${reference},ICS-2011,2011/12,${description},100,2011-10-31,GL-1\n`;
    expect(row(csv)).toMatchObject({ savingsReference: expected, description: kept });
  });

  test('a row without description or savings_reference is an error', () => {
    const read = readLedger(`${HEADER},savings_reference\nICS-2011,2011/12,,100,2011-10-31,GL-1,\n`);
    expect(read.errors).toEqual([{ line: 2, message: 'description is empty' }]);
  });

  test.each([
    ['2011-04-01', null],
    ['2012-03-31', null],
    ['2011-03-31', 'recorded_on 2011-03-31 is outside 2011/12 (1 April 2011 to 31 March 2012)'],
    ['01/04/2012', 'recorded_on 2012-04-01 is outside 2011/12 (1 April 2011 to 31 March 2012)'],
    ['2010-10-01', 'recorded_on 2010-10-01 is outside 2011/12'],
  ])("recorded_on %s within the row's financial year 2011/12: %s", (date, problem) => {
    const read = readLedger(`${HEADER}\nICS-2011,2011/12,Staffing,100,${date},GL-1\n`);
    if (problem) expect(read.errors).toEqual([{ line: 2, message: expect.stringContaining(problem) }]);
    else expect(read.errors).toEqual([]);
  });

  test.each([
    ['a field too few', 'ICS-2011,2011/12,Staffing,100,2011-10-31', 'Expected 6 fields, found 5'],
    ['a value too many', 'ICS-2011,2011/12,Staffing,100,2011-10-31,GL-1,x', 'Expected 6 fields, found 7'],
    ['a programme code too long', `${'P'.repeat(51)},2011/12,Staffing,100,2011-10-31,GL-1`, 'programme_code is longer than 50'],
    [
      'a ledger reference too long',
      `ICS-2011,2011/12,Staffing,100,2011-10-31,${'G'.repeat(101)}`,
      'ledger_reference is longer than 100',
    ],
    ['a year written in full', 'ICS-2011,2011/2012,Staffing,100,2011-10-31,GL-1', 'financial_year "2011/2012"'],
    ['dollars', 'ICS-2011,2011/12,Staffing,$100,2011-10-31,GL-1', 'amount "$100"'],
    ['a US date', 'ICS-2011,2011/12,Staffing,100,10/31/2011,GL-1', 'recorded_on "10/31/2011"'],
  ])('a row with %s is an error', (_, line, problem) => {
    const read = readLedger(`${HEADER}\n${line}\n`);
    expect(read.rows).toEqual([]);
    expect(read.errors).toEqual([{ line: 2, message: expect.stringContaining(problem) }]);
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
