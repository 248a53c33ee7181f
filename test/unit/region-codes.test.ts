import { cityCodeOf, regionScope } from '../../subgraphs/kit/region-codes';

describe(cityCodeOf.name, () => {
  it('returns the prefecture of a district and a province-administered county itself', () => {
    expect(cityCodeOf('460105')).toBe('460100');
    expect(cityCodeOf('460400')).toBe('460400');
    expect(cityCodeOf('469002')).toBe('469002');
  });
});

describe(regionScope.name, () => {
  it('returns province, city and county scopes by the code structure', () => {
    expect(regionScope('460000')).toEqual({ level: 'province', prefix: '46' });
    expect(regionScope('460200')).toEqual({ level: 'city', code: '460200' });
    expect(regionScope('469030')).toEqual({ level: 'county', code: '469030' });
    expect(regionScope('460203')).toEqual({ level: 'county', code: '460203' });
  });
});
