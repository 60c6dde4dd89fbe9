// The calls about who is signed in: kept apart from the rest of the API (endpoints.ts spreads
// them in) so the sign-in screen can call them without loading every other endpoint.
import {
  authContracts as auth,
  preferenceContracts as preferences,
  type EndpointInput,
  type UiLanguage,
} from '@accord/shared';
import { call } from './call.js';

/** The JSON body an endpoint takes. */
export type BodyOf<E> = EndpointInput<E> extends { body?: infer B } ? Exclude<B, undefined> : never;

export const sessionApi = {
  session: () => call(auth.session, {}),
  signIn: (email: string, password: string) => call(auth.signIn, { body: { email, password } }),
  signOut: () => call(auth.signOut, {}),
  previewInvitation: (invitationId: string, token: string) =>
    call(auth.previewInvitation, { params: { invitationId }, body: { token } }),
  acceptInvitation: (invitationId: string, body: BodyOf<typeof auth.acceptInvitation>) =>
    call(auth.acceptInvitation, { params: { invitationId }, body }),
  chooseLanguage: (language: UiLanguage) => call(preferences.setLanguage, { body: { language } }),
};
