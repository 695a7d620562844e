import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/stories/fingerprint';
import { officesDiffer } from '../../../src/stories/offices';

const fp = (title: string, summary = '') => fingerprint(title, summary);

describe('officesDiffer', () => {
  it('tells two departments or two organisations doing one thing', () => {
    const health = fp('Sở Y tế kiểm tra an toàn thực phẩm dịp Tết', 'Đoàn kiểm tra của Sở Y tế tỉnh kiểm tra 12 cơ sở kinh doanh thực phẩm.');
    expect(officesDiffer(health, fp('Sở Công Thương kiểm tra 12 cơ sở kinh doanh thực phẩm', 'Đoàn kiểm tra của Sở Công Thương tỉnh kiểm tra 12 cơ sở.'))).toBe(true);
    expect(officesDiffer(fp('Đại hội Hội Nông dân xã Yên Bình'), fp('Đại hội Hội Cựu chiến binh xã Yên Bình'))).toBe(true);
  });

  it('keeps a copy that names a partner besides, none at all, or the office by its initials', () => {
    const health = fp('Sở Y tế kiểm tra an toàn thực phẩm dịp Tết', 'Đoàn kiểm tra của Sở Y tế tỉnh kiểm tra 12 cơ sở kinh doanh thực phẩm.');
    expect(officesDiffer(health, fp('Kiểm tra an toàn thực phẩm dịp Tết', 'Sở Y tế phối hợp Sở Công Thương kiểm tra 12 cơ sở kinh doanh thực phẩm.'))).toBe(false);
    expect(officesDiffer(health, fp('Kiểm tra 12 cơ sở kinh doanh thực phẩm dịp Tết', 'Đoàn liên ngành của tỉnh kiểm tra 12 cơ sở.'))).toBe(false);
    expect(officesDiffer(fp('Sở Khoa học và Công nghệ ký kết hợp tác'), fp('Sở KH&CN ký kết hợp tác'))).toBe(false);
    expect(officesDiffer(fp('Hội Liên hiệp Phụ nữ xã trao quà'), fp('Hội Phụ nữ xã trao quà'))).toBe(false);
  });
});
