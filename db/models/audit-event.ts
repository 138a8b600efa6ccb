import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

export type ActorType = 'contact' | 'clinician' | 'system' | 'anonymous';
export type Channel = 'portal' | 'api' | 'email' | 'sms' | 'slack' | 'workflow' | 'cli';

/** Who did what, to which profile, when, and through which channel. Append-only. */
export class AuditEvent extends Model<InferAttributes<AuditEvent>, InferCreationAttributes<AuditEvent>> {
  declare id: CreationOptional<string>;
  declare at: CreationOptional<Date>;
  declare actorType: ActorType;
  declare actorId: string | null;
  declare action: string;
  declare channel: Channel;
  declare clientId: string | null;
  declare contactId: string | null;
  declare details: CreationOptional<Record<string, unknown>>;

  static initModel(sequelize: Sequelize): void {
    AuditEvent.init(
      {
        id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
        at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
        actorType: { type: DataTypes.ENUM('contact', 'clinician', 'system', 'anonymous'), allowNull: false },
        actorId: { type: DataTypes.UUID, allowNull: true },
        action: { type: DataTypes.TEXT, allowNull: false },
        channel: { type: DataTypes.ENUM('portal', 'api', 'email', 'sms', 'slack', 'workflow', 'cli'), allowNull: false },
        clientId: { type: DataTypes.UUID, allowNull: true },
        contactId: { type: DataTypes.UUID, allowNull: true },
        details: { type: DataTypes.JSONB, allowNull: false, defaultValue: {} },
      },
      { sequelize, tableName: 'audit_events', underscored: true, timestamps: false },
    );
  }
}
