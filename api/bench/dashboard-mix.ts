import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../src/config.js';

/** One named operation from schema/operations with the variables a page sends. */
export interface OperationCall {
  operation: string;
  variables: Record<string, unknown>;
}

/** loadtest/k6/lib/dashboard-mix.js, plain JavaScript shared with the k6 scenarios. */
interface DashboardMixModule {
  dashboardPageLoads(lastDay: string, customerId?: string): { page: string; calls: OperationCall[] }[];
  dashboardMix(lastDay: string, customerId?: string): OperationCall[];
}

/**
 * What the dashboard's pages send on load for the default filters (the 30 days up to `lastDay`), the
 * same list the k6 dashboard scenario sends.
 */
export async function loadDashboardMix(): Promise<DashboardMixModule> {
  const file = pathToFileURL(join(REPO_ROOT, 'loadtest', 'k6', 'lib', 'dashboard-mix.js'));
  return (await import(file.href)) as DashboardMixModule;
}
