import { Resolvers } from '../../generated/graphql';
import { importLedgerActuals } from './ledger-import.service';
import { savingsReconciliation } from './reconciliation.service';
import { deleteSavingsDelivery, deleteSavingsLine } from './savings-deletion.service';
import { rephaseSavings, writeOffSavings } from './savings-phasing.service';
import { createSavingsLine, recordSavingsDelivery, updateSavingsLine } from './savings.service';
import { savingsLineProjection } from './savings.entity';
import { resolverOf } from '../../graphql/reads';
import { riskProjection } from '../risk/risk.entity';
import { changeRiskSavingsLink } from './risk-link.service';

export const savingsResolvers: Resolvers = {
  Query: {
    savingsReconciliation: (_, args, ctx) => savingsReconciliation(ctx, args),
  },
  Mutation: {
    createSavingsLine: (_, { input }, ctx) => createSavingsLine(ctx, input),
    updateSavingsLine: (_, args, ctx) => updateSavingsLine(ctx, args),
    recordSavingsDelivery: (_, { savingsLineId, input }, ctx) => recordSavingsDelivery(ctx, savingsLineId, input),
    importLedgerActuals: (_, { csv, dryRun }, ctx) => importLedgerActuals(ctx, csv, dryRun ?? false),
    deleteSavingsLine: (_, { id, expectedVersion, reason }, ctx) => deleteSavingsLine(ctx, id, expectedVersion, reason),
    deleteSavingsDelivery: (_, { id, reason }, ctx) => deleteSavingsDelivery(ctx, id, reason),
    rephaseSavings: (_, args, ctx) => rephaseSavings(ctx, args),
    writeOffSavings: (_, args, ctx) => writeOffSavings(ctx, args),
    linkRiskToSavingsLine: (_, { riskId, savingsLineId }, ctx) => changeRiskSavingsLink(ctx, riskId, savingsLineId, true),
    unlinkRiskFromSavingsLine: (_, { riskId, savingsLineId }, ctx) => changeRiskSavingsLink(ctx, riskId, savingsLineId, false),
  },
  SavingsLine: {
    programme: resolverOf(['programmeId'], async (line, _, ctx) => (await ctx.loaders.programmeById.load(line.programmeId))!),
    deliveries: resolverOf(['id'], (line, _, ctx) => ctx.loaders.savingsDeliveriesByLineId.load(line.id)),
    changes: resolverOf(['id'], (line, _, ctx) => ctx.loaders.savingsChangesByLineId.load(line.id)),
    threatenedBy: resolverOf(['id'], (line, _, ctx, info) =>
      ctx.loaders.threatenedByLineId(riskProjection.fieldsFor(info)).load(line.id),
    ),
    replaces: resolverOf(['replacesId'], (line, _, ctx) =>
      line.replacesId ? ctx.loaders.savingsLineById.load(line.replacesId) : null,
    ),
    // the deprecated RAG view of the BRAG rating: unrated and delivered read as on course
    confidence: resolverOf(['deliveryConfidence'], (line) =>
      line.deliveryConfidence === 'NOT_RATED' || line.deliveryConfidence === 'BLUE' ? 'GREEN' : line.deliveryConfidence,
    ),
  },
  SavingsChange: {
    resolution: (change, _, ctx) => (change.resolutionId ? ctx.loaders.resolutionById.load(change.resolutionId) : null),
  },
  Programme: {
    savingsLines: resolverOf(['id'], (programme, _, ctx, info) =>
      ctx.loaders.savingsLinesByProgrammeId(savingsLineProjection.fieldsFor(info)).load(programme.id),
    ),
  },
  Risk: {
    threatensSavings: resolverOf(['id'], (risk, _, ctx, info) =>
      ctx.loaders.savingsLinesByRiskId(savingsLineProjection.fieldsFor(info)).load(risk.id),
    ),
  },
};
