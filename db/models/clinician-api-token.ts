import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** Bearer tokens for the clinician API; only the SHA-256 of each token is stored. */
export class ClinicianApiToken extends Model<InferAttributes<ClinicianApiToken>, InferCreationAttributes<ClinicianApiToken>> {
  declare id: CreationOptional<string>;
  declare clinicianId: string;
  declare tokenHash: string;
  declare label: string;
  declare revokedAt: Date | null;
  declare createdAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    ClinicianApiToken.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        clinicianId: { type: DataTypes.UUID, allowNull: false },
        tokenHash: { type: DataTypes.CHAR(64), allowNull: false },
        label: { type: DataTypes.TEXT, allowNull: false },
        revokedAt: { type: DataTypes.DATE, allowNull: true },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'clinician_api_tokens', underscored: true, updatedAt: false },
    );
  }
}
