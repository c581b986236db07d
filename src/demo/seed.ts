import { seedOrganisation, DemoOrganisation } from './organisation';
import { seedResolutions } from './resolutions';

/** Seeds the whole demo organisation through the API. Each domain adds its part here. */
export async function seedDemo(url: string, operatorSecret: string): Promise<DemoOrganisation> {
  const org = await seedOrganisation(url, operatorSecret);
  await seedResolutions(org.admin, org.programmeIds);
  return org;
}
