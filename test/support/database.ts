import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { sharedService } from '../setup/shared-services';

/** A fresh, empty database on the shared test server, so each test file owns its data. */
export async function createTestDatabase(): Promise<string> {
  const adminUrl = sharedService('adminDatabaseUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
