import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** A signed-in browser. The cookie holds a random token; the table holds its SHA-256. */
export class Session extends Model<InferAttributes<Session>, InferCreationAttributes<Session>> {
  declare id: CreationOptional<string>;
  declare tokenHash: string;
  declare contactId: string;
  /** The profile the contact is acting for; null until one is picked. */
  declare clientId: string | null;
  declare lastSeenAt: Date;
  declare endedAt: CreationOptional<Date | null>;
  declare endReason: CreationOptional<'signed_out' | 'idle' | null>;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Session.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        tokenHash: { type: DataTypes.CHAR(64), allowNull: false },
        contactId: { type: DataTypes.UUID, allowNull: false },
        clientId: { type: DataTypes.UUID, allowNull: true },
        lastSeenAt: { type: DataTypes.DATE, allowNull: false },
        endedAt: { type: DataTypes.DATE, allowNull: true },
        endReason: { type: DataTypes.ENUM('signed_out', 'idle'), allowNull: true },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'sessions', underscored: true, updatedAt: false },
    );
  }
}
