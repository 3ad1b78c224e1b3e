import { resolve } from 'node:path';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { REPO_ROOT } from '../config.js';
import { AgentResolver } from '../modules/agents/agent.resolver.js';
import { ExceptionResolver } from '../modules/exceptions/exception.resolver.js';
import { AlertMeasuresResolver } from '../modules/alerts/alert-measures.resolver.js';
import { AlertResolver } from '../modules/alerts/alert.resolver.js';
import { CustomerAlertsResolver } from '../modules/alerts/customer-alerts.resolver.js';
import { RoutingResolver } from '../modules/alerts/routing.resolver.js';
import { AuthResolver, ViewerResolver } from '../modules/auth/auth.resolver.js';
import { enforceAccessPolicy } from './enforce-access.js';
import { ContactResolver } from '../modules/contacts/contact.resolver.js';
import { CustomerHistoryResolver } from '../modules/customers/customer-history.resolver.js';
import { CustomerResolver } from '../modules/customers/customer.resolver.js';
import { ImportRunResolver } from '../modules/ingest/import-run.resolver.js';
import { IngestResolver } from '../modules/ingest/ingest.resolver.js';
import { MetricsResolver } from '../modules/metrics/metrics.resolver.js';
import { MeasureCatalogueResolver } from '../modules/metrics/measure-catalogue.resolver.js';
import { OverviewResolver } from '../modules/metrics/overview.resolver.js';
import { RecoveryViewsResolver } from '../modules/metrics/recovery-views.resolver.js';
import { ViewsResolver } from '../modules/metrics/views.resolver.js';
import { CustomerRiskResolver, RiskResolver } from '../modules/risk/risk.resolver.js';
import { SelfServiceSessionResolver } from '../modules/selfservice/self-service-session.resolver.js';
import { SurveyResponseResolver } from '../modules/surveys/survey-response.resolver.js';
import { WebhookResolver } from '../modules/webhooks/webhook.resolver.js';
import { DateTimeScalar } from './scalars.js';

/** The checked-in SDL every client builds against. */
export const SCHEMA_FILE = resolve(REPO_ROOT, 'schema/schema.graphql');

/**
 * The GraphQL schema of the API, sorted by name so that the emitted file only changes when the API does.
 * Arguments are validated by the services (zod and explicit checks), so type-graphql's class-validator
 * integration is off. The access policy of the auth module guards the root and personal-data fields.
 */
export async function buildCxSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [
      AuthResolver,
      ViewerResolver,
      CustomerResolver,
      CustomerHistoryResolver,
      SurveyResponseResolver,
      ContactResolver,
      SelfServiceSessionResolver,
      AgentResolver,
      ExceptionResolver,
      IngestResolver,
      ImportRunResolver,
      MetricsResolver,
      MeasureCatalogueResolver,
      OverviewResolver,
      ViewsResolver,
      RecoveryViewsResolver,
      RiskResolver,
      CustomerRiskResolver,
      AlertResolver,
      AlertMeasuresResolver,
      CustomerAlertsResolver,
      RoutingResolver,
      WebhookResolver,
    ],
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  });
  // type-graphql cannot describe the root types; analysts browsing the schema start there.
  const query = schema.getQueryType();
  if (query) {
    query.description =
      'Read access to customers and their survey responses, contacts and self-service sessions, to the import ' +
      'log, to churn risk, alerts and their measures, to routing advice for contact centers, to the webhook ' +
      'delivery log, and to who is asking.';
  }
  const mutation = schema.getMutationType();
  if (mutation) {
    mutation.description =
      'Writes: ingest of customers, survey responses, contacts and self-service sessions; the alert workflow; ' +
      'live-agent preferences; webhook redelivery; the management of API keys and users.';
  }
  return enforceAccessPolicy(lexicographicSortSchema(schema));
}

/** The SDL as written to SCHEMA_FILE. */
export function printCxSchema(schema: GraphQLSchema): string {
  return `# Generated from api/src by \`pnpm schema:emit\`; do not edit by hand.\n\n${printSchema(schema)}\n`;
}
