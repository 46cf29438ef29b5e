import { type EvaluationFigure, evaluationFigures } from '../../../contracts/evaluations.ts';
import { invalidField } from '../../../platform/errors.ts';

export interface Weight {
  figure: EvaluationFigure;
  weight: number;
}

export interface ScoredPerson {
  person: string;
  rank: number;
  score: number;
  parts: { figure: EvaluationFigure; value: number | null; weight: number; points: number }[];
}

/** Weights name each figure once and sum to 100 percent. */
export function assertWeights(weights: readonly Weight[]): void {
  const seen = new Set<string>();
  weights.forEach((w, i) => {
    if (seen.has(w.figure)) throw invalidField(`weights.${i}.figure`, 'weightedTwice', { figure: w.figure });
    seen.add(w.figure);
  });
  const sum = weights.reduce((total, w) => total + w.weight, 0);
  if (sum !== 100) throw invalidField('weights', 'weightsSum', { sum });
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** A person's figures; a figure missing or null has no value (no timed review, no rating, no shift). */
export type ScoredFigures = Partial<Record<EvaluationFigure, number | null>>;

/**
 * Scores the people of one role against each other. Each figure gives 0–100 points relative to
 * the best of the group (the most, or for a figure where less is better, the fewest against the
 * most), so figures of different sizes can be weighed together; the score is the weighted mean.
 * A figure without a value gives 0 points: no rate without a shift, no speed without a timed
 * review, no rating without a rated complaint — never a guess. Equal scores share a rank (1, 2, 2, 4).
 */
export function scorePeople(
  people: readonly { person: string; figures: ScoredFigures }[],
  weights: readonly Weight[],
): ScoredPerson[] {
  const figureValue = (figures: ScoredFigures, figure: EvaluationFigure) => figures[figure] ?? null;
  const most = new Map(
    weights.map(
      (w) => [w.figure, Math.max(0, ...people.map((p) => figureValue(p.figures, w.figure) ?? 0))] as const,
    ),
  );
  const scored = people.map(({ person, figures }) => {
    const parts = weights.map(({ figure, weight }) => {
      const value = figureValue(figures, figure);
      const top = most.get(figure)!;
      const share = top === 0 || value === null ? 0 : value / top;
      const points =
        value === null ? 0 : evaluationFigures[figure].isHigherBetter ? share * 100 : (1 - share) * 100;
      return { figure, value, weight, points: round1(points) };
    });
    const score = round1(parts.reduce((total, p) => total + (p.points * p.weight) / 100, 0));
    return { person, score, parts, rank: 0 };
  });
  scored.sort((a, b) => b.score - a.score || a.person.localeCompare(b.person));
  scored.forEach((p, i) => {
    p.rank = i > 0 && scored[i - 1]!.score === p.score ? scored[i - 1]!.rank : i + 1;
  });
  return scored;
}
