import type { Citation } from '@careloop/core/clinical/source';
import { getScore, scoreRegistry } from '@careloop/core/clinical/scores/registry';
import { runScore, ScoreInputError } from '@careloop/core/clinical/scores/run';
import type { InputProblem, ScoreResult } from '@careloop/core/clinical/scores/run';
import type { InputSpec } from '@careloop/core/clinical/scores/types';
import type { LocalizedText } from '@careloop/core/i18n';

/**
 * What `careloop score` prints and `POST /api/scores/:id` answers, shared so that the two never drift apart.
 * (Node-free; it could move to services/ when a scores service appears.)
 */

/** One line of the score list: enough to choose a score and know what it needs. */
export interface ScoreSummary {
  readonly id: string;
  readonly version: string;
  readonly name: LocalizedText;
  readonly unit: string;
  readonly source: readonly [Citation, ...Citation[]];
  readonly inputs: Readonly<Record<string, InputSpec>>;
  readonly categories: readonly string[];
  readonly notes?: string;
}

export function listScores(): ScoreSummary[] {
  return [...scoreRegistry.values()].map((d) => ({
    id: d.id,
    version: d.version,
    name: d.name,
    unit: d.unit,
    source: d.source,
    inputs: d.inputs as Readonly<Record<string, InputSpec>>,
    categories: (d.categories ?? []).map((c) => c.code),
    ...(d.notes ? { notes: d.notes } : {}),
  }));
}

export type ScoreOutput =
  | {
      readonly score: string;
      readonly value: number;
      readonly unit: string;
      readonly category: string | null;
      readonly interpretation: LocalizedText | null;
      readonly source: readonly Citation[];
      readonly inputs: Readonly<Record<string, number | boolean | string | undefined>>;
      readonly details?: Readonly<Record<string, number | string>>;
    }
  | { readonly score: string; readonly applicable: false; readonly reason: LocalizedText };

/** The result as one JSON object: value, unit, category (null if the score has none), interpretation, source. */
export function toScoreOutput(r: ScoreResult): ScoreOutput {
  if (!r.applicable) return { score: r.score, applicable: false, reason: r.reason };
  return {
    score: r.score,
    value: r.value,
    unit: r.unit,
    category: r.category ?? null,
    interpretation: r.interpretation ?? null,
    source: r.source,
    inputs: r.inputs,
    ...(r.details ? { details: r.details } : {}),
  };
}

export type Evaluation =
  | { readonly ok: true; readonly output: ScoreOutput }
  | { readonly ok: false; readonly kind: 'unknown-score'; readonly message: string }
  | { readonly ok: false; readonly kind: 'invalid-input'; readonly problems: readonly InputProblem[] };

/** Runs a score on raw inputs (a JSON object), returning the output or what is wrong — never throwing on bad input. */
export function evaluateScore(id: string, raw: unknown): Evaluation {
  const def = getScore(id);
  if (!def) {
    const known = [...scoreRegistry.keys()].join(', ');
    return { ok: false, kind: 'unknown-score', message: `unknown score "${id}"; known scores: ${known}` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      kind: 'invalid-input',
      problems: [{ input: '(inputs)', message: 'must be a JSON object of input name → value' }],
    };
  }
  try {
    return { ok: true, output: toScoreOutput(runScore(def, raw as Readonly<Record<string, unknown>>)) };
  } catch (err) {
    if (err instanceof ScoreInputError) return { ok: false, kind: 'invalid-input', problems: err.problems };
    throw err;
  }
}
