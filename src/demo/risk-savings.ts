import { Call } from './client';
import { ProgrammeCode } from './organisation';

/**
 * Risks linked to the savings they threaten: ICS-2011's "Savings of £552K a year are not achieved"
 * threatens its staffing restructure, and the confidential redundancy-cost risk its change costs,
 * so members see one threat where officers see two; CCR-2019's £1m budget risk threatens its
 * staffing saving.
 */
const LINKS: { programme: ProgrammeCode; risk: string; line: string; year: string }[] = [
  { programme: 'ICS-2011', risk: 'R02', line: 'Management and staffing restructure', year: '2012/13' },
  { programme: 'ICS-2011', risk: 'R02', line: 'Management and staffing restructure', year: '2013/14' },
  { programme: 'ICS-2011', risk: 'R04', line: 'Management and staffing restructure', year: '2012/13' },
  { programme: 'ICS-2011', risk: 'R01', line: 'Office moves and premises rationalisation', year: '2012/13' },
  { programme: 'CCR-2019', risk: 'R02', line: 'Children’s centre staffing (60 posts)', year: '2020/21' },
];

interface Programme {
  risks: { id: string; reference: string }[];
  savingsLines: { id: string; description: string; financialYear: string }[];
}

export async function seedRiskSavings(admin: Call, programmeIds: Record<ProgrammeCode, string>): Promise<void> {
  for (const l of LINKS) {
    const { programme } = await admin<{ programme: Programme }>(
      `query($id: ID!) { programme(id: $id) { risks { id reference } savingsLines { id description financialYear } } }`,
      { id: programmeIds[l.programme] },
    );
    const risk = programme.risks.find((r) => r.reference === l.risk);
    const line = programme.savingsLines.find((s) => s.description === l.line && s.financialYear === l.year);
    if (!risk || !line) throw new Error(`demo risk-savings link ${JSON.stringify(l)} names nothing`);
    await admin(`mutation($r: ID!, $l: ID!) { linkRiskToSavingsLine(riskId: $r, savingsLineId: $l) { id } }`, {
      r: risk.id,
      l: line.id,
    });
  }
}
