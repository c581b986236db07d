import { forbidden, unauthenticated } from '../errors';
import { Caller, Role } from './caller';

/** Every field of Query and Mutation but createOrganisation starts here. */
export function requireCaller(ctx: { caller: Caller | null }): Caller {
  if (!ctx.caller) throw unauthenticated();
  return ctx.caller;
}

export function requireRole(caller: Caller, ...roles: Role[]): void {
  if (!roles.includes(caller.role)) throw forbidden(`This needs the role ${roles.join(' or ')}`);
}

/** ADMIN edits every programme; a PROGRAMME_MANAGER only those it is assigned to. */
export function requireProgrammeEditor(caller: Caller, programmeId: string): void {
  if (caller.role === 'ADMIN') return;
  if (caller.role === 'PROGRAMME_MANAGER' && caller.programmeIds.has(programmeId)) return;
  throw forbidden(
    caller.role === 'PROGRAMME_MANAGER'
      ? 'You are not assigned to this programme'
      : 'Your role does not allow editing programmes',
  );
}

/** Whether the caller sees confidential risks (exempt information). */
export function seesConfidential(caller: Caller): boolean {
  return caller.role !== 'MEMBER';
}
