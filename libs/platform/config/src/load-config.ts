import { z } from 'zod';

/** Raised at start-up when the environment is incomplete; names every offending variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment against a zod object schema whose keys are variable names.
 * Services call this before anything else so that a missing variable stops the process at once,
 * with its name, instead of failing later on the first request.
 */
export function loadConfig<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    return issue.code === 'invalid_type' && env[name] === undefined
      ? `${name} is required but not set`
      : `${name}: ${issue.message}`;
  });
  throw new ConfigError(problems);
}
