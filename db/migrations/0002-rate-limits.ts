import { DataTypes, type QueryInterface } from 'sequelize';

/** Rate-limit counters shared by every API server (the layout rate-limiter-flexible's PostgreSQL store uses). */
export async function up({ context: db }: { context: QueryInterface }): Promise<void> {
  await db.createTable('rate_limits', {
    key: { type: DataTypes.STRING(255), primaryKey: true },
    points: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    expire: { type: DataTypes.BIGINT, allowNull: true },
  });
}

export async function down({ context: db }: { context: QueryInterface }): Promise<void> {
  await db.dropTable('rate_limits');
}
