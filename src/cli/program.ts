import { Command, Option } from 'commander';
import { VERSION } from './version.js';

export interface CommandModule {
  run(...args: never[]): Promise<number>;
}

type Loader = () => Promise<CommandModule>;

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/**
 * Declares every command and its flags. Command code is imported only when that command runs,
 * so `svmc --help` stays fast and never loads the PDF, zip or prompt libraries.
 */
export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('svmc')
    .description('Prepare, check, sign and pack applications for the Social Value Management Certificate.')
    .version(VERSION, '-V, --version')
    .option('--no-color', 'never colour the output')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureHelp({ sortSubcommands: false });

  const lazy =
    (load: Loader) =>
    async (...args: unknown[]): Promise<void> => {
      const module = await load();
      setExitCode(await (module.run as (...a: unknown[]) => Promise<number>)(...args.slice(0, -1)));
    };

  program
    .command('init')
    .argument('[dir]', 'folder to create', '.')
    .description('scaffold an application folder: svmc.yaml, evidence/, drafts/')
    .option('--org <name>', 'organisation name')
    .addOption(new Option('--scope <scope>', 'what applies').choices(['organisation', 'programme']))
    .option('--programme <name>', 'programme or project name (with --scope programme)')
    .option('--level <level>', 'certificate level: 1, 2 or 3')
    .option('--renewal', 'a renewal of level 3')
    .option('--size <size>', 'membership size: small, medium, large, very-large')
    .option('--network <name>', 'membership network, e.g. "Social Value UK"')
    .option('--membership-number <id>', 'organisational membership number')
    .option('--lead-name <name>', 'Social Value Lead')
    .option('--lead-email <email>', "Social Value Lead's email")
    .option('--senior-name <name>', 'Social Value Senior Leader')
    .option('--senior-email <email>', "Social Value Senior Leader's email")
    .option('--previous-award <LEVEL:DATE:REF>', 'a previous award (repeatable)', collect)
    .option('--templates <dir>', 'house templates to copy into drafts/ instead of the built-in ones')
    .addOption(new Option('--ci <provider>', 'add a CI workflow that runs svmc check').choices(['github']))
    .option('-y, --yes', 'never prompt; take flags only')
    .option('-f, --force', 'write into a non-empty folder')
    .addHelpText(
      'after',
      `
Examples:
  svmc init                      ask for everything, in the current folder
  svmc init riverside --yes --org "Riverside Community Trust" --level 1 --size medium
  svmc init acme --templates ~/house-templates --ci github`,
    )
    .action(lazy(() => import('./commands/init.js')));

  program
    .command('criteria')
    .description('list the criteria catalogue')
    .option('--level <level>', 'only this level: 1, 2 or 3')
    .option('--stage <stage>', 'only this stage: creating-capacity, plan, do, assess, revise')
    .option('--catalogue <ref>', 'a catalogue id or the path of a catalogue file')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Examples:
  svmc criteria --level 2
  svmc criteria --level 3 --stage revise --format json`,
    )
    .action(lazy(() => import('./commands/criteria.js')));

  program
    .command('map')
    .argument('<criterion>', 'criterion id, e.g. L2.PL.1')
    .argument('<file...>', 'evidence files, relative to the folder (or absolute, inside it)')
    .description('add evidence files to a criterion in svmc.yaml, keeping comments and layout')
    .option('--summary <text>', 'what the evidence shows')
    .option('--date <YYYY-MM-DD>', 'when it happened')
    .option('--area <name>', 'which area of the organisation it comes from')
    .option('--dir <dir>', 'application folder', '.')
    .addHelpText(
      'after',
      `
Examples:
  svmc map L2.PL.1 evidence/plan/stakeholder-map.xlsx --summary "Stakeholder map agreed by the board"
  svmc map L3.RV.1 evidence/revise/minutes-2026-03.pdf --date 2026-03-12 --area "Youth services"`,
    )
    .action(lazy(() => import('./commands/map.js')));

  program
    .command('check')
    .argument('[dirs...]', 'application folders (default: the current folder)')
    .description('validate application folders and report findings')
    .addOption(
      new Option('--format <format>', 'report format')
        .choices(['text', 'json', 'junit', 'sarif', 'github'])
        .default('text'),
    )
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--strict', 'treat warnings as errors')
    .option('--offline', 'accepted for scripts; svmc never goes online')
    .addHelpText(
      'after',
      `
Examples:
  svmc check
  svmc check clients/* --format json --output report.json
  svmc check --format github --strict`,
    )
    .action(lazy(() => import('./commands/check.js')));

  program
    .command('status')
    .argument('[dir]', 'application folder', '.')
    .description('progress matrix: stages by criteria, what is met, what to do next')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExamples:\n  svmc status\n  svmc status clients/acme')
    .action(lazy(() => import('./commands/status.js')));

  program
    .command('fee')
    .description("the application fee, from the folder's svmc.yaml or from --size and --level")
    .option('--dir <dir>', 'application folder', '.')
    .option('--size <size>', 'membership size: small, medium, large, very-large')
    .option('--level <level>', 'certificate level: 1, 2 or 3')
    .option('--renewal', 'a renewal of level 3')
    .option('--vat-rate <rate>', 'VAT rate as a fraction (0.2) or percentage (20%)')
    .option('--discount <discount>', 'membership discount: a percentage (10%) or an amount in pounds (50.00)')
    .option('--journey', 'levels 1 to 3 and the renewals that follow')
    .option('--renewals <n>', 'renewals of level 3 shown by --journey, one every two years', '2')
    .option('--fee-table <file>', 'a fee table file to use instead of the built-in one')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Examples:
  svmc fee
  svmc fee --size very-large --level 3
  svmc fee --size small --level 1 --vat-rate 0.2 --discount 10%
  svmc fee --size medium --journey --format json`,
    )
    .action(lazy(() => import('./commands/fee.js')));

  program
    .command('keygen')
    .description('create an Ed25519 signing key pair in the minisign format')
    .addOption(new Option('--as <role>', 'whose key').choices(['lead', 'senior']).makeOptionMandatory())
    .option('--out <path.key>', 'private key file; the public key is written beside it as .pub')
    .option('--register', "record the public key in svmc.yaml under the representative")
    .option('--dir <dir>', 'application folder (with --register)', '.')
    .option('-f, --force', 'overwrite an existing key')
    .addHelpText(
      'after',
      `
Examples:
  svmc keygen --as lead --register
  svmc keygen --as senior --out ~/keys/svmc-senior.key`,
    )
    .action(lazy(() => import('./commands/keygen.js')));

  program
    .command('sign')
    .description('sign the evidence manifest as a representative')
    .addOption(new Option('--as <role>', 'who signs').choices(['lead', 'senior']).makeOptionMandatory())
    .option('--key <file>', 'private key file (or the key text in SVMC_SIGNING_KEY)')
    .option('--dir <dir>', 'application folder', '.')
    .addHelpText(
      'after',
      `
Examples:
  svmc sign --as lead --key ~/.config/svmc/lead.key
  SVMC_SIGNING_KEY="$(cat senior.key)" svmc sign --as senior`,
    )
    .action(lazy(() => import('./commands/sign.js')));

  program
    .command('pack')
    .argument('[dir]', 'application folder', '.')
    .description('bundle a signed BagIt zip with a PDF summary')
    .requiredOption('-o, --out <file.zip>', 'where to write the pack')
    .option('--date <YYYY-MM-DD|ISO time>', 'pack date (default: SOURCE_DATE_EPOCH, else now)')
    .option('--draft', 'pack despite errors, unsigned, marked DRAFT')
    .addHelpText(
      'after',
      `
Examples:
  svmc pack --out riverside-level-2.zip
  SOURCE_DATE_EPOCH=1767225600 svmc pack examples/level-1 --out level-1.zip
  svmc pack --draft --out draft.zip`,
    )
    .action(lazy(() => import('./commands/pack.js')));

  program
    .command('verify')
    .argument('<pack>', 'the pack zip')
    .description("assessor's check: bag complete and intact, both signatures valid, PDF present")
    .option('--trust <key.pub>', 'pin a trusted public key (repeatable)', collect)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Examples:
  svmc verify riverside-level-2.zip
  svmc verify pack.zip --trust lead.pub --trust senior.pub --format json`,
    )
    .action(lazy(() => import('./commands/verify.js')));

  program
    .command('assess')
    .description('self-assessment against the seven Principles of Social Value')
    .option('--dir <dir>', 'application folder', '.')
    .option('--answers <file>', 'answers YAML instead of questions')
    .option('--list', 'print the questionnaire')
    .option('-y, --yes', 'never prompt')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Examples:
  svmc assess
  svmc assess --answers answers.yaml --format json
  svmc assess --list --format json`,
    )
    .action(lazy(() => import('./commands/assess.js')));

  return program;
}
