import { ApiKey } from '../modules/auth/api-key.entity.js';
import { Session } from '../modules/auth/session.entity.js';
import { User } from '../modules/auth/user.entity.js';
import { Contact } from '../modules/contacts/contact.entity.js';
import { Customer } from '../modules/customers/customer.entity.js';
import { SelfServiceSession } from '../modules/selfservice/self-service-session.entity.js';
import { SurveyResponse } from '../modules/surveys/survey-response.entity.js';
import { ImportRun } from '../modules/ingest/import-run.entity.js';
import { ImportedRecord } from './imported-record.entity.js';

export const ENTITIES = [
  ImportedRecord,
  Customer,
  SurveyResponse,
  Contact,
  SelfServiceSession,
  ImportRun,
  ApiKey,
  User,
  Session,
];
