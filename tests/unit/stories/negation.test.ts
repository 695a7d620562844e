import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/stories/fingerprint';
import { deniesAlone, negationDiffers } from '../../../src/stories/negation';

const summary = 'Đoàn kiểm tra của Sở Y tế đánh giá Trạm Y tế xã Mường Chiên.';

describe('negationDiffers', () => {
  it('tells a title that denies what the other asserts', () => {
    const met = fingerprint('Trạm Y tế xã Mường Chiên đạt Bộ tiêu chí quốc gia về y tế', summary);
    const unmet = fingerprint('Trạm Y tế xã Mường Chiên chưa đạt Bộ tiêu chí quốc gia về y tế', summary);
    expect(negationDiffers(met, unmet)).toBe(true);
    expect(negationDiffers(unmet, unmet)).toBe(false);
  });

  it('tells a text denying what the other title tells, another outcome of one case', () => {
    const referred = fingerprint('Chi cục Thuế chuyển hồ sơ 2 hộ kinh doanh nợ thuế sang cơ quan công an', 'Hai hộ vẫn chưa nộp 900 triệu đồng tiền thuế.');
    const paid = fingerprint('2 hộ kinh doanh đã nộp đủ 900 triệu đồng tiền thuế', 'Sau khi được đôn đốc, hai hộ đã nộp đủ, không phải chuyển hồ sơ sang cơ quan công an.');
    expect(negationDiffers(referred, paid)).toBe(true);
    // A denial of another phrase ("không có đất") or of a word the other text denies too is no other outcome.
    const poor = fingerprint('Xã Tân Lập có 214 hộ nghèo', 'Phần lớn là hộ không có đất sản xuất.');
    expect(negationDiffers(poor, fingerprint('Tân Lập còn 214 hộ nghèo', 'Phần lớn hộ không có đất sản xuất.'))).toBe(false);
    expect(negationDiffers(fingerprint('Ngày hội chuyển đổi số phường Tân An', 'Người dân học thanh toán không dùng tiền mặt.'), fingerprint('Người dân được hướng dẫn dùng VNeID', ''))).toBe(false);
  });

  it('takes no compound or turn of phrase for a denial, nor a denial the other text tells too', () => {
    const space = fingerprint('Mở rộng không gian văn hóa phố cổ', '');
    const stalls = fingerprint('Sắp xếp gian hàng phố cổ', '');
    expect(negationDiffers(space, stalls)).toBe(false);
    const told = fingerprint('Xã Mường Chiên đạt chuẩn', 'Năm ngoái xã chưa đạt chuẩn.');
    expect(negationDiffers(fingerprint('Xã Mường Chiên chưa đạt chuẩn', ''), told)).toBe(false);
  });
});

describe('deniesAlone', () => {
  it('reads a title denying an outcome the other text never denies, not a compound or a denial both tell', () => {
    const met = fingerprint('Huyện Hòa An được công nhận đạt chuẩn nông thôn mới', 'Huyện Hòa An đủ điều kiện.');
    const unmet = fingerprint('Huyện Hòa An chưa đủ điều kiện công nhận đạt chuẩn nông thôn mới', '');
    expect(deniesAlone(unmet, met)).toBe(true);
    expect(deniesAlone(met, unmet)).toBe(false);
    const cashless = fingerprint('Xã Như Quỳnh triển khai thanh toán không dùng tiền mặt', '');
    const retold = fingerprint('Như Quỳnh: nộp phí bằng mã QR', 'Xã Như Quỳnh áp dụng thanh toán không dùng tiền mặt.');
    expect(deniesAlone(cashless, retold)).toBe(false);
    const sea = fingerprint('Quy hoạch không gian biển tỉnh Quảng Ninh', '');
    expect(deniesAlone(sea, met)).toBe(false);
  });
});
