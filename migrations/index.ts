import * as foundation from './001_foundation.ts';

/** Every migration, by name in the order they apply. Add new ones at the end; never edit landed ones. */
export const migrations = {
  '001_foundation': foundation,
};
