export type ReportFormat = 'text' | 'json' | 'junit' | 'sarif' | 'github';

export interface ReportOptions {
  /** Version of svmc, written into the json and sarif reports. */
  toolVersion: string;
  /** Report warnings as errors. */
  strict?: boolean;
  /** The check ran in preparation mode: sign-offs still to come were reported as notes. */
  preparing?: boolean;
  /** Colour the text report with ANSI escapes. */
  color?: boolean;
  /**
   * The working directory the application folders were named from (the repository root in CI).
   * Report paths are made relative to it, so an absolute folder becomes repo-relative. Without
   * it, paths start at the application folder as the user named it.
   */
  cwd?: string;
  /**
   * The root of the git repository the check ran in, absolute. SARIF locations are relative to
   * it, as code scanning reads them; default: `cwd`.
   */
  repositoryRoot?: string;
  /** The exit code the run ends with, recorded in SARIF's invocation. */
  exitCode?: number;
}
