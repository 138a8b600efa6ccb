import { App, ExpressReceiver, LogLevel, type AckFn, type RespondArguments, type RespondFn, type SlashCommand } from '@slack/bolt';
import { Router } from 'express';
import { Client, Practice } from '../../db/models';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../services/context';
import { findClinicianBySlackUser } from '../../services/clinicians';
import { handleOnce } from '../../services/inbound-webhooks';
import { invitationSchema, inviteContact } from '../../services/invitations';
import { clientLabel } from './labels';
import { parsePortalCommand, PORTAL_HELP } from './commands';

const NOT_A_CLINICIAN = 'This Slack account is not linked to a clinician of the practice, so it cannot use the portal. Ask an admin to link it.';

/**
 * Slack in HTTP mode on the portal's own server. Bolt checks the signing secret and the 5-minute
 * timestamp window before any of this runs; commands are acknowledged at once and finished through
 * `respond()`, well inside Slack's 3-second limit.
 */
export function slackRoutes(ctx: ServiceContext): Router {
  const { signingSecret, botToken, apiUrl } = ctx.config.slack;
  const router = Router();
  if (!signingSecret) {
    router.post('/slack/events', (_req, res) => void res.status(503).type('text/plain').send('Slack is not configured'));
    return router;
  }

  const receiver = new ExpressReceiver({ signingSecret, endpoints: '/slack/events', router, processBeforeResponse: false, logLevel: LogLevel.ERROR });
  const app = new App({
    receiver,
    // Without a bot token (local runs) nothing is posted to Slack, and Bolt must not ask Slack who the bot
    // is on the first request (it would hang past the 3-second ack), so the bot's ids are stated.
    ...(botToken
      ? { token: botToken }
      : { token: 'xoxb-not-configured', tokenVerificationEnabled: false, botId: 'B0LOCAL', botUserId: 'U0LOCAL' }),
    clientOptions: apiUrl ? { slackApiUrl: apiUrl } : undefined,
    logLevel: LogLevel.ERROR,
  });

  app.command('/portal', async ({ command, ack, respond }) => {
    const handled = await handleOnce('slack', command.trigger_id, () => portalCommand(command, ack, respond));
    if (handled.duplicate) await ack();
  });

  async function portalCommand(command: SlashCommand, ack: AckFn<string | RespondArguments>, respond: RespondFn): Promise<void> {
    const clinician = await findClinicianBySlackUser(command.user_id);
    if (!clinician) return ack({ response_type: 'ephemeral', text: NOT_A_CLINICIAN });

    const parsed = parsePortalCommand(command.text);
    if (parsed.kind === 'help') return ack({ response_type: 'ephemeral', text: PORTAL_HELP });
    if (parsed.kind === 'invalid') return ack({ response_type: 'ephemeral', text: parsed.message });

    const input = invitationSchema.safeParse({ email: parsed.email, name: parsed.name });
    if (!input.success) return ack({ response_type: 'ephemeral', text: `Not sent: ${input.error.issues.map((issue) => issue.message).join('; ')}` });

    await ack({ response_type: 'ephemeral', text: 'Sending the invitation…' });
    const actor = { type: 'clinician' as const, clinician, channel: 'slack' as const };
    try {
      const result = await inviteContact(ctx, actor, { email: parsed.email, name: parsed.name });
      const client = await Client.findByPk(result.clientId);
      const practice = await Practice.findByPk(clinician.practiceId);
      const label = client ? clientLabel(client.displayName, Boolean(practice?.slackShowsClientNames)) : 'Client';
      const what = result.created ? 'Invitation sent to' : 'A new sign-in link was sent to';
      await respond({ response_type: 'ephemeral', replace_original: true, text: `${what} ${label} (client \`${result.clientId.slice(0, 8)}\`).` });
    } catch (error) {
      if (!(error instanceof AppError)) {
        await respond({ response_type: 'ephemeral', replace_original: true, text: 'Not sent: something went wrong on our side. Please try again.' });
        throw error;
      }
      await respond({ response_type: 'ephemeral', replace_original: true, text: `Not sent: ${error.message}` });
    }
  }

  app.error(async (error) => {
    ctx.log.error({ err: error.original ?? error, code: error.code }, 'slack handler failed');
  });

  return router;
}
