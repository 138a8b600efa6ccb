import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

export type Relationship = 'self' | 'partner' | 'guardian';

/** Which contacts may act on which client profile, and as what. */
export class ClientContact extends Model<InferAttributes<ClientContact>, InferCreationAttributes<ClientContact>> {
  declare clientId: string;
  declare contactId: string;
  declare relationship: Relationship;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    ClientContact.init(
      {
        clientId: { type: DataTypes.UUID, primaryKey: true },
        contactId: { type: DataTypes.UUID, primaryKey: true },
        relationship: { type: DataTypes.ENUM('self', 'partner', 'guardian'), allowNull: false },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'client_contacts', underscored: true, updatedAt: false },
    );
  }
}
