import { Sequelize } from 'sequelize';
import type { Logger } from '../lib/logger';
import { initModels } from './models';

/** One Sequelize instance per process, with every model registered on it. */
export function connectDatabase(url: string, log?: Logger): Sequelize {
  const sequelize = new Sequelize(url, {
    dialect: 'postgres',
    logging: log ? (sql) => log.trace({ sql }, 'sql') : false,
    pool: { max: 10, min: 0, idle: 10_000 },
  });
  initModels(sequelize);
  return sequelize;
}
