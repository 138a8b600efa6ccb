import type { z } from 'zod';
import { AppError } from './errors';

/** Parses input at a boundary; a failure becomes a 400 naming each field and what is wrong with it. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('invalid_input', parsed.error.issues.map((issue) => issue.message).join('; '), {
      fields: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    });
  }
  return parsed.data;
}
