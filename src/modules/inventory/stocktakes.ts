import type { z } from 'zod';
import type { stocktakeQuery } from '../../contracts/inventory.ts';
import { createStocktakeCounting } from './stocktake-counting.ts';
import { createStocktakePlanning } from './stocktake-planning.ts';
import { listStocktakes, readStocktake, type StocktakeDeps } from './stocktake-reading.ts';
import { createStocktakeReview } from './stocktake-review.ts';

/**
 * Stocktakes: a count sheet per warehouse (every SKU, or a cycle count of some ABC classes),
 * counted blind, submitted for review with variances and their value, explained with notes,
 * and approved, which posts each variance to the ledger as a count_variance movement.
 * Planning, counting and review are each their own file; reading is here.
 */
export function createStocktakes(deps: StocktakeDeps) {
  const read = (id: string) => readStocktake(deps.database.db, id);
  const planning = createStocktakePlanning(deps, read);
  const counting = createStocktakeCounting(deps, read);
  const review = createStocktakeReview(deps, read);
  return {
    ...planning,
    ...counting,
    ...review,
    getStocktake: read,
    listStocktakes: (filter: z.output<typeof stocktakeQuery>) => listStocktakes(deps.database.db, filter),
  };
}
