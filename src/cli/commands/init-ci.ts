// The GitHub Actions workflow `opsplan init --ci github` writes (and the README shows): on pull
// requests, validate with annotations, JUnit and SARIF, and diff against the base branch with
// the summary on the run page; every month, the report as an artifact.

/** Where the workflow goes, relative to the repository root. */
export const GITHUB_WORKFLOW_FILE = '.github/workflows/opsplan.yml';

/** The workflow for a workspace at `workspace` (relative to the repository root, '.' at the top). */
export function githubWorkflow(workspace: string, version: string): string {
  const ws = workspace === '' ? '.' : workspace;
  const opsplan = `npx --yes opsplan@${version}`;
  return `# opsplan checks for pull requests and the monthly report, written by opsplan init --ci github.
# Pull requests: findings annotated on the changed lines, JUnit and SARIF uploaded, and what the
# change does to budgets, plans and stock parameters in the run's summary (opsplan diff).
# Schedule: the monthly report of the previous month as an artifact.
name: opsplan

on:
  pull_request:
  schedule:
    - cron: "0 6 2 * *" # 06:00 UTC on the 2nd of each month
  workflow_dispatch:

permissions:
  contents: read

jobs:
  check:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    permissions:
      contents: read
      security-events: write # SARIF upload to code scanning
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # opsplan diff reads the base branch from git
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Validate
        # Annotations on stdout; the summary goes to the run page by itself (GITHUB_STEP_SUMMARY).
        run: ${opsplan} validate ${ws} --format github --format junit=opsplan-junit.xml --format sarif=opsplan.sarif
      - name: What the change does
        if: always()
        # Exit 1 on errors the base branch did not have, edited approved budgets included.
        run: ${opsplan} diff ${ws} --base origin/\${{ github.base_ref }} --format markdown --output opsplan-diff.md
      - name: Upload findings to code scanning
        if: always() && hashFiles('opsplan.sarif') != ''
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: opsplan.sarif
          category: opsplan
      - name: Keep the reports
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: opsplan-checks
          path: |
            opsplan-junit.xml
            opsplan.sarif
            opsplan-diff.md
          if-no-files-found: ignore

  monthly-report:
    if: github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Report of the previous month
        run: ${opsplan} report ${ws} --period "$(date -u -d "$(date -u +%Y-%m-01) -1 day" +%Y-%m)" --output reports/opsplan-monthly.xlsx
      - uses: actions/upload-artifact@v4
        with:
          name: opsplan-monthly-report
          path: reports/opsplan-monthly.xlsx
`;
}
