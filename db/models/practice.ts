import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

export class Practice extends Model<InferAttributes<Practice>, InferCreationAttributes<Practice>> {
  declare id: CreationOptional<string>;
  declare name: string;
  declare contactEmail: string;
  declare contactPhone: string | null;
  declare timezone: CreationOptional<string>;
  /** Slack shows client initials unless the practice opts into full names. */
  declare slackShowsClientNames: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Practice.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        name: { type: DataTypes.TEXT, allowNull: false },
        contactEmail: { type: DataTypes.TEXT, allowNull: false },
        contactPhone: { type: DataTypes.TEXT, allowNull: true },
        timezone: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'UTC' },
        slackShowsClientNames: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'practices', underscored: true },
    );
  }
}
