// Selections that several of the page's queries ask for the same components: written once, so a
// field the component comes to need is added in one place.
import { graphql } from './gql';

/** What CommitteeActions and ActionsTable show of an action (the meeting's id places it in the programme's history). */
export const CommitteeActionRowFragment = graphql(`
  fragment CommitteeActionRow on CommitteeAction {
    id
    text
    owner
    dueDate
    status
    completedOn
    overdue
    meeting {
      id
      date
      committee {
        name
      }
    }
    reportTo {
      name
    }
    resolution {
      agendaItem
      number
    }
  }
`);

/** What DecisionTrail shows of a resolution. */
export const TrailResolutionFragment = graphql(`
  fragment TrailResolution on Resolution {
    id
    agendaItem
    number
    text
    meeting {
      id
      date
      committee {
        name
      }
    }
  }
`);
