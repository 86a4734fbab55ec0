/**
 * The Regions where HealthLake is offered. Neither the service model nor the SDK's endpoint rules list them
 * (the rules build a host for any Region), so this is the AWS General Reference's "AWS HealthLake endpoints and
 * quotas" table; FIPS endpoints exist in the US Regions only. Loads nothing: the start screen may use it.
 */

/** One Region: its code, its name, and whether it has a FIPS endpoint. */
export interface HealthLakeRegion {
  code: string;
  name: string;
  fips: boolean;
}

/** In the General Reference's order. */
export const HEALTHLAKE_REGIONS: readonly HealthLakeRegion[] = [
  { code: 'us-east-2', name: 'US East (Ohio)', fips: true },
  { code: 'us-east-1', name: 'US East (N. Virginia)', fips: true },
  { code: 'us-west-2', name: 'US West (Oregon)', fips: true },
  { code: 'ap-south-1', name: 'Asia Pacific (Mumbai)', fips: false },
  { code: 'ap-southeast-2', name: 'Asia Pacific (Sydney)', fips: false },
  { code: 'ca-central-1', name: 'Canada (Central)', fips: false },
  { code: 'eu-west-1', name: 'Europe (Ireland)', fips: false },
  { code: 'eu-west-2', name: 'Europe (London)', fips: false },
];

/** True when HealthLake is offered in the Region. */
export function isHealthLakeRegion(code: string): boolean {
  return HEALTHLAKE_REGIONS.some((region) => region.code === code);
}

/** The Regions whose code or name holds the typed text (any case, words in any order): the picker's filter. */
export function regionsMatching(typed: string): HealthLakeRegion[] {
  const words = typed.toLowerCase().split(/\s+/).filter(Boolean);
  return HEALTHLAKE_REGIONS.filter((region) => {
    const text = `${region.code} ${region.name}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
