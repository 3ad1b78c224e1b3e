import type { GraphQLContext } from '../../graphql/context.js';
import { ActorKind } from './alert-action.js';

/** Who made a change, as the audit trail records it. */
export interface ChangeActor {
  name: string;
  kind: ActorKind;
}

/** The authenticated viewer of a request, as the auth module will put it on the context. */
interface Viewer {
  name: string;
  kind: 'API_KEY' | 'USER';
}

/**
 * The actor of a change made through the API: the request's viewer. Until authentication is wired into
 * the context, requests carry no viewer and changes are recorded as anonymous.
 */
export function changeActor(ctx: GraphQLContext & { viewer?: Viewer }): ChangeActor {
  const { viewer } = ctx;
  if (!viewer) return { name: 'anonymous', kind: ActorKind.ANONYMOUS };
  return { name: viewer.name, kind: viewer.kind === 'USER' ? ActorKind.USER : ActorKind.API_KEY };
}
