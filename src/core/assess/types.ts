import type { Level } from '../domain.js';

/** Results of `svmc assess`, as saved in self-assessment.yaml. */
export interface AssessmentResult {
  /** Id and version of the questionnaire answered, e.g. `svmc-self-assessment@1`. */
  questionnaire?: string;
  /** YYYY-MM-DD */
  date: string;
  answers: Record<string, number>;
  /** Principle id → score as a percentage (0–100). */
  scores: Record<string, number>;
  total: number;
  max: number;
  /** The certificate level readiness is judged for (results written before it was recorded have none). */
  certificateLevel?: Level;
  /** Ready for that level. */
  ready: boolean;
}

export interface Principle {
  id: string;
  number: number;
  title: string;
  /** One sentence on what the principle asks. */
  summary?: string;
}

/** One question of the self-assessment; answered at a level from 1 to 5. */
interface Question {
  id: string;
  /** Principle id. */
  principle: string;
  text: string;
  /** Exactly five descriptions: levels[0] is level 1 (not started) … levels[4] level 5 (embedded and reviewed). */
  levels: string[];
  /** What to do next when the answer is low. */
  advice: string;
}

/** Ready when every answer is at least `minimumLevel` and the total (0–4 per question) is strictly above `threshold`. */
export interface ReadinessRule {
  minimumLevel: number;
  threshold: number;
  /** What the certificate level looks for, shown with the advice. */
  looksFor: string;
}

export interface Questionnaire {
  id: string;
  version: string;
  /** Short names of the five levels, level 1 first. */
  levelNames: string[];
  /** The rule of each certificate level. */
  readiness: { note?: string; levels: Record<Level, ReadinessRule> };
  principles: Principle[];
  questions: Question[];
}

export interface AdviceItem {
  question: string;
  principle: string;
  /** The answer's level. */
  level: number;
  /** The answer is below what the certificate level judged for needs. */
  needed: boolean;
  text: string;
}
