import { Call } from './client';
import { ProgrammeCode } from './organisation';
import history from './health.json';

interface HealthReport {
  asOf: string;
  rating: 'GREEN' | 'AMBER' | 'RED';
  commentary: string;
}

/** Each programme's health reports, oldest first: data, kept as data (health.json). */
const HISTORY = history as Record<ProgrammeCode, HealthReport[]>;

/**
 * Programme health (issue 17): every programme's RAG reports through its life, recorded by its
 * programme manager where it has one (so the history is signed as a council's would be), by the
 * ADMIN otherwise.
 */
export async function seedHealth(admin: Call, manager: Call, programmeIds: Record<ProgrammeCode, string>) {
  const { me } = await manager<{ me: { programmes: { code: ProgrammeCode }[] } }>(`{ me { programmes { code } } }`);
  const managed = new Set(me.programmes.map((p) => p.code));
  for (const [code, reports] of Object.entries(HISTORY) as [ProgrammeCode, HealthReport[]][]) {
    const as = managed.has(code) ? manager : admin;
    for (const report of reports)
      await as(
        `mutation($p: ID!, $rating: Rating!, $commentary: String!, $asOf: Date) {
          reportProgrammeHealth(programmeId: $p, rating: $rating, commentary: $commentary, asOf: $asOf) { id } }`,
        { p: programmeIds[code], ...report },
      );
  }
}
