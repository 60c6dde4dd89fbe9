import { describe, expect, it } from 'vitest';
import { DEFAULT_HOST, DEFAULT_PORT, plainListenAddress } from './listen-address.js';

describe('the address the launcher listens on before the configuration is read', () => {
  it('takes plain values and the defaults', () => {
    expect(plainListenAddress({})).toEqual({ port: DEFAULT_PORT, host: DEFAULT_HOST });
    expect(plainListenAddress({ PORT: '', HOST: '' })).toEqual({
      port: DEFAULT_PORT,
      host: DEFAULT_HOST,
    });
    expect(plainListenAddress({ PORT: '0', HOST: '0.0.0.0' })).toEqual({
      port: 0,
      host: '0.0.0.0',
    });
    expect(plainListenAddress({ PORT: '65535' })?.port).toBe(65535);
  });

  it('leaves anything doubtful to config.ts, which says what is wrong', () => {
    for (const PORT of ['65536', '-1', '3000.5', ' 3000', '0x10', 'http', '1e3']) {
      expect(plainListenAddress({ PORT }), PORT).toBeUndefined();
    }
  });
});
