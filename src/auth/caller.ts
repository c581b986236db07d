export type Role = 'ADMIN' | 'PROGRAMME_MANAGER' | 'FINANCE' | 'MEMBER';

/** The authenticated user a request acts for. */
export interface Caller {
  userId: string;
  organisationId: string;
  email: string;
  role: Role;
  /** Programmes a PROGRAMME_MANAGER is assigned to. */
  programmeIds: ReadonlySet<string>;
}
