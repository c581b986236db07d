import { seedOrganisation, DemoOrganisation } from './organisation';
import { seedCorrections } from './corrections';
import { seedMilestones } from './milestones';
import { seedResolutions } from './resolutions';
import { seedSavings } from './savings';
import { seedRisks } from './risks';
import { seedIssues } from './issues';
import { seedRiskSavings } from './risk-savings';
import { seedRiskDepth } from './risk-depth';
import { seedCommitteeCycle } from './committee-cycle';
import { seedHealth } from './health';
import { demoClient } from './client';

/** Seeds the whole demo organisation through the API. Each domain adds its part here. */
export async function seedDemo(url: string, operatorSecret: string): Promise<DemoOrganisation> {
  const org = await seedOrganisation(url, operatorSecret);
  const resolutionIds = await seedResolutions(org.admin, org.programmeIds);
  await seedMilestones(org.admin, org.programmeIds, resolutionIds);
  await seedSavings(url, org, resolutionIds);
  await seedRisks(org.admin, org.programmeIds, resolutionIds);
  await seedRiskSavings(org.admin, org.programmeIds);
  await seedRiskDepth(org.admin);
  await seedIssues(org.admin, org.programmeIds, resolutionIds);
  await seedCommitteeCycle(org.admin, org.programmeIds, resolutionIds);
  await seedCorrections(org.admin, org.programmeIds);
  await seedHealth(org.admin, demoClient(url, org.tokens.PROGRAMME_MANAGER), org.programmeIds);
  return org;
}
