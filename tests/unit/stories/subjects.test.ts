import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/stories/fingerprint';
import { subjectsDiffer } from '../../../src/stories/subjects';

const fp = (title: string, summary = '') => fingerprint(title, summary);

describe('subjectsDiffer', () => {
  it('tells two departments or two organisations doing one thing', () => {
    const health = fp('Sở Y tế kiểm tra an toàn thực phẩm dịp Tết', 'Đoàn kiểm tra của Sở Y tế tỉnh kiểm tra 12 cơ sở kinh doanh thực phẩm.');
    expect(subjectsDiffer(health, fp('Sở Công Thương kiểm tra 12 cơ sở kinh doanh thực phẩm', 'Đoàn kiểm tra của Sở Công Thương tỉnh kiểm tra 12 cơ sở.'))).toBe(true);
    expect(subjectsDiffer(fp('Đại hội Hội Nông dân xã Yên Bình'), fp('Đại hội Hội Cựu chiến binh xã Yên Bình'))).toBe(true);
  });

  it('tells two diseases counted in one template, not a disease from a word folded alike', () => {
    const dengue = fp('Phường Phủ Lý ghi nhận 23 ca sốt xuất huyết trong tuần', 'Trong tuần, phường ghi nhận 23 ca mắc sốt xuất huyết.');
    expect(subjectsDiffer(dengue, fp('23 ca tay chân miệng trong tuần tại phường Phủ Lý', 'Trong tuần, phường ghi nhận 23 ca mắc tay chân miệng.'))).toBe(true);
    expect(subjectsDiffer(fp('Tiêm vắc xin phòng bệnh dại cho chó'), fp('Đại hội Hội Nông dân xã tiêm phòng cho đàn chó'))).toBe(false);
    expect(subjectsDiffer(dengue, fp('Phủ Lý: 23 ca sốt xuất huyết, chưa có ca tay chân miệng'))).toBe(false);
  });

  it('keeps a copy that names a partner besides, none at all, or the office by its initials', () => {
    const health = fp('Sở Y tế kiểm tra an toàn thực phẩm dịp Tết', 'Đoàn kiểm tra của Sở Y tế tỉnh kiểm tra 12 cơ sở kinh doanh thực phẩm.');
    expect(subjectsDiffer(health, fp('Kiểm tra an toàn thực phẩm dịp Tết', 'Sở Y tế phối hợp Sở Công Thương kiểm tra 12 cơ sở kinh doanh thực phẩm.'))).toBe(false);
    expect(subjectsDiffer(health, fp('Kiểm tra 12 cơ sở kinh doanh thực phẩm dịp Tết', 'Đoàn liên ngành của tỉnh kiểm tra 12 cơ sở.'))).toBe(false);
    expect(subjectsDiffer(fp('Sở Khoa học và Công nghệ ký kết hợp tác'), fp('Sở KH&CN ký kết hợp tác'))).toBe(false);
    expect(subjectsDiffer(fp('Hội Liên hiệp Phụ nữ xã trao quà'), fp('Hội Phụ nữ xã trao quà'))).toBe(false);
  });
});
