/**
 * Clarke & Wright's savings construction (1964, parallel version): start with one route per
 * customer and, by decreasing saving s(i, j) = d(0, i) + d(0, j) − d(i, j), join the route ending
 * in i to the route starting with j whenever the joined route still fits a vehicle and a shift.
 * It may end with more routes than the fleet has; the solver folds those in afterwards.
 */
import {
  distanceBetween,
  isRouteFeasible,
  type RouteTotals,
  type RoutingModel,
  routeTotals,
} from './routing-model.ts';

export function savingsRoutes(model: RoutingModel): number[][] {
  const routes = new Map<number, number[]>();
  const totals = new Map<number, RouteTotals>();
  // Each route is keyed by the customer it was first built from; routeOf finds it from any member.
  const routeOf = new Int32Array(model.size);
  for (let c = 1; c < model.size; c++) {
    routes.set(c, [c]);
    totals.set(c, routeTotals(model, [c]));
    routeOf[c] = c;
  }
  for (const [i, j, saving] of savingsByValue(model)) {
    const [keyI, keyJ] = [routeOf[i], routeOf[j]];
    if (keyI === keyJ) continue;
    const [routeI, routeJ] = [routes.get(keyI)!, routes.get(keyJ)!];
    if (!isEnd(routeI, i) || !isEnd(routeJ, j)) continue;
    const [totalI, totalJ] = [totals.get(keyI)!, totals.get(keyJ)!];
    const joinedTotals = {
      distance: totalI.distance + totalJ.distance - saving,
      load: totalI.load + totalJ.load,
      service: totalI.service + totalJ.service,
    };
    if (!isRouteFeasible(model, joinedTotals)) continue;
    const joined = [...endingWith(routeI, i), ...endingWith(routeJ, j).reverse()];
    routes.set(keyI, joined);
    totals.set(keyI, joinedTotals);
    routes.delete(keyJ);
    for (const c of routeJ) routeOf[c] = keyI;
  }
  return [...routes.values()];
}

/** Customer pairs with a positive saving, largest first (ties in index order, for determinism). */
function savingsByValue(model: RoutingModel): [number, number, number][] {
  const pairs: [number, number, number][] = [];
  for (let i = 1; i < model.size; i++)
    for (let j = i + 1; j < model.size; j++) {
      const saving =
        distanceBetween(model, 0, i) + distanceBetween(model, 0, j) - distanceBetween(model, i, j);
      if (saving > 0) pairs.push([i, j, saving]);
    }
  return pairs.sort((a, b) => b[2] - a[2]);
}

function isEnd(route: readonly number[], customer: number): boolean {
  return route[0] === customer || route[route.length - 1] === customer;
}

function endingWith(route: number[], customer: number): number[] {
  return route[route.length - 1] === customer ? route : [...route].reverse();
}
