/** Authentication for FHIR and webhook destinations (issue #15); see docs/referral.md, "Authentication". */
export { AuthSchema, SecretsSchema, PrivateKeySchema, SIGNING_ALGS, usesTokenEndpoint, publicJwkOf } from './schema';
export type { AuthKind, DestinationAuth, DestinationSecrets, PrivateKeyRecord, SecretName, SigningAlg, TokenAuth } from './schema';
export { AUTH_STORAGE_KEYS, SECRETS_POLICY_NAME, memoryStore, readLocalSecrets, writeLocalSecrets, managedSecrets, resolveSecrets } from './store';
export type { KeyValueStore } from './store';
export { generateSigningKey, publicJwks, clientAssertion, CLIENT_ASSERTION_TYPE, ASSERTION_LIFETIME_SECONDS } from './keys';
export { AuthError, isAuthError, redact, type AuthProblem } from './errors';
export { createAuthClient, type AuthClient, type AuthClientDeps } from './token-client';
export { deliverWithAuth, authFailureOutcome, authorizedFetch } from './deliver';
export { createAuthHandlers, AuthMessageSchemas, type AuthStatusView, type AuthHandlerDeps, type SecretState } from './handlers';
