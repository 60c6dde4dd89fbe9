// The operator list and the REST write budget, as read from the environment at start-up.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { DEMO_OPERATOR_EMAIL } from './demo/demo-negotiation.js';

describe('ACCORD_OPERATORS', () => {
  it('makes the demo secretariat the operator when unset and the demo is on', () => {
    expect(loadConfig({}).operators).toEqual([DEMO_OPERATOR_EMAIL]);
    expect(loadConfig({ ACCORD_OPERATORS: '' }).operators).toEqual([DEMO_OPERATOR_EMAIL]);
  });

  it('names no operator when unset and the demo is off', () => {
    expect(loadConfig({ ACCORD_DEMO: 'false' }).operators).toEqual([]);
  });

  it('reads a comma-separated list, normalised, instead of the demo default', () => {
    const config = loadConfig({ ACCORD_OPERATORS: ' Ana@Example.org , ben@example.org,' });
    expect(config.operators).toEqual(['ana@example.org', 'ben@example.org']);
  });

  it('refuses an entry that is not an e-mail address, naming the variable', () => {
    expect(() => loadConfig({ ACCORD_OPERATORS: 'ana@example.org,not-an-address' })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ ACCORD_OPERATORS: 'not-an-address' })).toThrow(/ACCORD_OPERATORS/);
  });
});

describe('ACCORD_REST_WRITES_PER_MINUTE', () => {
  it('defaults to 240 and accepts a positive whole number', () => {
    expect(loadConfig({}).restWritesPerMinute).toBe(240);
    expect(loadConfig({ ACCORD_REST_WRITES_PER_MINUTE: '1000' }).restWritesPerMinute).toBe(1000);
    expect(() => loadConfig({ ACCORD_REST_WRITES_PER_MINUTE: '0' })).toThrow(ConfigError);
  });
});

describe('ACCORD_PUBLIC_READS_PER_MINUTE', () => {
  it('defaults to 600 and accepts a positive whole number', () => {
    expect(loadConfig({}).publicReadsPerMinute).toBe(600);
    expect(loadConfig({ ACCORD_PUBLIC_READS_PER_MINUTE: '5000' }).publicReadsPerMinute).toBe(5000);
    expect(() => loadConfig({ ACCORD_PUBLIC_READS_PER_MINUTE: '-1' })).toThrow(ConfigError);
  });
});

describe('ACCORD_LEASE_TTL_MS', () => {
  const redis = { ACCORD_REDIS_URL: 'redis://127.0.0.1:6379' };

  it('defaults to 10 s and is read as a whole number of milliseconds', () => {
    expect(loadConfig(redis).cluster?.leaseTtlMs).toBe(10_000);
    expect(loadConfig({ ...redis, ACCORD_LEASE_TTL_MS: '4000' }).cluster?.leaseTtlMs).toBe(4_000);
  });

  it('refuses a lease shorter than 2 s, naming the variable', () => {
    expect(() => loadConfig({ ...redis, ACCORD_LEASE_TTL_MS: '500' })).toThrow(
      /ACCORD_LEASE_TTL_MS/,
    );
  });
});

describe('ACCORD_CLUSTER_SECRET', () => {
  const redis = { ACCORD_REDIS_URL: 'redis://127.0.0.1:6379' };

  it('is unset by default (the nodes share one through Redis), and taken as given', () => {
    expect(loadConfig(redis).cluster?.secret).toBeUndefined();
    const secret = 'x'.repeat(40);
    expect(loadConfig({ ...redis, ACCORD_CLUSTER_SECRET: secret }).cluster?.secret).toBe(secret);
  });

  it('refuses a secret shorter than 32 characters, naming the variable', () => {
    expect(() => loadConfig({ ...redis, ACCORD_CLUSTER_SECRET: 'short' })).toThrow(
      /ACCORD_CLUSTER_SECRET/,
    );
  });
});

describe('ACCORD_CODE_CACHE', () => {
  it('takes on or off, and refuses anything else, naming the variable', () => {
    expect(() => loadConfig({ ACCORD_CODE_CACHE: 'off' })).not.toThrow();
    expect(() => loadConfig({ ACCORD_CODE_CACHE: 'on' })).not.toThrow();
    expect(() => loadConfig({ ACCORD_CODE_CACHE: 'no' })).toThrow(/ACCORD_CODE_CACHE/);
  });
});
