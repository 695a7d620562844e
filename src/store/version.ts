/** A new version string for a bucket or snapshot: time-ordered, with a little randomness. */
export const newVersion = (now: Date, random: () => number) => `${now.getTime().toString(36)}-${Math.floor(random() * 36 ** 4).toString(36)}`;
