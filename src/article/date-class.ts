/**
 * Class or id words of the element that prints an article's date ("date", "ngay-dang",
 * "thoigian", "post-meta"): byline.ts reads the date from it, clean.ts leaves it out of the body.
 */
export const DATE_CLASS = /date|time|ngay|publish|posted|thoigian|thoi-gian|meta/i;
