import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { invitationSchema } from '../services/invitations';
import { selectProfileSchema } from '../services/profiles';
import { signInLinkRequestSchema } from '../services/sign-in-links';

const error = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const profile = z.object({
  id: z.uuid(),
  displayName: z.string(),
  kind: z.enum(['individual', 'couple', 'minor']),
  relationship: z.enum(['self', 'partner', 'guardian']),
  enabledFeatures: z.array(z.enum(['appointments', 'documents', 'billing', 'messages'])),
});
const me = z.object({
  contact: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
  profiles: z.array(profile),
  currentProfileId: z.uuid().nullable(),
});
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

/** The OpenAPI document served at /docs, built from the same zod schemas the services validate with. */
export function openApiDocument(publicUrl: string) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'portal_session' });
  registry.registerComponent('securitySchemes', 'clinicianToken', { type: 'http', scheme: 'bearer' });

  registry.registerPath({
    method: 'post',
    path: '/api/auth/sign-in-link',
    summary: 'Email a one-time sign-in link (same answer whether or not the address is known)',
    request: { body: { content: { 'application/json': { schema: signInLinkRequestSchema } } } },
    responses: { 202: json(z.object({ message: z.string() }), 'Accepted'), 400: json(error, 'Invalid email'), 429: json(error, 'Rate limited') },
  });
  registry.registerPath({ method: 'post', path: '/api/auth/sign-out', summary: 'End the session', responses: { 204: { description: 'Signed out' } } });
  registry.registerPath({
    method: 'get',
    path: '/api/me',
    summary: "The signed-in contact and the profiles they may act for",
    security: [{ session: [] }],
    responses: { 200: json(me, 'The contact'), 401: json(error, 'Not signed in') },
  });
  registry.registerPath({
    method: 'put',
    path: '/api/me/profile',
    summary: 'Choose the profile that scopes every later read and write',
    security: [{ session: [] }],
    request: { body: { content: { 'application/json': { schema: selectProfileSchema } } } },
    responses: { 200: json(profile, 'Chosen'), 404: json(error, 'Not one of your profiles') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/profiles/{profileId}',
    summary: 'One of your profiles',
    security: [{ session: [] }],
    request: { params: z.object({ profileId: z.uuid() }) },
    responses: { 200: json(profile, 'The profile'), 404: json(error, 'Not one of your profiles') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/clinician/invitations',
    summary: 'Invite a person to the portal (welcome email with a one-time link)',
    security: [{ clinicianToken: [] }],
    request: { body: { content: { 'application/json': { schema: invitationSchema } } } },
    responses: {
      201: json(z.object({ contactId: z.uuid(), clientId: z.uuid(), created: z.boolean() }), 'Invited a new contact'),
      200: json(z.object({ contactId: z.uuid(), clientId: z.uuid(), created: z.boolean() }), 'Sent a known contact a new welcome link'),
      403: json(error, 'Not your client'),
    },
  });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Client portal API', version: '0.1.0' },
    servers: [{ url: publicUrl }],
  });
}
