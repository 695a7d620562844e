/** The message of anything thrown, for reports and logs. */
export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
