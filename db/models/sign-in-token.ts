import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

export type SignInReason = 'invite' | 'request';

/** One emailed sign-in link. The link's id is chosen by the workflow; only the token's SHA-256 is kept. */
export class SignInToken extends Model<InferAttributes<SignInToken>, InferCreationAttributes<SignInToken>> {
  declare id: string;
  declare contactId: string;
  declare tokenHash: string;
  declare reason: SignInReason;
  declare expiresAt: Date;
  declare usedAt: CreationOptional<Date | null>;
  declare supersededAt: CreationOptional<Date | null>;
  declare expiredAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;

  isLive(now: Date): boolean {
    return !this.usedAt && !this.supersededAt && !this.expiredAt && this.expiresAt > now;
  }

  static initModel(sequelize: Sequelize): void {
    SignInToken.init(
      {
        id: { type: DataTypes.UUID, primaryKey: true },
        contactId: { type: DataTypes.UUID, allowNull: false },
        tokenHash: { type: DataTypes.CHAR(64), allowNull: false },
        reason: { type: DataTypes.ENUM('invite', 'request'), allowNull: false },
        expiresAt: { type: DataTypes.DATE, allowNull: false },
        usedAt: { type: DataTypes.DATE, allowNull: true },
        supersededAt: { type: DataTypes.DATE, allowNull: true },
        expiredAt: { type: DataTypes.DATE, allowNull: true },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'sign_in_tokens', underscored: true, updatedAt: false },
    );
  }
}
