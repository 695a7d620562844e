import { describe, expect, it } from 'vitest';
import {
  VIETNAM_OFFSET_MINUTES,
  clampFuture,
  monthWrittenAsMinutes,
  parseDate,
  type DateContext,
} from '../../../src/normalize/date';

// 2026-11-27 10:00 in Vietnam. Expected instants below are worked out by hand: Vietnam = UTC+7.
const NOW = new Date('2026-11-27T03:00:00Z');
const ctx: DateContext = { now: NOW };
const mdy: DateContext = { now: NOW, order: 'mdy' };

type Row = [input: string, expected: string | null, hasTime?: boolean, context?: DateContext];

const rows: Row[] = [
  // RFC 822 (feeds)
  ['Tue, 26 Nov 2019 08:30:00 +0700', '2019-11-26T01:30:00.000Z', true],
  ['Tue, 26 Nov 2019 08:30:00 +0000', '2019-11-26T08:30:00.000Z', true],
  ['Tue, 26 Nov 2019 08:30:00 GMT', '2019-11-26T08:30:00.000Z', true],
  ['Tue, 26 Nov 2019 08:30:00 EST', '2019-11-26T13:30:00.000Z', true],
  ['Tue, 26 Nov 2019 08:30:00', '2019-11-26T01:30:00.000Z', true],
  ['Tue, 26 Nov 19 08:30 +0700', '2019-11-26T01:30:00.000Z', true],
  ['Wed, 31 Dec 2025 23:59:59 -0500', '2026-01-01T04:59:59.000Z', true],
  ['26 November 2019', '2019-11-25T17:00:00.000Z', false],
  ['Tue, 31 Feb 2019 08:00:00 +0700', null],

  // English month names as an English-locale theme prints them (no zone: Vietnam)
  ['Dec 7, 2026 2:35 PM', '2026-12-07T07:35:00.000Z', true],
  ['Monday, December 7th, 2026 at 12:10 AM', '2026-12-06T17:10:00.000Z', true],
  ['7 Dec 2026 2:35 PM', '2026-12-07T07:35:00.000Z', true],
  ['Dec 7, 2026', '2026-12-06T17:00:00.000Z', false],
  ['Published: 07 Dec 2026, 02:35 PM', '2026-12-07T07:35:00.000Z', true],
  ['07-Dec-2026 14:35', '2026-12-07T07:35:00.000Z', true],
  ['Updated: 14:35, Dec 07, 2026', '2026-12-07T07:35:00.000Z', true],
  ['Công ty May 10 2026', null],
  // …and WordPress's Vietnamese month names
  ['7 Tháng Mười Hai, 2026', '2026-12-06T17:00:00.000Z', false],
  ['Tháng Mười 15, 2026 10:20 sáng', '2026-10-15T03:20:00.000Z', true],
  ['Tháng Năm 3, 2026', '2026-05-02T17:00:00.000Z', false],

  // ISO 8601
  ['2024-02-02T08:30:00+0700', '2024-02-02T01:30:00.000Z', true],
  ['2024-02-02T08:30:00+07:00', '2024-02-02T01:30:00.000Z', true],
  ['2024-02-02T01:30:00Z', '2024-02-02T01:30:00.000Z', true],
  ['2024-02-02T08:30:00.250Z', '2024-02-02T08:30:00.250Z', true],
  ['2024-02-01T20:30:00-05:00', '2024-02-02T01:30:00.000Z', true],
  ['2024-02-02T08:30:00', '2024-02-02T01:30:00.000Z', true],
  ['2024-02-02 08:30', '2024-02-02T01:30:00.000Z', true],
  ['2024-02-02 08:30 PM', '2024-02-02T13:30:00.000Z', true],
  ['2024-02-02', '2024-02-01T17:00:00.000Z', false],
  ['2024-02-30T08:00:00Z', null],

  // SharePoint, Liferay, NukeViet, WordPress, ASP.NET
  ['26 - 11 - 2019', '2019-11-25T17:00:00.000Z', false],
  ['Đăng ngày 26/11/2019', '2019-11-25T17:00:00.000Z', false],
  ['26/11/2019', '2019-11-25T17:00:00.000Z', false],
  [' 03/04/2020 | 10:36 PM ', '2020-04-03T15:36:00.000Z', true],
  ['Ngày đăng 24/03/2025 | 07:09', '2025-03-24T00:09:00.000Z', true],
  ['&nbsp;26/11/2019 08:30:00 AM', '2019-11-26T01:30:00.000Z', true],
  ['&#160;26/11/2019 12:05:00 AM', '2019-11-25T17:05:00.000Z', true],
  ['\u00a026/11/2019 12:05 PM', '2019-11-26T05:05:00.000Z', true],
  ['Thứ ba - 26/11/2019 08:30', '2019-11-26T01:30:00.000Z', true],
  ['25 Tháng 6, 2025', '2025-06-24T17:00:00.000Z', false],

  // more shapes seen on such sites
  ['08:30 26/11/2019', '2019-11-26T01:30:00.000Z', true],
  ['26/11/2019 08:30:45', '2019-11-26T01:30:45.000Z', true],
  ['08:30 26-11-2019', '2019-11-26T01:30:00.000Z', true],
  ['08:00 | 09-02-2021 | Xã hội', '2021-02-09T01:00:00.000Z', true],
  ['17:42 Ngày 04/06/2018', '2018-06-04T10:42:00.000Z', true],
  ['Thứ Sáu, ngày 23 tháng 08 năm 2019, 09:25:27', '2019-08-23T02:25:27.000Z', true],
  ['Thứ ba, 30/9/2025, 05:00 (GMT+7)', '2025-09-29T22:00:00.000Z', true],
  ['30/9/2025 05:00 (GMT+9)', '2025-09-29T20:00:00.000Z', true],
  ['30/9/2025 05:00 GMT', '2025-09-30T05:00:00.000Z', true],
  ['ngày 01 tháng 7 năm 2025', '2025-06-30T17:00:00.000Z', false],
  ['15h30 26/11/2019', '2019-11-26T08:30:00.000Z', true],
  ['Cập nhật: 14g35, 07/12/2026', '2026-12-07T07:35:00.000Z', true],
  ['07/12/2026 lúc 14 giờ 35', '2026-12-07T07:35:00.000Z', true],
  ['từ 7 giờ đến 17 giờ ngày 09/12/2026', '2026-12-08T17:00:00.000Z', false],
  ['Ngày 26 tháng 11 năm 2019, 15 giờ 30', '2019-11-26T08:30:00.000Z', true],
  // month names and the locale's short month (WordPress in Vietnamese or English, Intl and Angular's medium dates)
  ['7 Tháng Mười Hai, 2024', '2024-12-06T17:00:00.000Z', false],
  ['Tháng Mười Hai 7, 2024 lúc 08:15', '2024-12-07T01:15:00.000Z', true],
  ['Tháng Năm 20, 2024', '2024-05-19T17:00:00.000Z', false],
  ['07 thg 12, 2024', '2024-12-06T17:00:00.000Z', false],
  ['December 7, 2024', '2024-12-06T17:00:00.000Z', false],
  ['Dec. 7th, 2024 8:15 pm', '2024-12-07T13:15:00.000Z', true],
  ['Tháng Mười Ba 7, 2024', null],
  ['8 giờ 05 phút sáng ngày 26/11/2019', '2019-11-26T01:05:00.000Z', true],
  ['26/11/19 08:30', '2019-11-26T01:30:00.000Z', true],
  ['26.11.2019', '2019-11-25T17:00:00.000Z', false],
  ['29/02/2024', '2024-02-28T17:00:00.000Z', false],

  // AM/PM and Vietnamese SA/CH
  ['12:00 AM 26/11/2019', '2019-11-25T17:00:00.000Z', true],
  ['12:00 PM 26/11/2019', '2019-11-26T05:00:00.000Z', true],
  ['08:30 SA 26/11/2019', '2019-11-26T01:30:00.000Z', true],
  ['08:30 CH 26/11/2019', '2019-11-26T13:30:00.000Z', true],
  ['26/11/2019 8:30 chiều', '2019-11-26T13:30:00.000Z', true],

  // US order
  ['11/26/2019 8:30:00 AM', '2019-11-26T01:30:00.000Z', true, mdy],
  ['11/26/2019 8:30:00 AM', '2019-11-26T01:30:00.000Z', true], // 26 cannot be a month
  ['03/04/2020 10:36 PM', '2020-03-04T15:36:00.000Z', true, mdy],
  ['26/11/2019', '2019-11-25T17:00:00.000Z', false, mdy], // 26 cannot be a month

  // weekday spellings
  ['Thứ Hai, 25/11/2019', '2019-11-24T17:00:00.000Z', false],
  ['Thứ 2 - 25/11/2019 07:00', '2019-11-25T00:00:00.000Z', true],
  ['T2, 25/11/2019', '2019-11-24T17:00:00.000Z', false],
  ['CN 24/11/2019 09:00', '2019-11-24T02:00:00.000Z', true],
  ['Chủ nhật, 24/11/2019', '2019-11-23T17:00:00.000Z', false],
  ['Thứ Năm, 28/11/2019', '2019-11-27T17:00:00.000Z', false],

  // NFD, upper case, entities
  ['Đăng ngày 26/11/2019'.normalize('NFD'), '2019-11-25T17:00:00.000Z', false],
  ['25 Tháng 6, 2025'.normalize('NFD'), '2025-06-24T17:00:00.000Z', false],
  ['THỨ SÁU, NGÀY 23 THÁNG 08 NĂM 2019, 09:25'.normalize('NFD'), '2019-08-23T02:25:00.000Z', true],
  ['ng&agrave;y 23 th&aacute;ng 08 n&#259;m 2019', '2019-08-22T17:00:00.000Z', false],

  // relative, against NOW = 2026-11-27 10:00 Vietnam
  ['15 phút trước', '2026-11-27T02:45:00.000Z', true],
  ['2 giờ trước', '2026-11-27T01:00:00.000Z', true],
  ['30 giây trước', '2026-11-27T02:59:30.000Z', true],
  ['3 ngày trước', '2026-11-23T17:00:00.000Z', false],
  ['hôm qua', '2026-11-25T17:00:00.000Z', false],
  ['Hôm nay', '2026-11-26T17:00:00.000Z', false],
  ['Hôm qua lúc 20:15', '2026-11-26T13:15:00.000Z', true],
  ['tuần trước', '2026-11-19T17:00:00.000Z', false],
  ['2 tuần trước', '2026-11-12T17:00:00.000Z', false],
  ['tháng trước', '2026-10-26T17:00:00.000Z', false],
  // 01:30 on 27 Nov in Vietnam is still 26 Nov in UTC: "yesterday" is 26 Nov.
  ['hôm qua', '2026-11-25T17:00:00.000Z', false, { now: new Date('2026-11-26T18:30:00Z') }],
  // 31 March minus a month is the last day of February.
  ['1 tháng trước', '2026-02-27T17:00:00.000Z', false, { now: new Date('2026-03-31T03:00:00Z') }],
  // a written date wins over a relative one
  ['26/11/2019 (3 ngày trước)', '2019-11-25T17:00:00.000Z', false],

  // impossible or absent
  ['31/02/2020', null],
  ['15/13/2020', null],
  ['13/26/2020', null],
  ['26/11/2019 25:00', null],
  ['26/11/2019 08:61', null],
  ['29/02/2021', null],
  ['', null],
  ['&nbsp;', null],
  ['Tin tức - Sự kiện', null],
  ['08:30', null],
  ['ngày trước', null],
];

describe('parseDate', () => {
  it.each(rows)('%j → %s', (input, expected, hasTime, context) => {
    const parsed = parseDate(input, context ?? ctx);
    if (expected === null) {
      expect(parsed).toBeNull();
      return;
    }
    expect(parsed).not.toBeNull();
    expect(parsed!.date.toISOString()).toBe(expected);
    expect(parsed!.hasTime).toBe(hasTime);
  });

  it('never reads the real clock: relative dates follow ctx.now', () => {
    const then = new Date('2001-01-01T00:00:00Z');
    expect(parseDate('2 giờ trước', { now: then })!.date.toISOString()).toBe('2000-12-31T22:00:00.000Z');
  });

  it('exports the Vietnam offset', () => {
    expect(VIETNAM_OFFSET_MINUTES).toBe(420);
  });
});

describe('clampFuture', () => {
  it('keeps past dates and dates within the tolerance', () => {
    const past = new Date('2026-11-20T00:00:00Z');
    const soon = new Date('2026-11-27T03:30:00Z');
    expect(clampFuture(past, NOW).toISOString()).toBe(past.toISOString());
    expect(clampFuture(soon, NOW).toISOString()).toBe(soon.toISOString());
  });

  it('turns dates beyond the tolerance into now', () => {
    expect(clampFuture(new Date('2026-11-27T04:30:00Z'), NOW).toISOString()).toBe(NOW.toISOString());
    expect(clampFuture(new Date('2026-11-27T03:00:01Z'), NOW, 0).toISOString()).toBe(NOW.toISOString());
  });
});

describe('monthWrittenAsMinutes', () => {
  // Vietnam wall-clock time → instant, by hand: UTC = Vietnam - 7 h.
  const vn = (y: number, mo: number, d: number, h: number, mi: number) =>
    new Date(Date.UTC(y, mo - 1, d, h - 7, mi));

  it('is true when every minute equals the month (NukeViet)', () => {
    const dates = [vn(2019, 11, 26, 8, 11), vn(2019, 11, 25, 16, 11), vn(2019, 10, 3, 9, 10), vn(2019, 9, 30, 7, 9)];
    expect(monthWrittenAsMinutes(dates)).toBe(true);
  });

  it('uses the Vietnam month: 00:01 on 1 January in Vietnam is still December in UTC', () => {
    const dates = [vn(2020, 1, 1, 0, 1), vn(2019, 12, 31, 10, 12), vn(2019, 11, 30, 9, 11)];
    expect(monthWrittenAsMinutes(dates)).toBe(true);
  });

  it('is false for ordinary times', () => {
    const dates = [vn(2019, 11, 26, 8, 30), vn(2019, 11, 25, 16, 11), vn(2019, 10, 3, 9, 45)];
    expect(monthWrittenAsMinutes(dates)).toBe(false);
  });

  it('is false with fewer than three dates', () => {
    expect(monthWrittenAsMinutes([vn(2019, 11, 26, 8, 11), vn(2019, 11, 25, 16, 11)])).toBe(false);
    expect(monthWrittenAsMinutes([])).toBe(false);
  });
});
