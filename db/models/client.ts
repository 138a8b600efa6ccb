import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

export type ClientKind = 'individual' | 'couple' | 'minor';
export const PORTAL_FEATURES = ['appointments', 'documents', 'billing', 'messages'] as const;
export type PortalFeature = (typeof PORTAL_FEATURES)[number];

/** A client file (profile): one person, a couple, or a minor. Every portal read and write is scoped to one. */
export class Client extends Model<InferAttributes<Client>, InferCreationAttributes<Client>> {
  declare id: CreationOptional<string>;
  declare practiceId: string;
  declare clinicianId: string;
  declare kind: ClientKind;
  declare displayName: string;
  declare enabledFeatures: CreationOptional<PortalFeature[]>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Client.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        practiceId: { type: DataTypes.UUID, allowNull: false },
        clinicianId: { type: DataTypes.UUID, allowNull: false },
        kind: { type: DataTypes.ENUM('individual', 'couple', 'minor'), allowNull: false },
        displayName: { type: DataTypes.TEXT, allowNull: false },
        enabledFeatures: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [...PORTAL_FEATURES] },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'clients', underscored: true },
    );
  }
}
