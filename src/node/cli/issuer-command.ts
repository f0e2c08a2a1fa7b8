// `leakaid issuer keygen | register | revoke | list`: the signing keys of organizations
// that issue verifiable notices. keygen runs at the organization (the private key stays
// in its file); register, revoke and list are for the registry's administrator.
import { type Command, Option } from 'commander';
import { NOTICE_KEYS_FORMAT, type NoticeKey, type NoticeKeysDocument } from '../../core/notices/keys.js';
import { generateIssuerKeyFile, IssuerKeyError } from '../notices/issuer-key.js';
import { checkDate, IssuerRegistrationError, registerIssuerKey, today } from '../notices/issuers.js';
import { defaultStoreLocation, openStore, type Store } from '../store/index.js';
import { listKeys, revokeKey } from '../store/notices.js';
import { UsageError } from './errors.js';

const DB_HELP = 'the registry store: a SQLite file or a postgres:// URL (env LEAKAID_DB; default ./var/)';

async function withStore<T>(db: string | undefined, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(db ?? defaultStoreLocation());
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

function keyLine(key: NoticeKey): string {
  const state = key.status === 'active' ? 'active' : `revoked ${key.revokedOn ?? ''}`.trim();
  return `${key.keyId}  ${key.organizationId}  ${key.domain}  from ${key.validFrom}  ${state}${key.revokedSerials === undefined ? '' : `  (${key.revokedSerials.length} notices withdrawn)`}`;
}

export function registerIssuerCommand(program: Command): void {
  const issuer = program.command('issuer').description('Signing keys of organizations that issue verifiable notices.');

  issuer
    .command('keygen')
    .description('Make a new Ed25519 signing key in a file only you can read (never overwrites); prints its public key to register and publish.')
    .requiredOption('--out <file>', 'where to write the private key (PEM)')
    .option('--org <id>', 'organization id, to print the well-known JSON to publish')
    .option('--domain <domain>', 'the domain that will publish the key')
    .action((options: { out: string; org?: string; domain?: string }) => {
      let key;
      try {
        key = generateIssuerKeyFile(options.out);
      } catch (error) {
        if (error instanceof IssuerKeyError) throw new UsageError(error.message);
        throw error;
      }
      const publicKey = key.publicKey.toString('base64url');
      process.stdout.write(`key id:     ${key.keyId}\npublic key: ${publicKey}\nprivate key written to ${options.out} (mode 600; keep it secret, never in the store)\n`);
      if (options.org !== undefined && options.domain !== undefined) {
        const document: NoticeKeysDocument = {
          format: NOTICE_KEYS_FORMAT,
          keys: [{ keyId: key.keyId, algorithm: 'Ed25519', publicKey, organizationId: options.org, domain: options.domain, validFrom: today(), status: 'active' }],
        };
        process.stdout.write(`\npublish at https://${options.domain}/.well-known/leakaid-notice-keys.json:\n${JSON.stringify(document, null, 2)}\n`);
      }
    });

  issuer
    .command('register')
    .description('Register an organization\'s public key (administrator).')
    .requiredOption('--org <id>', 'organization id on record (leakaid org NAME)')
    .requiredOption('--public-key <base64url>', 'the public key `leakaid issuer keygen` printed')
    .requiredOption('--domain <domain>', 'the organization\'s official domain that publishes the key')
    .option('--valid-from <date>', 'first issue date the key may sign (YYYY-MM-DD; default today)')
    .option('--db <path>', DB_HELP)
    .action(async (options: { org: string; publicKey: string; domain: string; validFrom?: string; db?: string }) => {
      const key = await withStore(options.db, (store) =>
        registerIssuerKey(store, { organizationId: options.org, publicKey: options.publicKey, domain: options.domain, ...(options.validFrom === undefined ? {} : { validFrom: options.validFrom }) }),
      ).catch((error: unknown) => {
        if (error instanceof IssuerRegistrationError) throw new UsageError(error.message);
        throw error;
      });
      process.stdout.write(`registered ${keyLine(key)}\n`);
    });

  issuer
    .command('revoke')
    .description('Revoke a key (administrator): notices it signed no longer verify as genuine.')
    .argument('<key-id>', 'the key id (16 hex digits)')
    .option('--on <date>', 'revocation date (YYYY-MM-DD; default today)')
    .option('--db <path>', DB_HELP)
    .action(async (keyId: string, options: { on?: string; db?: string }) => {
      let on: string;
      try {
        on = checkDate(options.on ?? today(), '--on');
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      const found = await withStore(options.db, (store) => revokeKey(store.db, keyId.trim().toLowerCase(), on));
      if (!found) throw new UsageError(`no key ${keyId.slice(0, 40)} is registered (leakaid issuer list)`);
      process.stdout.write(`revoked ${keyId}\n`);
    });

  issuer
    .command('list')
    .description('List registered keys.')
    .option('--org <id>', 'only this organization\'s keys')
    .option('--json', `print the keys document (${NOTICE_KEYS_FORMAT})`)
    .option('--db <path>', DB_HELP)
    .addOption(new Option('--lang <lang>', 'language of the output').choices(['ja', 'en']).default('ja'))
    .action(async (options: { org?: string; json?: boolean; db?: string; lang: 'ja' | 'en' }) => {
      const keys = await withStore(options.db, (store) => listKeys(store.db, options.org));
      if (options.json === true) {
        process.stdout.write(`${JSON.stringify({ format: NOTICE_KEYS_FORMAT, keys } satisfies NoticeKeysDocument, null, 2)}\n`);
      } else if (keys.length === 0) {
        process.stdout.write(options.lang === 'ja' ? '登録された鍵はありません。\n' : 'No keys are registered.\n');
      } else {
        process.stdout.write(`${keys.map(keyLine).join('\n')}\n`);
      }
    });
}
