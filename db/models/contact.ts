import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** A login identity. It may see several client profiles (its own, a couple's, a child's). */
export class Contact extends Model<InferAttributes<Contact>, InferCreationAttributes<Contact>> {
  declare id: CreationOptional<string>;
  declare practiceId: string;
  declare name: string;
  declare email: string;
  /** E.164, e.g. +15551234567. */
  declare phone: string | null;
  declare smsConsentAt: Date | null;
  declare smsOptedOutAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  /** SMS may be sent only with recorded consent and no later opt-out. */
  canReceiveSms(): boolean {
    return Boolean(this.phone && this.smsConsentAt && !this.smsOptedOutAt);
  }

  static initModel(sequelize: Sequelize): void {
    Contact.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
        practiceId: { type: DataTypes.UUID, allowNull: false },
        name: { type: DataTypes.TEXT, allowNull: false },
        email: { type: DataTypes.TEXT, allowNull: false },
        phone: { type: DataTypes.TEXT, allowNull: true },
        smsConsentAt: { type: DataTypes.DATE, allowNull: true },
        smsOptedOutAt: { type: DataTypes.DATE, allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'contacts', underscored: true },
    );
  }
}
