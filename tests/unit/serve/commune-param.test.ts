import { describe, expect, it } from 'vitest';
import { communeCodes } from '../../../src/serve/commune-param';

describe('the commune parameter', () => {
  it('takes codes, and slugs that name one commune', () => {
    expect(communeCodes(['02143'], [])).toEqual({ codes: ['02143'] });
    expect(communeCodes(['ba-dinh', '00004'], ['ha-noi'])).toEqual({ codes: ['00004'] });
  });

  it('answers an ambiguous slug with the candidates’ codes', () => {
    const r = communeCodes(['van-lang'], ['thai-nguyen']);
    expect(r).toEqual({ error: '"van-lang" names several communes: 02143 (xã Văn Lang, thai-nguyen), 05665 (xã Văn Lăng, thai-nguyen); use the code' });
  });

  it('refuses a code of another province and an unknown one, with the nearest', () => {
    expect(communeCodes(['00004'], ['thai-nguyen'])).toEqual({ error: 'commune 00004 is 00004 (phường Ba Đình, ha-noi), not in thai-nguyen' });
    const r = communeCodes(['van-lanh'], ['thai-nguyen']);
    expect('error' in r && r.error).toMatch(/^unknown commune "van-lanh" in thai-nguyen; nearest: .*02143 \(xã Văn Lang/);
  });
});
