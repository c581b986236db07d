/** A programme as the API reads it (programmes table, columns named as the GraphQL fields). */
export interface ProgrammeRow {
  id: string;
  code: string;
  name: string;
  description: string | null;
  status: string;
  owner: string | null;
  startDate: string | null;
  endDate: string | null;
  version: number;
  updatedAt: Date;
}

export const programmeColumns = (p: string) =>
  `${p}.id, ${p}.code, ${p}.name, ${p}.description, ${p}.status, ${p}.owner, ${p}.start_date AS "startDate",
   ${p}.end_date AS "endDate", ${p}.version, ${p}.updated_at AS "updatedAt"`;
