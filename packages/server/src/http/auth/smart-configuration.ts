import type { Config } from '../../config/config';
import { SCOPES_SUPPORTED } from '../../services/auth/scopes';

/**
 * The SMART App Launch discovery document (served at /.well-known/smart-configuration and under /fhir).
 * @see https://hl7.org/fhir/smart-app-launch/conformance.html
 */
export function smartConfiguration(config: Config, base: string): Record<string, unknown> {
  const oidc = config.oidc !== undefined;
  return {
    // `issuer` belongs to OpenID Connect sign-in only (SMART App Launch 2.x, §Metadata).
    ...(oidc ? { issuer: base } : {}),
    token_endpoint: `${base}/auth/token`,
    ...(oidc ? { authorization_endpoint: `${base}/auth/oidc/login` } : {}),
    grant_types_supported: ['client_credentials', 'refresh_token'],
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384'],
    scopes_supported: SCOPES_SUPPORTED,
    response_types_supported: oidc ? ['code'] : [],
    capabilities: [
      'client-confidential-asymmetric',
      'permission-v1',
      'permission-v2',
      'permission-patient',
      'permission-user',
      ...(oidc ? ['sso-openid-connect'] : []),
    ],
    code_challenge_methods_supported: ['S256'],
  };
}
