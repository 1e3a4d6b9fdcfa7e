import { ConfigError } from '@platform/config';
import { runService } from './run-service';

describe('runService', () => {
  let exit: jest.SpyInstance;
  let printed: jest.SpyInstance;

  beforeEach(() => {
    exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('exits 1 naming the variables when the configuration is invalid, even if loading throws synchronously', async () => {
    await runService(() => {
      throw new ConfigError(['DATABASE_URL is required']);
    });
    expect(printed).toHaveBeenCalledWith('Invalid configuration:\n  - DATABASE_URL is required');
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('exits 1 with the whole error (stack included) when start-up fails for another reason', async () => {
    const failure = new Error('connect ECONNREFUSED 127.0.0.1:5432');
    await runService(async () => {
      throw failure;
    });
    expect(printed).toHaveBeenCalledWith(failure);
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('does nothing more once the service has started', async () => {
    await runService(async () => 'started');
    expect(exit).not.toHaveBeenCalled();
    expect(printed).not.toHaveBeenCalled();
  });
});
