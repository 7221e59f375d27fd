/** Results of `svmc assess`, as saved in self-assessment.yaml. */
export interface AssessmentResult {
  /** YYYY-MM-DD */
  date: string;
  answers: Record<string, number>;
  /** Principle id → score as a percentage (0–100). */
  scores: Record<string, number>;
  total: number;
  max: number;
  ready: boolean;
}

export interface Principle {
  id: string;
  number: number;
  title: string;
}
