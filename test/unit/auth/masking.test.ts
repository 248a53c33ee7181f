import { maskAddress, maskValue } from '../../../auth';
import type { MaskStrategy } from '../../../auth';

function setup() {
  return { mask: (strategy: MaskStrategy, value: unknown) => maskValue(strategy, value) };
}

describe(maskValue.name, () => {
  it.each<[MaskStrategy, unknown, unknown]>([
    ['idNumber', '460105199001011234', '4601**********1234'],
    ['idNumber', '46010519900101123X', '4601**********123X'],
    ['idNumber', '1234567', '*******'],
    ['name', '张三丰', '张**'],
    ['name', '张三', '张*'],
    ['name', '𠀋三', '𠀋*'],
    ['name', '买买提·艾力', '买*****'],
    ['phone', '13812345678', '138****5678'],
    ['phone', '0898-66123456', '089******3456'],
    ['address', '海南省海口市龙华区滨海大道123号', '海南省海口市龙华区'],
    ['birthDate', '1990-05-17', '1990'],
    ['birthDate', '19900517', '1990'],
    ['birthDate', new Date('1990-05-17T00:00:00Z'), '1990'],
    ['birthDate', 'May 1990', null],
    ['coordinates', 110.345678, 110.35],
    ['coordinates', [110.345678, 20.012345], [110.35, 20.01]],
    ['coordinates', { type: 'Point', coordinates: [110.345678, 20.012345] }, { type: 'Point', coordinates: [110.35, 20.01] }],
    ['coordinates', { lon: 110.345678, lat: 20.012345 }, { lon: 110.35, lat: 20.01 }],
    ['coordinates', 'somewhere', null],
    ['redact', '汉族', null],
    ['none', 'A+', 'A+'],
    ['phone', ['13812345678', null], ['138****5678', null]],
    ['idNumber', { toString: () => '460105199001011234' }, null],
  ])('returns the %s mask of %p as %p', (strategy, value, expected) => {
    const { mask } = setup();
    expect(mask(strategy, value)).toEqual(expected);
  });

  it.each<MaskStrategy>(['idNumber', 'name', 'phone', 'address', 'birthDate', 'coordinates', 'redact', 'none'])('returns null for null and undefined with %s', (strategy) => {
    const { mask } = setup();
    expect(mask(strategy, null)).toBeNull();
    expect(mask(strategy, undefined)).toBeNull();
  });
});

describe(maskAddress.name, () => {
  it.each([
    ['海南省海口市龙华区滨海大道123号', '海南省海口市龙华区'],
    ['海南省三亚市吉阳区迎宾路1号', '海南省三亚市吉阳区'],
    ['海南省琼海市嘉积镇农贸市场2号', '海南省琼海市'],
    ['海南省陵水黎族自治县椰林镇', '海南省陵水黎族自治县'],
    ['海口市美兰区海府路', '海口市美兰区'],
    ['北京市朝阳区建国路1号', '北京市朝阳区'],
    ['广西壮族自治区南宁市青秀区民族大道', '广西壮族自治区南宁市青秀区'],
    ['滨海大道123号', null],
  ])('returns the district-level prefix of %s', (address, expected) => {
    expect(maskAddress(address)).toBe(expected);
  });
});
