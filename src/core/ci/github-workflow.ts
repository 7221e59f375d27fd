/**
 * Actions pinned to full commit SHAs, so that a tag moved later never changes what runs; the tag
 * each SHA was released as stays beside it in the workflow.
 */
const PINNED_ACTIONS = {
  checkout: { uses: 'actions/checkout', sha: '08c6903cd8c0fde910a37f88322edcfb5dd907a8', tag: 'v5.0.0' },
  setupNode: { uses: 'actions/setup-node', sha: 'a0853c24544627f65ddf259abe73b1d18a591444', tag: 'v5.0.0' },
  uploadSarif: { uses: 'github/codeql-action/upload-sarif', sha: '5d4e8d1aca955e8d8589aabd499c5cae939e33c7', tag: 'v4.31.9' },
} as const;

/** The Node.js major the workflow runs svmc with: a maintained LTS line within svmc's engines. */
const NODE_VERSION = '24';

export interface WorkflowOptions {
  /** Application folders relative to the repository root, with `/`; none: every folder holding svmc.yaml. */
  folders: string[];
  /** What `npm install -g` installs: an exact version spec, a tarball in the repository or a git URL. */
  install: string;
  /** The svmc that wrote the workflow. */
  version: string;
}

const pin = ({ uses, sha, tag }: { uses: string; sha: string; tag: string }): string => `${uses}@${sha} # ${tag}`;

/** A word for bash: left bare when it is plainly safe, else single-quoted. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

/** Folders found when the job runs, so a client folder added later is checked without editing the workflow. */
const DISCOVER =
  "mapfile -t folders < <(find . -name svmc.yaml -type f -not -path './.git/*' -not -path '*/node_modules/*' -printf '%h\\n' | sed 's|^\\./||' | LC_ALL=C sort)";

/** The GitHub Actions workflow that installs a pinned svmc and checks the applications on every push. */
export function renderGithubWorkflow(options: WorkflowOptions): string {
  const folders =
    options.folders.length === 0
      ? [`          # every folder of the repository that holds an svmc.yaml`, `          ${DISCOVER}`]
      : [`          folders=(${options.folders.map(shellWord).join(' ')})`];
  return `# Checks the Social Value Management Certificate applications in this repository on every push and
# pull request. Findings appear as annotations on the changed files, in the job summary, and in code
# scanning (the repository's Security tab). Written by svmc ${options.version}: "svmc ci github --force"
# writes it again.
name: svmc

on:
  push:
  pull_request:

permissions:
  contents: read
  # to upload the SARIF report to code scanning
  security-events: write
  actions: read

env:
  # Preparation mode: a sign-off not yet given, or given before the last edit, is a note, so the job
  # stays green while the evidence is gathered. Once both representatives have signed, set
  # SVMC_MODE to '' (submission mode) to check the applications as they will be submitted.
  SVMC_MODE: --preparing

jobs:
  check:
    runs-on: ubuntu-latest
    defaults:
      run:
        shell: bash
    steps:
      - uses: ${pin(PINNED_ACTIONS.checkout)}
        with:
          persist-credentials: false
      - uses: ${pin(PINNED_ACTIONS.setupNode)}
        with:
          node-version: '${NODE_VERSION}'
      - name: Install svmc
        # exactly this svmc: a version, a release tarball kept in the repository, or a git URL
        run: npm install -g ${shellWord(options.install)} --no-audit --no-fund
      - name: Check the applications
        id: check
        run: |
${folders.join('\n')}
          code=0
          svmc check "\${folders[@]}" $SVMC_MODE --format sarif --output "$RUNNER_TEMP/svmc.sarif" || code=$?
          if [ "$code" -gt 1 ]; then exit "$code"; fi
          echo "sarif=$RUNNER_TEMP/svmc.sarif" >> "$GITHUB_OUTPUT"
          svmc check "\${folders[@]}" $SVMC_MODE --format github
      - name: Upload the findings to code scanning
        if: \${{ !cancelled() && steps.check.outputs.sarif != '' }}
        uses: ${pin(PINNED_ACTIONS.uploadSarif)}
        with:
          sarif_file: \${{ steps.check.outputs.sarif }}
          category: svmc
`;
}
