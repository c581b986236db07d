import { DateText } from './common';

export interface TrailResolution {
  id: string;
  agendaItem: string;
  number?: string | null;
  text: string;
  meeting: { date: string; committee: { name: string } };
}

/** Resolutions in the order the API gives them: newest meeting first. */
export function DecisionTrail({ resolutions }: { resolutions: readonly TrailResolution[] }) {
  if (!resolutions.length) return <p>No resolution is linked.</p>;
  return (
    <ol class="decision-trail">
      {resolutions.map((r) => (
        <li key={r.id}>
          <p class="decision-trail__meeting">
            <DateText value={r.meeting.date} />, {r.meeting.committee.name}
          </p>
          <p class="decision-trail__item">
            {r.agendaItem}
            {r.number ? `, resolution ${r.number}` : ''}
          </p>
          <p>{r.text}</p>
        </li>
      ))}
    </ol>
  );
}
