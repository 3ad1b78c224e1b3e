import { registerEnumType } from 'type-graphql';

export enum Channel {
  PHONE = 'phone',
  CHAT = 'chat',
  EMAIL = 'email',
  SOCIAL = 'social',
  VIDEO = 'video',
  IN_PERSON = 'in_person',
}

registerEnumType(Channel, {
  name: 'Channel',
  description: 'Assisted contact channel. For a survey: the channel the response is about.',
  valuesConfig: {
    PHONE: { description: 'Voice call with an agent.' },
    CHAT: { description: 'Live chat with an agent.' },
    EMAIL: { description: 'E-mail exchange with an agent.' },
    SOCIAL: { description: 'Social media (public or direct messages).' },
    VIDEO: { description: 'Video call with an agent.' },
    IN_PERSON: { description: 'Face to face, e.g. in a branch or store.' },
  },
});
