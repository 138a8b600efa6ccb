// The lookup lives in a plain script because `npm install` runs it before anything is compiled.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findBinary } = require('../scripts/temporal-binaries.js') as {
  findBinary(kind: 'cli' | 'testServer'): string | undefined;
};

export const temporalCliPath = (): string | undefined => findBinary('cli');
export const temporalTestServerPath = (): string | undefined => findBinary('testServer');
