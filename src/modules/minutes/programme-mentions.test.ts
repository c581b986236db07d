import { mentionedProgrammes } from './programme-mentions';

const programmes = [
  { code: 'FH-2018', name: 'Family Hubs' },
  { code: 'ICS', name: 'Integrated Children’s Services' },
  { code: 'CCR', name: 'Children’s Centres Review' },
  { code: 'LW', name: 'Locality Working' },
];
const codes = (texts: string[]) => mentionedProgrammes(programmes, texts).map((p) => p.code);

describe('programmes named in an agenda item', () => {
  test('by name, ignoring case', () => {
    expect(codes(['UPDATE ON FAMILY HUBS PREVENTION AND EARLY HELP IMPLEMENTATION'])).toEqual(['FH-2018']);
  });

  test('by code, as a whole word', () => {
    expect(codes(['That the ICS model be approved.'])).toEqual(['ICS']);
    expect(codes(['That the ICSB model be approved.', 'That physics be taught.'])).toEqual([]);
  });

  test('a code with a hyphen, and an en dash typed for it', () => {
    expect(codes(['Progress on FH-2018.'])).toEqual(['FH-2018']);
    expect(codes(['Progress on FH–2018.'])).toEqual(['FH-2018']);
  });

  test('a straight apostrophe in the text matches a curly one in the name, and the other way', () => {
    expect(codes(["Integrated Children's Services"])).toEqual(['ICS']);
    expect(
      mentionedProgrammes([{ code: 'X', name: "Children's Centres Review" }], ['Impact of the Children’s Centres Review']),
    ).toHaveLength(1);
  });

  test('in any of the texts, across white space as typed', () => {
    expect(codes(['Budget', 'That locality\u00a0 working continue.', 'That the CCR be noted.'])).toEqual(['CCR', 'LW']);
  });

  test('not part of a longer word', () => {
    expect(codes(['Family Hubsworth', 'Pre-Family Hubs'])).toEqual(['FH-2018']);
    expect(codes(['Family Hubsworth'])).toEqual([]);
  });

  test('keeps the order it was given (the service passes programmes by code)', () => {
    expect(codes(['Locality Working and Family Hubs'])).toEqual(['FH-2018', 'LW']);
  });
});
