import { Argument, Command, Option } from './commander.js';
import { collect, dirOption, examples, folderOf, formatOption, levelOption, renewalOption, sizeOption, yesOption } from './options.js';
import { defineKeygen, defineRegisterKey, defineSign, defineSignoffAdd } from './signing-commands.js';
import { VERSION } from './version.js';

/** The options a command's action receives, as commander's typings infer them from its declaration. */
export type OptionsOf<D extends (program: Command) => { opts(): unknown }> = ReturnType<ReturnType<D>['opts']>;

const EXAMPLES = `
Examples:
  svmc init riverside                  start an application (asks what it needs)
  svmc map L1.PL.1 evidence/plan/stakeholder-map.csv --summary "Agreed by the board"
  svmc status                          what is met, what to do next
  svmc check                           every finding, with file, line and column
  svmc sign --as lead --key ~/.config/svmc/lead.key
  svmc pack                            the signed submission pack
  svmc verify pack.zip                 the assessor's check

Run "svmc <command> --help" for a command's flags and examples.`;


export const defineInit = (program: Command) =>
  program
    .command('init')
    .argument('[dir]', 'folder to create (default: the current folder)')
    .description('scaffold an application folder: svmc.yaml, evidence/, drafts/')
    .addOption(dirOption())
    .option('--org <name>', 'organisation name')
    .addOption(new Option('--scope <scope>', 'what applies').choices(['organisation', 'programme'] as const))
    .option('--programme <name>', 'programme or project name (with --scope programme)')
    .addOption(levelOption())
    .addOption(renewalOption())
    .addOption(sizeOption())
    .option('--network <name>', 'membership network, e.g. "Social Value UK"')
    .option('--membership-number <id>', 'organisational membership number')
    .option('--lead-name <name>', 'Social Value Lead')
    .option('--lead-email <email>', "Social Value Lead's email")
    .option('--senior-name <name>', 'Social Value Senior Leader')
    .option('--senior-email <email>', "Social Value Senior Leader's email")
    .option('--previous-award <LEVEL:DATE:REF>', 'a previous award (repeatable)', collect)
    .option('--preparation-call <YYYY-MM-DD>', 'date of the preparation call with the Assurance Manager')
    .option('--terms <file>', 'the signed Terms & Conditions (copied into evidence/ when it lies outside the folder)')
    .option('--templates <dir>', 'house templates to copy into drafts/ instead of the built-in ones')
    .addOption(new Option('--ci <provider>', 'add a CI workflow that runs svmc check').choices(['github'] as const))
    .addOption(yesOption())
    .option('-f, --force', 'add the application to a non-empty folder, keeping every file there')
    .addHelpText(
      'after',
      examples(
        'svmc init                      ask for everything, in the current folder',
        'svmc init riverside --yes --org "Riverside Community Trust" --level 1 --size medium',
        'svmc init acme --templates ~/house-templates --ci github',
      ),
    );

export const defineCriteria = (program: Command) =>
  program
    .command('criteria')
    .description('list the criteria catalogue')
    .option('--level <level>', 'only this level: 1, 2 or 3')
    .option('--stage <stage>', 'only this stage: creating-capacity, plan, do, assess, revise')
    .option('--catalogue <ref>', 'a catalogue id or the path of a catalogue file')
    .addOption(formatOption(['text', 'json'] as const))
    .addHelpText('after', examples('svmc criteria --level 2', 'svmc criteria --level 3 --stage revise --format json'));

export const defineMap = (program: Command) =>
  program
    .command('map')
    .argument('<criterion>', 'criterion id, e.g. L2.PL.1')
    .argument('<file...>', 'evidence files: relative to the folder, or absolute inside it (\\ is read as /)')
    .description('add evidence files to a criterion in svmc.yaml, changing only the lines it adds')
    .option('--summary <text>', 'what the evidence shows')
    .option('--date <YYYY-MM-DD>', 'when it happened')
    .option('--area <name>', 'which area of the organisation it comes from')
    .option('--locator <where>', 'where in the file the evidence is, e.g. "p. 4, §2.1"')
    .option('--statement <text>', 'how the organisation meets the criterion (its statement on the form)')
    .addOption(dirOption())
    .addHelpText(
      'after',
      examples(
        'svmc map L2.PL.1 evidence/plan/stakeholder-map.xlsx --summary "Stakeholder map agreed by the board"',
        'svmc map L2.RV.1 evidence/revise/board-minutes.pdf --locator "minute 7" --statement "The board discusses the data each quarter."',
        'svmc map L3.RV.1 evidence/revise/minutes-2026-03.pdf --date 2026-03-12 --area "Youth services"',
      ),
    );

export const defineStatement = (program: Command) =>
  program
    .command('statement')
    .argument('<criterion>', 'criterion id, e.g. L2.PL.1')
    .argument('<text>', 'how the organisation meets the criterion, in its own words')
    .description("write the applicant's statement of how a criterion is met into svmc.yaml, changing only the lines it must")
    .addOption(dirOption())
    .addHelpText(
      'after',
      examples(
        'svmc statement L2.PL.1 "The stakeholder map was built with two focus groups and agreed by the board in March."',
        'svmc statement L3.RV.1 "$(cat statements/rv1.txt)" --dir clients/acme',
      ),
    );

export const defineCheck = (program: Command, codesHelp = '') =>
  program
    .command('check')
    .argument('[dirs...]', 'application folders (default: the current folder)')
    .description('validate application folders and report findings')
    .addOption(dirOption().argParser(collect))
    .addOption(formatOption(['text', 'json', 'junit', 'sarif', 'github'] as const))
    .option('-o, --output <file>', 'write the report to a file ("-" for stdout) instead of stdout')
    .option('--strict', 'treat warnings as errors')
    .option('--preparing', 'preparation mode: sign-offs not yet given, or given before the last edit, are notes')
    .option('--offline', 'accepted for scripts; svmc never goes online')
    .addHelpText('after', examples('svmc check', 'svmc check clients/* --format json --output report.json', 'svmc check --format github --strict', 'svmc check clients/* --preparing --format sarif --output svmc.sarif'))
    .addHelpText('after', codesHelp === '' ? '' : `\nFinding codes (the README describes each):\n${codesHelp}`);

export const defineStatus = (program: Command) =>
  program
    .command('status')
    .argument('[dirs...]', 'application folders (default: the current folder); several give one row each')
    .description('progress matrix of an application, or a portfolio of several: what is met, what to do next, when awards expire')
    .addOption(dirOption().argParser(collect))
    .addOption(formatOption(['text', 'json', 'csv'] as const))
    .option('--calendar <file>', 'write an iCalendar file (.ics) with each award\'s expiry and reminders 90, 30 and 7 days before')
    .addHelpText('after', examples('svmc status', 'svmc status clients/acme --format json', 'svmc status clients/*/ --format csv', 'svmc status clients/*/ --calendar awards.ics'));

export const defineFee = (program: Command) =>
  program
    .command('fee')
    .argument('[dir]', "application folder whose svmc.yaml gives size and level (default: the current folder)")
    .description("the application fee, from the folder's svmc.yaml or from --size and --level")
    .addOption(dirOption())
    .addOption(sizeOption())
    .addOption(levelOption())
    .addOption(renewalOption())
    .option('--vat-rate <rate>', 'VAT rate as a fraction (0.2) or percentage (20%)')
    .option('--discount <discount>', 'membership discount: a percentage (10%) or an amount in pounds (50.00)')
    .option('--journey', 'levels 1 to 3 and the renewals that follow')
    .option('--renewals <n>', 'renewals of level 3 shown by --journey, one every two years', '2')
    .option('--fee-table <file>', 'a fee table file to use instead of the built-in one')
    .addOption(formatOption(['text', 'json'] as const))
    .addHelpText(
      'after',
      examples('svmc fee', 'svmc fee --size very-large --level 3', 'svmc fee --size small --level 1 --vat-rate 0.2 --discount 10%', 'svmc fee --size medium --journey --format json'),
    );

export const definePack = (program: Command) =>
  program
    .command('pack')
    .argument('[dir]', 'application folder (default: the current folder)')
    .description('bundle a signed BagIt zip with a PDF summary')
    .addOption(dirOption())
    .option('-o, --out <file.zip>', 'where to write the pack ("-" for stdout; default: <pack id>.zip here, or beside the folder when here is inside it)')
    .option('--date <YYYY-MM-DD|ISO time>', 'pack date (default: SOURCE_DATE_EPOCH, else now)')
    .option('--draft', 'pack despite errors, unsigned, marked DRAFT')
    .addHelpText(
      'after',
      examples('svmc pack', 'SOURCE_DATE_EPOCH=1767225600 svmc pack examples/level-1 --out level-1.zip', 'svmc pack --draft --out draft.zip'),
    );

export const defineForm = (program: Command) =>
  program
    .command('form')
    .argument('[dir]', 'application folder (default: the current folder)')
    .description('write the filled criteria-and-evidence form, as the pack carries it, to a Word document, PDF or HTML page')
    .addOption(dirOption())
    .requiredOption('-o, --out <file.docx|file.pdf|file.html>', 'where to write the form; its kind follows the name\'s ending ("-" is not allowed: a form is a file)')
    .option('--date <YYYY-MM-DD|ISO time>', 'date the form carries (default: SOURCE_DATE_EPOCH, else now)')
    .addHelpText('after', examples('svmc form --out form.docx', 'svmc form examples/level-3 --out level-3-form.pdf'));

/** `svmc evidence`: the evidence register as a spreadsheet, out and back in. */
const defineEvidence = (program: Command) => program.command('evidence').description('the evidence register as a spreadsheet (CSV or XLSX): export it, edit it, import it back');

export const defineEvidenceExport = (evidence: Command) =>
  evidence
    .command('export')
    .argument('[dir]', 'application folder (default: the current folder)')
    .description('write the evidence register: one row per item with stage, criterion, file, summary, date, area, locator, size, SHA-256 and statement')
    .addOption(dirOption())
    .requiredOption('-o, --out <register.csv|register.xlsx>', 'where to write it; CSV or XLSX by the name\'s ending')
    .addHelpText('after', examples('svmc evidence export --out register.xlsx', 'svmc evidence export clients/acme --out acme.csv'));

export const defineEvidenceImport = (evidence: Command) =>
  evidence
    .command('import')
    .argument('<file>', 'the register, .csv or .xlsx')
    .argument('[dir]', 'application folder (default: the current folder)')
    .description('merge an edited register into svmc.yaml: adds items, updates summaries, dates, areas, locators and statements, keeps comments')
    .addOption(dirOption())
    .option('--prune', 'also remove the items the register no longer lists')
    .addOption(yesOption())
    .addHelpText('after', examples('svmc evidence import register.xlsx', 'svmc evidence import register.csv --prune --yes'));

export const defineVerify = (program: Command) =>
  program
    .command('verify')
    .argument('<path...>', 'a pack zip, any BagIt bag zipped, or a bag folder (several: one report)')
    .description("assessor's check: the bag complete and intact, both sign-offs valid, the summary showing exactly the signed data")
    .option('--trust <key.pub>', 'pin a trusted public key (repeatable)', collect)
    .option('--bagit-only', 'judge BagIt validity alone, for bags that are not svmc packs')
    .option('--strict', 'warnings make a pack not valid')
    .addOption(formatOption(['text', 'json'] as const))
    .addHelpText(
      'after',
      examples('svmc verify riverside-level-2.zip', 'svmc verify unzipped/svmc-riverside/ --trust lead.pub --trust senior.pub', 'svmc verify --bagit-only bag1.zip bag2/ --format json'),
    );

export const defineAssess = (program: Command) =>
  program
    .command('assess')
    .argument('[dir]', 'application folder the results are written into (default: the current folder)')
    .description('self-assessment against the seven Principles of Social Value')
    .addOption(dirOption())
    .option('--answers <file>', 'answers YAML instead of questions')
    .option('--list', 'print the questionnaire')
    .addOption(yesOption())
    .addOption(formatOption(['text', 'json'] as const))
    .addHelpText('after', examples('svmc assess', 'svmc assess --answers answers.yaml --format json', 'svmc assess --list --format json'));

export const defineUi = (program: Command) =>
  program
    .command('ui')
    .argument('[dir]', 'application folder (default: the current folder)')
    .description('the application as a local workspace in the browser: on 127.0.0.1 only, offline, with a private token')
    .addOption(dirOption())
    .option('--port <n>', 'port to listen on (default: any free one)', '0')
    .option('--no-open', 'print the address without opening a browser')
    .addHelpText('after', examples('svmc ui', 'svmc ui clients/acme --port 8123 --no-open'));

const defineCompletion = (program: Command) =>
  program
    .command('completion')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish'] as const))
    .description('print a shell completion script: commands, flags, criterion ids and roles')
    .addHelpText('after', examples('source <(svmc completion bash)', 'svmc completion fish > ~/.config/fish/completions/svmc.fish'));

export const defineCi = (program: Command) =>
  program
    .command('ci')
    .addArgument(new Argument('<provider>', 'the CI service').choices(['github'] as const))
    .argument('[folders...]', 'application folders to check (default: every folder of the repository holding svmc.yaml, found as the job runs)')
    .description("add the CI workflow that checks the applications, at the git repository's root")
    .option('--dir <dir>', 'a folder in the repository (default: the current folder)')
    .option('--install <spec>', 'what the job installs with npm install -g: a version, a release tarball in the repository or a git URL (default: this svmc\'s version)')
    .option('-f, --force', 'replace an existing workflow')
    .addHelpText('after', examples('svmc ci github', 'svmc ci github clients/acme clients/riverside', 'svmc ci github --install vendor/svmc-0.1.0.tgz --force'));

export const defineDoctor = (program: Command) =>
  program
    .command('doctor')
    .argument('[dir]', 'application folder whose $schema line to look at (default: the current folder)')
    .description('which svmc and Node.js run, whether the $schema line of svmc.yaml resolves, which optional tools are there')
    .addOption(dirOption())
    .option('--fix', 'write svmc.schema.json beside svmc.yaml, or bring it up to date (nothing else is changed)')
    .addOption(formatOption(['text', 'json'] as const))
    .addHelpText('after', examples('svmc doctor', 'svmc doctor clients/acme --fix', 'svmc doctor --format json'));

/**
 * Declares every command and its flags. Command code is imported only when that command runs,
 * so `svmc --help` stays fast and never loads the PDF, zip or prompt libraries. Each action passes
 * the options commander parsed to its command's `run`, whose parameter types come from the same
 * declaration: a flag and its option type cannot drift apart.
 */
export function buildProgram(setExitCode: (code: number) => void, options: { codesHelp?: string } = {}) {
  const program = new Command('svmc')
    .description('Prepare, check, sign and pack applications for the Social Value Management Certificate.')
    .version(VERSION, '-v, --version')
    .option('--no-color', 'never colour the output')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureHelp({ sortSubcommands: false })
    .addHelpText('after', EXAMPLES);
  const done = (code: number): void => setExitCode(code);

  defineInit(program).action(async (dir, options) => done(await (await import('./commands/init.js')).run(folderOf(dir, options.dir), options)));
  defineCriteria(program).action(async (options) => done(await (await import('./commands/criteria.js')).run(options)));
  defineMap(program).action(async (criterion, files, options) => done(await (await import('./commands/map.js')).run(criterion, files, options)));
  defineStatement(program).action(async (criterion, text, options) => done(await (await import('./commands/statement.js')).run(criterion, text, options)));
  defineForm(program).action(async (dir, options) => done(await (await import('./commands/form.js')).run(folderOf(dir, options.dir), options)));
  const evidence = defineEvidence(program);
  defineEvidenceExport(evidence).action(async (dir, options) => done(await (await import('./commands/evidence.js')).runExport(folderOf(dir, options.dir), options)));
  defineEvidenceImport(evidence).action(async (file, dir, options) => done(await (await import('./commands/evidence.js')).runImport(file, folderOf(dir, options.dir), options)));
  defineCheck(program, options.codesHelp).action(async (dirs, options) => done(await (await import('./commands/check.js')).run([...dirs, ...(options.dir ?? [])], options)));
  defineStatus(program).action(async (dirs, options) => done(await (await import('./commands/status.js')).run([...dirs, ...(options.dir ?? [])], options)));
  defineFee(program).action(async (dir, options) => done(await (await import('./commands/fee.js')).run(folderOf(dir, options.dir), options)));
  defineKeygen(program).action(async (dir, options) => done(await (await import('./commands/keygen.js')).run(folderOf(dir, options.dir), options)));
  defineSign(program).action(async (dir, options) => {
    const named = dir === undefined && options.dir === undefined ? undefined : folderOf(dir, options.dir);
    done(await (await import('./commands/sign.js')).run(named, options));
  });
  defineRegisterKey(program).action(async (key, dir, options) => done(await (await import('./commands/register-key.js')).run(key, folderOf(dir, options.dir), options)));
  defineSignoffAdd(program).action(async (file, dir, options) => done(await (await import('./commands/signoff-add.js')).run(file, folderOf(dir, options.dir), options)));
  definePack(program).action(async (dir, options) => done(await (await import('./commands/pack.js')).run(folderOf(dir, options.dir), options)));
  defineVerify(program).action(async (paths, options) => done(await (await import('./commands/verify.js')).run(paths, options)));
  defineAssess(program).action(async (dir, options) => done(await (await import('./commands/assess.js')).run(folderOf(dir, options.dir), options)));
  defineCi(program).action(async (provider, folders, options) => done(await (await import('./commands/ci.js')).run(provider, folders, options)));
  defineDoctor(program).action(async (dir, options) => done(await (await import('./commands/doctor.js')).run(folderOf(dir, options.dir), options)));
  defineUi(program).action(async (dir, options) => done(await (await import('./commands/ui.js')).run(folderOf(dir, options.dir), options)));
  defineCompletion(program).action(async (shell) => done(await (await import('./commands/completion.js')).run(shell, program)));
  return program;
}
