import { type CanonicalOrder, canonicalOrder, identifyingFields } from '../../../contracts/orders.ts';
import { type FieldIssue, fromZodIssues } from '../../../platform/errors.ts';
import type { UnreadableValue } from './normalise.ts';

type Path = readonly PropertyKey[];
type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Line parts without which a line cannot be picked: such a line is left out whole. */
const lineIdentity = new Set<PropertyKey>(['sku', 'quantity']);
const isLineIssue = (path: Path) => path[0] === 'lines' && typeof path[1] === 'number';
const isIdentifying = (path: Path) =>
  !isLineIssue(path) && (identifyingFields as readonly PropertyKey[]).includes(path[0] ?? 'body');

/** Enough of a value to tell what was sent, without keeping a megabyte of it. */
function shown(value: unknown): string {
  // Without U+0000, which PostgreSQL cannot store (in JSON either).
  const text = (typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)))
    .replaceAll('\u0000', '')
    .replaceAll('\\u0000', '');
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path)
    node = isRecord(node) || Array.isArray(node) ? (node as Json)[key as string] : undefined;
  return node;
}

/**
 * Leaves the value at `path` out of the order. A required part that is missing leaves out its
 * parent object instead (a payment without a readable status is no payment information).
 */
function leaveOut(order: Json, path: Path): void {
  for (let depth = path.length; depth > 0; depth -= 1) {
    const parent = valueAt(order, path.slice(0, depth - 1));
    const key = path[depth - 1] as string;
    if (isRecord(parent) && parent[key] !== undefined) {
      delete parent[key];
      return;
    }
  }
}

/** Lines whose sku or quantity cannot be read, by index, highest first (so removing keeps the others' places). */
function unreadableLines(issues: readonly FieldIssue[]): number[] {
  const indexes = issues
    .filter(
      (issue) => isLineIssue(issue.path) && (issue.path.length === 2 || lineIdentity.has(issue.path[2])),
    )
    .map((issue) => issue.path[1] as number);
  return [...new Set(indexes)].sort((a, b) => b - a);
}

/**
 * A channel's order as the canonical order, keeping every identifiable order (CONTRACT.md
 * "Real-world intake"): values that cannot be read are left out and returned as `unreadable`,
 * for intake to hold the order with them. Throws a 400 naming the field only when what
 * identifies the order is missing or unreadable, or no line with a sku and a quantity is left.
 * A well-formed order costs one parse; only imperfect ones pay for a copy and a second parse.
 */
export function readCanonicalOrder(input: unknown): { order: CanonicalOrder; unreadable: UnreadableValue[] } {
  const first = canonicalOrder.safeParse(input);
  if (first.success) return { order: first.data, unreadable: [] };
  if (!isRecord(input)) throw fromZodIssues(first.error.issues);
  const copy = structuredClone(input);
  const unreadable: UnreadableValue[] = [];
  let issues: readonly FieldIssue[] = first.error.issues;
  for (let round = 0; round < 3; round += 1) {
    const identifying = issues.filter((issue) => isIdentifying(issue.path));
    if (identifying.length > 0) throw fromZodIssues(identifying);
    const lines = copy.lines as unknown[];
    const dropped = unreadableLines(issues);
    if (dropped.length === lines.length)
      throw fromZodIssues(issues.filter((issue) => isLineIssue(issue.path)));
    for (const issue of issues) {
      if (dropped.includes(issue.path[1] as number) && isLineIssue(issue.path)) continue;
      const value = valueAt(copy, issue.path);
      // A part that is missing (a payment without its status) is left out, but nothing was lost.
      if (value !== undefined)
        unreadable.push({ field: issue.path.map(String).join('.'), value: shown(value) });
      leaveOut(copy, issue.path);
    }
    for (const index of dropped) {
      unreadable.push({ field: `lines.${index}`, value: shown(lines[index]) });
      lines.splice(index, 1);
    }
    const again = canonicalOrder.safeParse(copy);
    if (again.success) return { order: again.data, unreadable };
    issues = again.error.issues;
  }
  throw fromZodIssues(issues);
}
