import { registerEnumType } from 'type-graphql';

/** The closed loop an alert goes through, in this order and no other. */
export enum AlertStatus {
  OPEN = 'open',
  ACKNOWLEDGED = 'acknowledged',
  CUSTOMER_CONTACTED = 'customer_contacted',
  RESOLVED = 'resolved',
}

registerEnumType(AlertStatus, {
  name: 'AlertStatus',
  description:
    'Where an alert is in the closed loop: OPEN -> ACKNOWLEDGED -> CUSTOMER_CONTACTED -> RESOLVED, one step ' +
    'at a time.',
  valuesConfig: {
    OPEN: { description: 'Raised by a rule; nobody has taken it on yet.' },
    ACKNOWLEDGED: { description: 'Someone has taken it on.' },
    CUSTOMER_CONTACTED: { description: 'The customer has been called or written back.' },
    RESOLVED: { description: 'Closed: the cause has been dealt with.' },
  },
});
