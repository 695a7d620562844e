import type { FC } from 'hono/jsx';
import type { Choice } from './region-choices';

/** The <option>s of a region <select>, with the current choice selected. */
export const Options: FC<{ choices: Choice[]; selected: string }> = ({ choices, selected }) => (
  <>
    {choices.map((c) => (
      <option value={c.value} selected={c.value === selected}>
        {c.label}
      </option>
    ))}
  </>
);
