import { registerEnumType } from 'type-graphql';

/** What one entry of an alert's audit trail records. */
export enum AlertAction {
  OPENED = 'opened',
  ACKNOWLEDGED = 'acknowledged',
  ASSIGNED = 'assigned',
  CUSTOMER_CONTACTED = 'customer_contacted',
  RESOLVED = 'resolved',
  NOTE_ADDED = 'note_added',
}

registerEnumType(AlertAction, {
  name: 'AlertAction',
  description: 'A change recorded in the audit trail of an alert.',
  valuesConfig: {
    OPENED: { description: 'A rule raised the alert during an import.' },
    ACKNOWLEDGED: { description: 'Moved from OPEN to ACKNOWLEDGED.' },
    ASSIGNED: { description: 'The owner was set or changed (text holds the new owner).' },
    CUSTOMER_CONTACTED: { description: 'Moved from ACKNOWLEDGED to CUSTOMER_CONTACTED (the call-back).' },
    RESOLVED: { description: 'Moved from CUSTOMER_CONTACTED to RESOLVED.' },
    NOTE_ADDED: { description: 'A note was added (text holds it).' },
  },
});

/** Who made a change: the kinds of the API's viewers, and the import that raises alerts. */
export enum ActorKind {
  USER = 'user',
  API_KEY = 'api_key',
  SYSTEM = 'system',
}

registerEnumType(ActorKind, {
  name: 'ActorKind',
  description: 'What kind of actor made a change.',
  valuesConfig: {
    USER: { description: 'A person signed in to the dashboard.' },
    API_KEY: { description: 'A system calling with an API key (e.g. a contact-center integration).' },
    SYSTEM: { description: 'CX Pulse itself, e.g. an alert rule during an import.' },
  },
});
