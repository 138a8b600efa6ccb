/** Environment variables global setup hands to every test file (jest workers inherit process.env). */
export const SHARED = {
  adminDatabaseUrl: 'TEST_ADMIN_DATABASE_URL',
  temporalAddress: 'TEST_TEMPORAL_ADDRESS',
  workflowBundle: 'TEST_WORKFLOW_BUNDLE',
} as const;

export function sharedService(name: keyof typeof SHARED): string {
  const value = process.env[SHARED[name]];
  if (!value) throw new Error(`${SHARED[name]} is not set: run the tests through jest (npm test), whose global setup starts the services`);
  return value;
}
