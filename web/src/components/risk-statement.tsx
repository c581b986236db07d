// A risk as registers write it: cause, then the event (its title), then the effect, with the
// chosen treatment and its proximity; and whether it is on the corporate register, in words.
// Shared by the programme page, the risk page and the report pack.
import { date, label } from '../format';

export interface RiskStatementFields {
  title: string;
  cause?: string | null;
  effect?: string | null;
  treatment?: string | null;
  proximity?: string | null;
}

/** Written, not coloured: a printout in black and white still says it. */
export function EscalatedMarker({ escalated }: { escalated: boolean }) {
  return escalated ? (
    <p class="escalated">
      <strong>Escalated to the corporate register</strong>
    </p>
  ) : null;
}

/** Only what is set; the event is written only between a cause and an effect, as the title already heads the risk. */
export function RiskStatement({ risk }: { risk: RiskStatementFields }) {
  const parts: [string, string][] = [];
  if (risk.cause || risk.effect) {
    if (risk.cause) parts.push(['Cause', risk.cause]);
    parts.push(['Event', risk.title]);
    if (risk.effect) parts.push(['Effect', risk.effect]);
  }
  if (risk.treatment) parts.push(['Treatment', label(risk.treatment)]);
  if (risk.proximity) parts.push(['Proximity', date(risk.proximity)]);
  if (!parts.length) return null;
  return (
    <dl class="risk-statement">
      {parts.map(([term, text]) => (
        <div key={term} data-part={term.toLowerCase()}>
          <dt>{term}</dt>
          <dd>{text}</dd>
        </div>
      ))}
    </dl>
  );
}
