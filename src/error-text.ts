/** The message of anything thrown, for reports, logs and API errors. */
export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
