import { ApiKey } from '../modules/auth/api-key.entity.js';
import { Session } from '../modules/auth/session.entity.js';
import { User } from '../modules/auth/user.entity.js';
import { Agent } from '../modules/agents/agent.entity.js';
import { ExceptionReview } from '../modules/exceptions/exception-review.entity.js';
import { Contact } from '../modules/contacts/contact.entity.js';
import { Customer } from '../modules/customers/customer.entity.js';
import { SelfServiceSession } from '../modules/selfservice/self-service-session.entity.js';
import { SurveyResponse } from '../modules/surveys/survey-response.entity.js';
import { IngestBatch } from '../modules/ingest/ingest-batch.entity.js';
import { IngestProgress, IngestSetAside } from '../modules/ingest/ingest-progress.entity.js';
import { ImportRun } from '../modules/ingest/import-run.entity.js';
import { ImportedRecord } from '../modules/ingest/imported-record.entity.js';
import { CustomerRisk } from '../modules/risk/customer-risk.entity.js';
import { RiskModel } from '../modules/risk/risk-model.entity.js';
import { RiskSnapshot } from '../modules/risk/risk-snapshot.entity.js';
import { RiskSnapshotSegment } from '../modules/risk/risk-snapshot-segment.entity.js';
import { Alert } from '../modules/alerts/alert.entity.js';
import { AlertEvent } from '../modules/alerts/alert-event.entity.js';
import { LiveAgentPreference } from '../modules/alerts/live-agent-preference.entity.js';
import { WebhookDelivery } from '../modules/webhooks/webhook-delivery.entity.js';
import { WebhookEndpointStart } from '../modules/webhooks/webhook-endpoint-start.entity.js';
import { DataVersion } from '../modules/cache/data-version.entity.js';
import { DERIVED_ROLLUP_ENTITIES } from '../modules/metrics/rollups/derived-rollups.js';
import { ROLLUP_ENTITIES } from '../modules/metrics/rollups/rollup-tables.js';
import { RollupState } from '../modules/metrics/rollups/rollup-state.entity.js';

export const ENTITIES = [
  ImportedRecord,
  Customer,
  SurveyResponse,
  Contact,
  SelfServiceSession,
  Agent,
  ExceptionReview,
  ImportRun,
  IngestBatch,
  IngestProgress,
  IngestSetAside,
  CustomerRisk,
  RiskModel,
  RiskSnapshot,
  RiskSnapshotSegment,
  Alert,
  AlertEvent,
  LiveAgentPreference,
  WebhookEndpointStart,
  WebhookDelivery,
  ApiKey,
  User,
  Session,
  DataVersion,
  RollupState,
  ...ROLLUP_ENTITIES,
  ...DERIVED_ROLLUP_ENTITIES,
];
