import type { Command } from './commander.js';
import { Option } from './commander.js';
import { ROLES } from '../core/domain.js';
import { dirOption, examples, roleOption, yesOption } from './options.js';

/** The commands of the two representatives: their keys, their sign-offs, and sign-offs made elsewhere. */

export const defineKeygen = (program: Command) =>
  program
    .command('keygen')
    .argument('[dir]', 'application folder, for --register (default: the current folder)')
    .description('create an Ed25519 signing key pair in the minisign format, protected by a passphrase')
    .addOption(roleOption('whose key'))
    .option('--out <path.key>', 'private key file; the public key is written beside it as .pub')
    .option('--no-passphrase', 'write the private key unencrypted (for scripts; otherwise asked for, or taken from SVMC_KEY_PASSPHRASE)')
    .option('--register', 'record the public key in svmc.yaml under the representative')
    .option('--replace', 'with --register: replace a key registered before')
    .addOption(dirOption())
    .option('-f, --force', 'overwrite an existing key file')
    .addHelpText(
      'after',
      examples(
        'svmc keygen --as lead --register',
        'svmc keygen --as senior --out ~/keys/svmc-senior.key',
        'SVMC_KEY_PASSPHRASE=… svmc keygen --as lead --out ci-lead.key     without a terminal',
      ),
    );

export const defineSign = (program: Command) =>
  program
    .command('sign')
    .argument('[dir]', 'application folder (default: the current folder)')
    .description('review and sign the evidence manifest as a representative, in the folder or on a draft pack')
    .addOption(roleOption('who signs'))
    .option('--key <file>', 'private key file (or the key text in SVMC_SIGNING_KEY); a passphrase is asked for, or taken from SVMC_KEY_PASSPHRASE')
    .option('--pack <draft.zip>', 'sign a draft pack (svmc pack --draft) away from the folder')
    .option('-o, --out <file.minisig>', 'with --pack: where the sign-off goes (default: <role>.minisig here)')
    .addOption(dirOption())
    .addOption(yesOption())
    .addHelpText(
      'after',
      examples(
        'svmc sign --as lead --key ~/.config/svmc/lead.key',
        'SVMC_SIGNING_KEY="$(cat senior.key)" svmc sign --as senior --yes',
        'svmc sign --as senior --pack draft.zip --key ~/.config/svmc/senior.key --out senior.minisig',
      ),
    );

export const defineRegisterKey = (program: Command) =>
  program
    .command('register-key')
    .argument('<key>', 'the public key: a .pub file, or its line (RW…)')
    .argument('[dir]', 'application folder (default: the current folder)')
    .description("record a representative's existing public key in svmc.yaml")
    .addOption(roleOption('whose key'))
    .option('--replace', 'replace a different key registered before')
    .addOption(dirOption())
    .addHelpText('after', examples('svmc register-key --as senior ben-senior.pub', 'svmc register-key --as lead RWQ… --replace --dir riverside'));

export const defineSignoffAdd = (program: Command) =>
  program
    .command('signoff')
    .description('sign-offs made elsewhere')
    .command('add')
    .argument('<file>', 'the sign-off (.minisig), e.g. made with svmc sign --pack on a draft')
    .argument('[dir]', 'application folder (default: the current folder)')
    .description("file a sign-off made elsewhere, once it verifies against the folder's current manifest")
    .addOption(new Option('--as <role>', 'whose sign-off (default: the role its trusted comment names)').choices(ROLES))
    .addOption(dirOption())
    .addHelpText('after', examples('svmc signoff add senior.minisig', 'svmc signoff add ~/Downloads/senior.minisig riverside'));
