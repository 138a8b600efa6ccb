import { Clinician, ClinicianApiToken } from '../db/models';
import { hashToken, newSecretToken } from '../lib/tokens';

/** The clinician a Slack user is mapped to, or null for a Slack user the practice does not know. */
export function findClinicianBySlackUser(slackUserId: string): Promise<Clinician | null> {
  return Clinician.findOne({ where: { slackUserId } });
}

/** The clinician behind a clinician-API bearer token, or null. */
export async function findClinicianByApiToken(token: string): Promise<Clinician | null> {
  const row = await ClinicianApiToken.findOne({ where: { tokenHash: hashToken(token), revokedAt: null } });
  return row ? Clinician.findByPk(row.clinicianId) : null;
}

/** Issues a bearer token for the clinician API. The token is shown once; only its hash is kept. */
export async function createClinicianApiToken(clinicianId: string, label: string): Promise<string> {
  const token = `cpt_${newSecretToken()}`;
  await ClinicianApiToken.create({ clinicianId, label, tokenHash: hashToken(token), revokedAt: null });
  return token;
}
