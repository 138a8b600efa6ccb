import { Op } from 'sequelize';
import { clientLabel } from '../bots/slack/labels';
import { Client, ClientContact, Clinician, Contact, Practice, SignInToken } from '../db/models';
import type { Notifier } from './notify/notifier';
import { render } from './templates';

/**
 * Tells each clinician on Slack when one of their clients first signs in, so they know the portal
 * invitation worked. Initials and a short client id only, unless the practice opted into names.
 */
export function createClinicianNoticeActivities({ notifier }: { notifier: Notifier }) {
  return {
    async announceFirstSignIn({ contactId }: { contactId: string }): Promise<void> {
      const redeemed = await SignInToken.count({ where: { contactId, usedAt: { [Op.ne]: null } } });
      if (redeemed !== 1) return;
      const contact = await Contact.findByPk(contactId, { include: [{ model: Practice, as: 'practice' }] });
      if (!contact) return;
      const practice = (contact as Contact & { practice: Practice }).practice;
      const memberships = await ClientContact.findAll({
        where: { contactId },
        include: [{ model: Client, as: 'client', include: [{ model: Clinician, as: 'clinician' }] }],
      });

      const firstProfileByClinician = new Map<string, { clinician: Clinician; clientId: string }>();
      for (const membership of memberships) {
        const client = (membership as ClientContact & { client: Client & { clinician: Clinician } }).client;
        if (client.clinician.slackUserId && !firstProfileByClinician.has(client.clinician.id)) {
          firstProfileByClinician.set(client.clinician.id, { clinician: client.clinician, clientId: client.id });
        }
      }
      for (const { clinician, clientId } of firstProfileByClinician.values()) {
        const content = render('first-sign-in', { clientLabel: clientLabel(contact.name, practice.slackShowsClientNames), clientId });
        await notifier.deliver({ id: `first-sign-in:${contactId}:${clinician.id}`, channel: 'slack', recipient: clinician.slackUserId!, template: 'first-sign-in', ...content });
      }
    },
  };
}

export type ClinicianNoticeActivities = ReturnType<typeof createClinicianNoticeActivities>;
