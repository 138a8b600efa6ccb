import type { Channel, Clinician } from '../db/models';

/** Who is asking, and through which channel. Every service operation takes one. */
export type Actor =
  | { type: 'contact'; contactId: string; channel: Channel }
  | { type: 'clinician'; clinician: Clinician; channel: Channel }
  | { type: 'anonymous'; channel: Channel; ip?: string };

export function auditActor(actor: Actor): { actorType: 'contact' | 'clinician' | 'anonymous'; actorId: string | null; channel: Channel } {
  switch (actor.type) {
    case 'contact':
      return { actorType: 'contact', actorId: actor.contactId, channel: actor.channel };
    case 'clinician':
      return { actorType: 'clinician', actorId: actor.clinician.id, channel: actor.channel };
    case 'anonymous':
      return { actorType: 'anonymous', actorId: null, channel: actor.channel };
  }
}
