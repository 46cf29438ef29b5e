// Per-person figures (performance module): mine and the team's over a window.
import type { z } from 'zod';
import type { personFigures } from '../../../src/contracts/performance.ts';
import { get, type Page } from './client';

export type PersonFigures = z.output<typeof personFigures>;

export const performanceApi = {
  mine: (from: string, to: string) => get<Page<PersonFigures>>('/performance/mine', { from, to }),
  team: (from: string, to: string) => get<Page<PersonFigures>>('/performance/people', { from, to }),
};
