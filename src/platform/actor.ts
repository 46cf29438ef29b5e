/** Who did something: a person (session), a machine (API key) or Ordo itself. */
export interface Actor {
  type: 'user' | 'api_key' | 'system';
  id: string | null;
  name: string;
}

export const systemActor: Actor = { type: 'system', id: null, name: 'system' };
