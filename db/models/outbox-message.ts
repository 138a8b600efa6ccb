import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

export type NotificationChannel = 'email' | 'sms' | 'slack';
/** held: the channel is not configured, so the message waits in the outbox (and the dev mailbox). */
export type OutboxStatus = 'pending' | 'sent' | 'held' | 'failed' | 'suppressed';

/** Every notification is a row here before it is sent; the id is the idempotency key. */
export class OutboxMessage extends Model<InferAttributes<OutboxMessage>, InferCreationAttributes<OutboxMessage>> {
  declare id: string;
  declare channel: NotificationChannel;
  declare recipient: string;
  declare template: string;
  declare subject: string | null;
  /** The rendered text. Cleared once delivered, so links in it do not outlive their delivery. */
  declare body: string | null;
  declare status: OutboxStatus;
  declare providerMessageId: CreationOptional<string | null>;
  declare deliveryStatus: CreationOptional<string | null>;
  declare attempts: CreationOptional<number>;
  declare error: CreationOptional<string | null>;
  declare sentAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    OutboxMessage.init(
      {
        id: { type: DataTypes.TEXT, primaryKey: true },
        channel: { type: DataTypes.ENUM('email', 'sms', 'slack'), allowNull: false },
        recipient: { type: DataTypes.TEXT, allowNull: false },
        template: { type: DataTypes.TEXT, allowNull: false },
        subject: { type: DataTypes.TEXT, allowNull: true },
        body: { type: DataTypes.TEXT, allowNull: true },
        status: { type: DataTypes.ENUM('pending', 'sent', 'held', 'failed', 'suppressed'), allowNull: false },
        providerMessageId: { type: DataTypes.TEXT, allowNull: true },
        deliveryStatus: { type: DataTypes.TEXT, allowNull: true },
        attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        error: { type: DataTypes.TEXT, allowNull: true },
        sentAt: { type: DataTypes.DATE, allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'outbox', underscored: true },
    );
  }
}
