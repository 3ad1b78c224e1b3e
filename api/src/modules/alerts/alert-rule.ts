import { registerEnumType } from 'type-graphql';

/** The conditions that open an alert when an import writes a matching record. */
export enum AlertRule {
  VIP_DETRACTOR = 'vip_detractor',
  BACKFIRED_SELF_SERVICE = 'backfired_self_service',
  REPEAT_CONTACTS = 'repeat_contacts',
  RISK_JUMP = 'risk_jump',
  LONG_WAIT = 'long_wait',
}

registerEnumType(AlertRule, {
  name: 'AlertRule',
  description:
    'Why an alert was raised. Thresholds, SLA hours and on/off per rule come from the alert rules ' +
    'configuration (CX_ALERT_RULES); the descriptions give the defaults.',
  valuesConfig: {
    VIP_DETRACTOR: {
      description: 'A VIP customer gave a detractor NPS (0-6 by default). Raised once per survey response.',
    },
    BACKFIRED_SELF_SERVICE: {
      description:
        'A self-service session ended escalated and the customer then gave a detractor NPS (0-6) or a CSAT ' +
        'of 1-2 within 7 days (a backfire). Raised once per session.',
    },
    REPEAT_CONTACTS: {
      description:
        "A contact brought the customer's contacts within 7 days (this one and those started in the 7 days " +
        'before it) to exactly 3, by default. Raised on the contact that reaches the count, so a burst gives one ' +
        'alert; a burst that goes on raises another once its first contacts are more than 7 days old and the count ' +
        'reaches 3 again.',
    },
    RISK_JUMP: {
      description:
        "A refresh of the customer's churn risk score took it from below 70 (or no score) to 70 or more. " +
        'Raised once per refresh that crosses the threshold.',
    },
    LONG_WAIT: {
      description:
        'A contact waited longer than the limit of its channel (by default 10 minutes for phone and video, 5 for ' +
        'chat, 20 in person, 4 hours for social, 24 hours for e-mail). Raised once per contact.',
    },
  },
});
