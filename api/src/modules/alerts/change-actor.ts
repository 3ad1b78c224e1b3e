import { ViewerKind, type Viewer } from '../auth/viewer.js';
import { ActorKind } from './alert-action.js';

/** Who made a change, as the audit trail records it. */
export interface ChangeActor {
  name: string;
  kind: ActorKind;
}

/** The actor of a change made through the API: the request's authenticated viewer. */
export function changeActor({ viewer }: { viewer: Viewer }): ChangeActor {
  return { name: viewer.name, kind: viewer.kind === ViewerKind.USER ? ActorKind.USER : ActorKind.API_KEY };
}
