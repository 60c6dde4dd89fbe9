// Types of system-tools.mjs, for the TypeScript tests that import it.
export interface PostgresPrograms {
  initdb: string;
  pgCtl: string;
  createdb: string;
}

export declare function findPostgres(): PostgresPrograms | undefined;
export declare function findRedis(): string | undefined;
export declare function requireTools(say: (line: string) => void): {
  postgres: PostgresPrograms;
  redis: string;
};
