import { registerEnumType } from 'type-graphql';

export enum Tier {
  STANDARD = 'standard',
  VIP = 'vip',
}

registerEnumType(Tier, {
  name: 'Tier',
  description: 'Service tier of a customer.',
  valuesConfig: {
    STANDARD: { description: 'Regular customer.' },
    VIP: { description: 'High-value customer with priority handling.' },
  },
});
