import { DataTypes, type QueryInterface } from 'sequelize';

const id = { type: DataTypes.UUID, primaryKey: true, allowNull: false };
const reference = (table: string, onDelete: 'CASCADE' | 'RESTRICT' | 'SET NULL' = 'CASCADE', allowNull = false) => ({
  type: DataTypes.UUID,
  allowNull,
  references: { model: table, key: 'id' },
  onDelete,
});
const timestamps = {
  created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  updated_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
};

export async function up({ context: db }: { context: QueryInterface }): Promise<void> {
  await db.createTable('practices', {
    id,
    name: { type: DataTypes.TEXT, allowNull: false },
    contact_email: { type: DataTypes.TEXT, allowNull: false },
    contact_phone: { type: DataTypes.TEXT, allowNull: true },
    timezone: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'UTC' },
    slack_shows_client_names: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    ...timestamps,
  });

  await db.createTable('clinicians', {
    id,
    practice_id: reference('practices'),
    name: { type: DataTypes.TEXT, allowNull: false },
    email: { type: DataTypes.TEXT, allowNull: false, unique: true },
    role: { type: DataTypes.ENUM('clinician', 'admin'), allowNull: false, defaultValue: 'clinician' },
    slack_user_id: { type: DataTypes.TEXT, allowNull: true, unique: true },
    ...timestamps,
  });

  await db.createTable('clinician_api_tokens', {
    id,
    clinician_id: reference('clinicians'),
    token_hash: { type: DataTypes.CHAR(64), allowNull: false, unique: true },
    label: { type: DataTypes.TEXT, allowNull: false },
    revoked_at: { type: DataTypes.DATE, allowNull: true },
    created_at: timestamps.created_at,
  });

  await db.createTable('clients', {
    id,
    practice_id: reference('practices'),
    clinician_id: reference('clinicians', 'RESTRICT'),
    kind: { type: DataTypes.ENUM('individual', 'couple', 'minor'), allowNull: false },
    display_name: { type: DataTypes.TEXT, allowNull: false },
    enabled_features: {
      type: DataTypes.ARRAY(DataTypes.TEXT),
      allowNull: false,
      defaultValue: ['appointments', 'documents', 'billing', 'messages'],
    },
    ...timestamps,
  });
  await db.addIndex('clients', ['clinician_id']);

  await db.createTable('contacts', {
    id,
    practice_id: reference('practices'),
    name: { type: DataTypes.TEXT, allowNull: false },
    email: { type: DataTypes.TEXT, allowNull: false },
    phone: { type: DataTypes.TEXT, allowNull: true },
    sms_consent_at: { type: DataTypes.DATE, allowNull: true },
    sms_opted_out_at: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });
  // Emails are compared case-insensitively; phones are stored in E.164 so equality is enough.
  await db.sequelize.query('CREATE UNIQUE INDEX contacts_email_unique ON contacts (lower(email))');
  await db.addIndex('contacts', ['phone'], { unique: true, name: 'contacts_phone_unique' });

  await db.createTable('client_contacts', {
    client_id: { ...reference('clients'), primaryKey: true },
    contact_id: { ...reference('contacts'), primaryKey: true },
    relationship: { type: DataTypes.ENUM('self', 'partner', 'guardian'), allowNull: false },
    created_at: timestamps.created_at,
  });
  await db.addIndex('client_contacts', ['contact_id']);

  await db.createTable('sign_in_tokens', {
    id,
    contact_id: reference('contacts'),
    token_hash: { type: DataTypes.CHAR(64), allowNull: false, unique: true },
    reason: { type: DataTypes.ENUM('invite', 'request'), allowNull: false },
    expires_at: { type: DataTypes.DATE, allowNull: false },
    used_at: { type: DataTypes.DATE, allowNull: true },
    superseded_at: { type: DataTypes.DATE, allowNull: true },
    expired_at: { type: DataTypes.DATE, allowNull: true },
    created_at: timestamps.created_at,
  });
  await db.addIndex('sign_in_tokens', ['contact_id']);

  await db.createTable('sessions', {
    id,
    token_hash: { type: DataTypes.CHAR(64), allowNull: false, unique: true },
    contact_id: reference('contacts'),
    client_id: reference('clients', 'SET NULL', true),
    last_seen_at: { type: DataTypes.DATE, allowNull: false },
    ended_at: { type: DataTypes.DATE, allowNull: true },
    end_reason: { type: DataTypes.ENUM('signed_out', 'idle'), allowNull: true },
    created_at: timestamps.created_at,
  });

  await db.createTable('audit_events', {
    id: { type: DataTypes.BIGINT, autoIncrement: true, primaryKey: true },
    at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
    actor_type: { type: DataTypes.ENUM('contact', 'clinician', 'system', 'anonymous'), allowNull: false },
    actor_id: { type: DataTypes.UUID, allowNull: true },
    action: { type: DataTypes.TEXT, allowNull: false },
    channel: { type: DataTypes.ENUM('portal', 'api', 'email', 'sms', 'slack', 'workflow', 'cli'), allowNull: false },
    client_id: { type: DataTypes.UUID, allowNull: true },
    contact_id: { type: DataTypes.UUID, allowNull: true },
    details: { type: DataTypes.JSONB, allowNull: false, defaultValue: {} },
  });
  await db.addIndex('audit_events', ['client_id', 'at']);
  await db.addIndex('audit_events', ['contact_id', 'at']);

  await db.createTable('outbox', {
    id: { type: DataTypes.TEXT, primaryKey: true, allowNull: false },
    channel: { type: DataTypes.ENUM('email', 'sms', 'slack'), allowNull: false },
    recipient: { type: DataTypes.TEXT, allowNull: false },
    template: { type: DataTypes.TEXT, allowNull: false },
    subject: { type: DataTypes.TEXT, allowNull: true },
    body: { type: DataTypes.TEXT, allowNull: true },
    status: { type: DataTypes.ENUM('pending', 'sent', 'held', 'failed', 'suppressed'), allowNull: false },
    provider_message_id: { type: DataTypes.TEXT, allowNull: true },
    delivery_status: { type: DataTypes.TEXT, allowNull: true },
    attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    error: { type: DataTypes.TEXT, allowNull: true },
    sent_at: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });
  await db.addIndex('outbox', ['provider_message_id']);
  await db.addIndex('outbox', ['created_at']);

  // Inbound webhook ids already handled, so a provider's retry is acknowledged without acting twice.
  await db.createTable('inbound_webhooks', {
    provider: { type: DataTypes.ENUM('twilio', 'slack'), primaryKey: true },
    external_id: { type: DataTypes.TEXT, primaryKey: true },
    received_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  });
}

export async function down({ context: db }: { context: QueryInterface }): Promise<void> {
  for (const table of [
    'inbound_webhooks',
    'outbox',
    'audit_events',
    'sessions',
    'sign_in_tokens',
    'client_contacts',
    'contacts',
    'clients',
    'clinician_api_tokens',
    'clinicians',
    'practices',
  ]) {
    await db.dropTable(table, { cascade: true });
  }
  await db.sequelize.query(
    `DROP TYPE IF EXISTS ${[
      'enum_inbound_webhooks_provider',
      'enum_outbox_channel',
      'enum_outbox_status',
      'enum_audit_events_actor_type',
      'enum_audit_events_channel',
      'enum_sessions_end_reason',
      'enum_sign_in_tokens_reason',
      'enum_client_contacts_relationship',
      'enum_clients_kind',
      'enum_clinicians_role',
    ].join(', ')}`,
  );
}
