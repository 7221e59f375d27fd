/** Where `svmc assess` keeps its results in an application folder; a pack carries the results in its payload. */
export const RESULTS_FILE = 'self-assessment.yaml';
export const CHART_FILE = 'self-assessment.svg';
