/**
 * Reader of CVRP instances in the TSPLIB / CVRPLIB `.vrp` text format, the format the standard
 * benchmark sets are published in:
 *
 *   NAME : A-n32-k5
 *   COMMENT : (Augerat et al, No of trucks: 5, Optimal value: 784)
 *   TYPE : CVRP
 *   DIMENSION : 32                  nodes, the depot included
 *   EDGE_WEIGHT_TYPE : EUC_2D       the only distance this reader knows (Euclidean, nint per edge)
 *   CAPACITY : 100
 *   VEHICLES : 5                    optional fleet size; without it the fleet is as large as needed
 *   DISTANCE : 200                  optional route length limit (CVRPLIB's CMT sets)
 *   SERVICE_TIME : 10               optional time per customer, counted against DISTANCE
 *   NODE_COORD_SECTION              `id x y` per node
 *   DEMAND_SECTION                  `id demand` per node
 *   DEPOT_SECTION                   depot ids, ended by -1 (one depot)
 *   EOF
 */
import { AppError } from '../../../platform/errors.ts';
import { distanceMatrix, tsplibEuclidean } from './distance.ts';
import type { RoutingProblem } from './problem.ts';

interface VrpText {
  specification: Map<string, string>;
  sections: Map<string, { line: number; fields: string[] }[]>;
}

const supportedSections = new Set(['NODE_COORD_SECTION', 'DEMAND_SECTION', 'DEPOT_SECTION']);

export function parseVrp(text: string): RoutingProblem {
  const vrp = splitVrpText(text);
  const type = vrp.specification.get('TYPE');
  if (type !== undefined && type !== 'CVRP') throw formatError(`TYPE ${type} is not supported, only CVRP`);
  const weightType = vrp.specification.get('EDGE_WEIGHT_TYPE');
  if (weightType !== 'EUC_2D')
    throw formatError(`EDGE_WEIGHT_TYPE ${weightType ?? '(missing)'} is not supported, only EUC_2D`);
  const dimension = requiredNumber(vrp, 'DIMENSION', { isInteger: true });
  const coordinates = readNodeCoordinates(vrp, dimension);
  const demandById = readIdValues(vrp, 'DEMAND_SECTION', coordinates);
  const depotId = readDepot(vrp, coordinates);
  // The depot goes first: the solver's node 0 is always the depot.
  const ids = [depotId, ...[...coordinates.keys()].filter((id) => id !== depotId)];
  const serviceTime = optionalNumber(vrp, 'SERVICE_TIME') ?? 0;
  const maxDistance = optionalNumber(vrp, 'DISTANCE');
  return {
    name: vrp.specification.get('NAME') ?? 'unnamed',
    nodeIds: ids,
    demands: ids.map((id, index) => (index === 0 ? 0 : (demandById.get(id) as number))),
    capacity: requiredNumber(vrp, 'CAPACITY', { isInteger: false }),
    vehicleCount: vehicleCountOf(vrp),
    distances: distanceMatrix(
      ids.map((id) => coordinates.get(id)!),
      tsplibEuclidean,
    ),
    shift:
      maxDistance === undefined
        ? undefined
        : {
            maxDuration: maxDistance,
            timePerDistance: 1,
            serviceTimes: ids.map((_, index) => (index === 0 ? 0 : serviceTime)),
          },
    distanceDecimals: 0,
  };
}

/** Specification lines (`KEY : value`) and the numeric lines of each section, with line numbers. */
function splitVrpText(text: string): VrpText {
  const specification = new Map<string, string>();
  const sections = new Map<string, { line: number; fields: string[] }[]>();
  let section: string | undefined;
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line === 'EOF') continue;
    if (/^[A-Z_]+_SECTION\b/.test(line)) {
      section = line.split(/\s/)[0];
      sections.set(section, []);
    } else if (/^[A-Za-z_]+\s*:/.test(line)) {
      const colon = line.indexOf(':');
      specification.set(line.slice(0, colon).trim().toUpperCase(), line.slice(colon + 1).trim());
      section = undefined;
    } else if (section !== undefined) {
      sections.get(section)!.push({ line: index + 1, fields: line.split(/\s+/) });
    } else {
      throw formatError(`line ${index + 1}: expected "KEY : value" or a section, got "${line.slice(0, 40)}"`);
    }
  }
  for (const name of sections.keys())
    if (!supportedSections.has(name) && name !== 'DISPLAY_DATA_SECTION')
      throw formatError(`${name} is not supported`);
  return { specification, sections };
}

function readNodeCoordinates(vrp: VrpText, dimension: number): Map<number, { x: number; y: number }> {
  const coordinates = new Map<number, { x: number; y: number }>();
  for (const { line, fields } of sectionRows(vrp, 'NODE_COORD_SECTION')) {
    const [id, x, y] = fields.map(Number);
    if (fields.length !== 3 || ![id, x, y].every(Number.isFinite) || !Number.isInteger(id))
      throw formatError(`line ${line}: NODE_COORD_SECTION rows are "id x y"`);
    if (coordinates.has(id)) throw formatError(`line ${line}: node ${id} appears twice`);
    coordinates.set(id, { x, y });
  }
  if (coordinates.size !== dimension)
    throw formatError(`DIMENSION is ${dimension} but NODE_COORD_SECTION has ${coordinates.size} nodes`);
  if (dimension < 2) throw formatError('an instance needs a depot and at least one customer');
  return coordinates;
}

/** `id value` rows of a section, one for every node and for known nodes only. */
function readIdValues(vrp: VrpText, name: string, nodes: Map<number, unknown>): Map<number, number> {
  const values = new Map<number, number>();
  for (const { line, fields } of sectionRows(vrp, name)) {
    const [id, value] = fields.map(Number);
    if (fields.length !== 2 || !nodes.has(id) || !Number.isFinite(value) || value < 0)
      throw formatError(`line ${line}: ${name} rows are "id demand" for a known node, demand ≥ 0`);
    values.set(id, value);
  }
  for (const id of nodes.keys()) if (!values.has(id)) throw formatError(`node ${id} has no row in ${name}`);
  return values;
}

function readDepot(vrp: VrpText, nodes: Map<number, unknown>): number {
  const ids = sectionRows(vrp, 'DEPOT_SECTION')
    .flatMap((row) => row.fields.map(Number))
    .filter((id) => id !== -1);
  if (ids.length !== 1) throw formatError(`DEPOT_SECTION must name exactly one depot, found ${ids.length}`);
  if (!nodes.has(ids[0])) throw formatError(`the depot ${ids[0]} is not in NODE_COORD_SECTION`);
  return ids[0];
}

/**
 * The fleet size: an explicit VEHICLES line only. The `-kN` of a CVRPLIB name and "No of
 * trucks: N" in a comment are the fewest routes the instance needs, not a fleet: in the X set
 * the optimal solutions use more than k routes (X-n101-k25 is solved with 26 or more).
 */
function vehicleCountOf(vrp: VrpText): number | undefined {
  const explicit = optionalNumber(vrp, 'VEHICLES');
  if (explicit !== undefined && !Number.isInteger(explicit))
    throw formatError('VEHICLES must be a whole number');
  return explicit;
}

function sectionRows(vrp: VrpText, name: string) {
  const rows = vrp.sections.get(name);
  if (!rows) throw formatError(`${name} is missing`);
  return rows;
}

function requiredNumber(vrp: VrpText, key: string, opts: { isInteger: boolean }): number {
  const value = optionalNumber(vrp, key);
  if (value === undefined) throw formatError(`${key} is missing`);
  if (opts.isInteger && !Number.isInteger(value)) throw formatError(`${key} must be a whole number`);
  return value;
}

function optionalNumber(vrp: VrpText, key: string): number | undefined {
  const text = vrp.specification.get(key);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text === '' || !Number.isFinite(value) || value <= 0)
    throw formatError(`${key} must be a positive number, got "${text}"`);
  return value;
}

function formatError(message: string): AppError {
  return new AppError('VALIDATION_FAILED', `not a valid .vrp file: ${message}`);
}
