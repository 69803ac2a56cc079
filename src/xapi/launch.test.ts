import { describe, expect, it } from 'vitest';
import { authFromKey, connectionFromLaunch, launchParams, normaliseEndpoint, parseActor, withoutLaunchParams } from './launch';

describe('LRS connection from a launch link or Settings', () => {
  it('reads the tincan launch convention from the search or the hash route', () => {
    const actor = JSON.stringify({ name: ['Anna'], account: [{ accountServiceHomePage: 'https://lms.test', accountName: 'u-17' }] });
    const q = `endpoint=${encodeURIComponent('https://lrs.test/xAPI')}&auth=${encodeURIComponent('Basic abc=')}&actor=${encodeURIComponent(actor)}`;
    for (const [search, hash] of [[`?${q}`, ''], ['', `#/room/x?${q}`]]) {
      expect(connectionFromLaunch(launchParams(search, hash))).toEqual({
        endpoint: 'https://lrs.test/xAPI/',
        auth: 'Basic abc=',
        source: 'launch',
        actor: { objectType: 'Agent', name: 'Anna', account: { homePage: 'https://lms.test', name: 'u-17' } },
      });
    }
    expect(connectionFromLaunch(new URLSearchParams('endpoint=ftp://x&auth=a'))).toBeNull();
    expect(connectionFromLaunch(new URLSearchParams('foo=1'))).toBeNull();
    // The key does not stay in the address bar; other parameters do.
    expect(withoutLaunchParams(`https://app.test/?${q}&storage=memory#/room/x?${q}&team=t1`)).toBe('https://app.test/?storage=memory#/room/x?team=t1');
  });

  it('takes an e-mail address only when the launch provides one, and nothing unusable', () => {
    expect(parseActor('{"mbox":"mailto:anna@shop.test","name":"Anna"}')).toEqual({ objectType: 'Agent', name: 'Anna', mbox: 'mailto:anna@shop.test' });
    expect(parseActor('{"name":"Anna"}')).toBeNull();
    expect(parseActor('not json')).toBeNull();
  });

  it('turns a write key into an Authorization value, and checks endpoints', () => {
    expect(authFromKey('key:secret')).toBe(`Basic ${btoa('key:secret')}`);
    expect(authFromKey('Basic a2V5')).toBe('Basic a2V5');
    expect(authFromKey('a2V5OnNlY3JldA==')).toBe('Basic a2V5OnNlY3JldA==');
    expect(normaliseEndpoint('http://localhost:6180/xAPI')).toBe('http://localhost:6180/xAPI/');
    expect(normaliseEndpoint('javascript:alert(1)')).toBeNull();
  });
});
