// Who is calling the site API: the key's site and environment decide which deployed version a
// conversation runs and which conversations the caller may see.
import type { Environment } from '../../shared/index.ts';

export interface SiteCaller {
  keyId: string;
  siteId: string;
  environment: Environment;
}
