import { PERSONAL_DATA_FIELDS } from '../auth/access-policy.js';
import { graphqlEnumName } from '../metrics/dimension.js';
import type { ClaimedDelivery } from './webhook-outbox.js';
import { WebhookFormat, type WebhookEndpointConfig } from './webhooks.config.js';

/** The id receivers dedupe on: the alert event's, the same on every attempt and for every endpoint. */
export function webhookEventId(delivery: ClaimedDelivery): string {
  return `alert-event-${delivery.event.id}`;
}

/** The POST body of a delivery in the endpoint's format. */
export function webhookPayload(
  delivery: ClaimedDelivery,
  endpoint: WebhookEndpointConfig,
  dashboardUrl: string | undefined,
): object {
  const event = cxEvent(delivery, endpoint.includePersonalData);
  if (endpoint.format === WebhookFormat.JSON) return event;
  // The customer's page, where the alert's loop is worked.
  const link = dashboardUrl
    ? new URL(`customers/${encodeURIComponent(event.alert.customerId)}`, withSlash(dashboardUrl)).href
    : undefined;
  return endpoint.format === WebhookFormat.SLACK ? slackMessage(event, link) : teamsMessage(event, link);
}

/** CX Pulse's own event: the change and the alert after it, in the API's enum names. */
function cxEvent({ event, alert, customer, ...delivery }: ClaimedDelivery, includePersonalData: boolean) {
  // The same fields the access policy hides from roles without personal data are left out unless opted in.
  const personal = <T>(coordinate: string, value: T) =>
    includePersonalData || !PERSONAL_DATA_FIELDS.includes(coordinate) ? value : undefined;
  return {
    id: webhookEventId({ event, alert, customer, ...delivery }),
    type: `alert.${event.action}`,
    occurredAt: event.at.toISOString(),
    alert: {
      id: String(alert.id),
      rule: graphqlEnumName(alert.rule),
      status: graphqlEnumName(alert.status),
      tier: graphqlEnumName(alert.tier),
      value: alert.value,
      triggerKey: alert.triggerKey,
      triggeredAt: alert.triggeredAt.toISOString(),
      openedAt: alert.openedAt.toISOString(),
      dueAt: alert.dueAt.toISOString(),
      owner: alert.owner,
      customerId: customer.id,
      customerName: personal('Customer.name', customer.name),
      customerEmail: personal('Customer.email', customer.email),
    },
    event: {
      action: graphqlEnumName(event.action),
      status: graphqlEnumName(event.status),
      text: personal('AlertEvent.text', event.text) ?? undefined,
      actor: { name: event.actorName, kind: graphqlEnumName(event.actorKind) },
    },
  };
}

type CxEvent = ReturnType<typeof cxEvent>;

/** One line a person reads in a chat channel. */
function headline({ alert, event }: CxEvent): string {
  const change = event.action === 'OPENED' ? 'raised' : event.action.toLowerCase().replaceAll('_', ' ');
  return `CX Pulse alert ${alert.id} (${alert.rule}, ${alert.tier}) ${change} by ${event.actor.name}`;
}

/** What the alert is, as label/value pairs for the chat formats. */
function facts({ alert, event }: CxEvent): [string, string][] {
  const customer = alert.customerName ? `${alert.customerName} (${alert.customerId})` : alert.customerId;
  return [
    ['Customer', customer],
    ['Status', alert.status],
    ['Due', alert.dueAt],
    ['Owner', alert.owner ?? 'unassigned'],
    ...(event.text ? ([['Note', event.text]] as [string, string][]) : []),
  ];
}

/** A Slack incoming-webhook message: `text` for notifications, a mrkdwn section for the channel. */
function slackMessage(event: CxEvent, link: string | undefined) {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const lines = facts(event).map(([label, value]) => `*${label}:* ${escape(value)}`);
  if (link) lines.push(`<${link}|Open in CX Pulse>`);
  return {
    text: headline(event),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${escape(headline(event))}*` } },
      { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } },
    ],
  };
}

/** A Microsoft Teams incoming-webhook message holding one Adaptive Card. */
function teamsMessage(event: CxEvent, link: string | undefined) {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: headline(event), weight: 'Bolder', size: 'Medium', wrap: true },
            { type: 'FactSet', facts: facts(event).map(([title, value]) => ({ title, value })) },
          ],
          actions: link ? [{ type: 'Action.OpenUrl', title: 'Open in CX Pulse', url: link }] : [],
        },
      },
    ],
  };
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
