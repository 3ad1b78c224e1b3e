import { registerEnumType } from 'type-graphql';

export enum SelfServiceEntry {
  FAQ = 'faq',
  KNOWLEDGE_BASE = 'knowledge_base',
  CHATBOT = 'chatbot',
  IVR = 'ivr',
  COMMUNITY = 'community',
}

registerEnumType(SelfServiceEntry, {
  name: 'SelfServiceEntry',
  description: 'Where a self-service session started.',
  valuesConfig: {
    FAQ: { description: 'Frequently asked questions page.' },
    KNOWLEDGE_BASE: { description: 'Knowledge base articles.' },
    CHATBOT: { description: 'Automated chat assistant.' },
    IVR: { description: 'Interactive voice response (phone menu).' },
    COMMUNITY: { description: 'Customer community forum.' },
  },
});

export enum SelfServiceOutcome {
  RESOLVED = 'resolved',
  ABANDONED = 'abandoned',
  ESCALATED = 'escalated',
}

registerEnumType(SelfServiceOutcome, {
  name: 'SelfServiceOutcome',
  description: 'How a self-service session ended.',
  valuesConfig: {
    RESOLVED: { description: 'The customer found an answer (contained).' },
    ABANDONED: { description: 'The customer gave up or hung up.' },
    ESCALATED: { description: 'Handed over to an agent.' },
  },
});
