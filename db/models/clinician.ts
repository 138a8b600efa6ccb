import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

export type ClinicianRole = 'clinician' | 'admin';

export class Clinician extends Model<InferAttributes<Clinician>, InferCreationAttributes<Clinician>> {
  declare id: CreationOptional<string>;
  declare practiceId: string;
  declare name: string;
  declare email: string;
  declare role: CreationOptional<ClinicianRole>;
  declare slackUserId: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Clinician.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        practiceId: { type: DataTypes.UUID, allowNull: false },
        name: { type: DataTypes.TEXT, allowNull: false },
        email: { type: DataTypes.TEXT, allowNull: false },
        role: { type: DataTypes.ENUM('clinician', 'admin'), allowNull: false, defaultValue: 'clinician' },
        slackUserId: { type: DataTypes.TEXT, allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'clinicians', underscored: true },
    );
  }
}
