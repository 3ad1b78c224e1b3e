import { MAX_MONTHS } from '@cx-pulse/seeds';
import { relative } from 'node:path';
import type { Command } from 'commander';
import { loadConfig, REPO_ROOT } from '../config.js';
import { initOrm } from '../app/orm.js';
import { Customer } from '../modules/customers/customer.entity.js';
import { trainRiskModelIfMissing } from '../modules/risk/risk.command.js';
import { DEFAULT_DEMO, seedDatabase } from '../seed/seed.service.js';
import { startApi } from '../server/serve.command.js';
import { wholeNumber } from './options.js';
import { createDemoLogin, readDemoLogin, type DemoLogin } from '../modules/auth/demo-login.js';

/**
 * `pnpm start`: the newcomer's path. Migrates, fills an empty database with the demo data set (only
 * when it holds no customers, so real data is never touched) and creates the demo admin with it,
 * prints how to log in and how to get an API key, then serves the API.
 */
export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('Migrate, seed the demo data when the database is empty, and serve the API.')
    .option('--demo-customers <n>', `customers in the demo data set (default ${DEFAULT_DEMO.customers})`)
    .option(
      '--demo-months <m>',
      `months of history in the demo data set, 1-${MAX_MONTHS} (default ${DEFAULT_DEMO.months})`,
    )
    .action(async (options: { demoCustomers?: string; demoMonths?: string }) => {
      const customers = wholeNumber('--demo-customers', options.demoCustomers, DEFAULT_DEMO.customers, 1);
      const months = wholeNumber('--demo-months', options.demoMonths, DEFAULT_DEMO.months, 1, MAX_MONTHS);
      const config = loadConfig();
      const orm = await initOrm(config.database);
      if ((await orm.em.fork().count(Customer)) === 0) {
        const demo = { ...DEFAULT_DEMO, customers, months, until: new Date() };
        console.log(
          `Empty database: seeding the demo (${demo.customers.toLocaleString('en')} customers, ` +
            `${demo.months} month${demo.months === 1 ? '' : 's'} up to today)…`,
        );
        const summary = await seedDatabase(orm, demo);
        console.log(
          `Seeded ${summary.rows.toLocaleString('en')} rows in ${(summary.durationMs / 1000).toFixed(1)} s.`,
        );
        await createDemoLogin(orm.em.fork(), config.demoLoginFile);
      }
      await trainRiskModelIfMissing(orm);
      printHowToLogIn(await readDemoLogin(config.demoLoginFile), config.demoLoginFile);
      await startApi(orm, config, config.apiPort);
    });
}

function printHowToLogIn(login: DemoLogin | undefined, file: string): void {
  if (login) {
    console.log(
      `Demo login (ADMIN): ${login.email} / ${login.password}   (kept in ${relative(REPO_ROOT, file)})`,
    );
    console.log('  POST /auth/login with {"email": …, "password": …} returns a session token and cookie.');
  }
  console.log('API key for a BI tool or script: pnpm cx keys create --role analyst --name "my tool"');
}
