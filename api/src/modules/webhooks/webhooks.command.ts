import type { Command } from 'commander';
import { CliError } from '../../cli/cli-error.js';
import { withOrm } from '../../cli/with-orm.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';

/**
 * `pnpm cx webhooks deliver [--once]`: sends alert events to the webhook endpoints outside the API
 * server, once (for cron) or until SIGINT/SIGTERM. Safe next to running API servers: deliveries are
 * claimed under a lease, so none is sent twice at once.
 */
export function registerWebhooksCommand(program: Command): void {
  program
    .command('webhooks')
    .description('Webhook endpoints (CX_WEBHOOKS): deliver alert events.')
    .command('deliver')
    .description('Queue the new alert events and send every due delivery; with --once, one round then exit.')
    .option('--once', 'one round: queue, send what is due (retries included), print the counts, exit')
    .action((options: { once?: boolean }) =>
      withOrm(async (orm, config) => {
        if (!config.webhooks.endpoints.some(({ enabled }) => enabled)) {
          throw new CliError('no enabled webhook endpoint: set CX_WEBHOOKS to a file that lists some');
        }
        const dispatcher = new WebhookDispatcher(orm, config.webhooks);
        if (options.once) {
          const { queued, delivered, retried, failed } = await dispatcher.runOnce();
          console.log(`queued ${queued}, delivered ${delivered}, to retry ${retried}, given up ${failed}`);
          return;
        }
        dispatcher.start();
        console.log('Delivering webhooks until SIGINT or SIGTERM…');
        await new Promise<void>((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve));
        await dispatcher.stop();
      }),
    );
}
