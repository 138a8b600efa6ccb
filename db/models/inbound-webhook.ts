import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** Ids of inbound webhooks already handled (Twilio MessageSid, Slack trigger or event id). */
export class InboundWebhook extends Model<InferAttributes<InboundWebhook>, InferCreationAttributes<InboundWebhook>> {
  declare provider: 'twilio' | 'slack';
  declare externalId: string;
  declare receivedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    InboundWebhook.init(
      {
        provider: { type: DataTypes.ENUM('twilio', 'slack'), primaryKey: true },
        externalId: { type: DataTypes.TEXT, primaryKey: true },
        receivedAt: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
      },
      { sequelize, tableName: 'inbound_webhooks', underscored: true, timestamps: false },
    );
  }
}
