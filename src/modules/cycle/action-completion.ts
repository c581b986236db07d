import { badInput } from '../../errors';
import { ActionStatus } from './committee-action.entity';

/**
 * The completedOn an action keeps after an update: the one given (null clears it), else the one it
 * had. DONE needs one, given or already set; other statuses may keep theirs (a reopened action
 * still shows when it was thought done, until cleared).
 */
export function completedOnAfter(
  before: { status: ActionStatus; completedOn: string | null },
  input: { status?: ActionStatus; completedOn?: string | null },
): string | null {
  const status = input.status ?? before.status;
  const completedOn = input.completedOn === undefined ? before.completedOn : input.completedOn;
  if (status === 'DONE' && !completedOn) throw badInput('completedOn', 'A DONE action needs its completedOn');
  return completedOn;
}
