import type { AuditKind } from '../../services/audit/recorder';

/** Routes anyone may call: sign-in, discovery, health, the capability statement and the web app's static files. */
export function isOpenRoute(method: string, route: string): boolean {
  if (method === 'OPTIONS') return true; // CORS preflight carries no credentials and returns no data
  if (route.startsWith('/auth/') || route.startsWith('/.well-known/') || route.startsWith('/fhir/.well-known/'))
    return true;
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (route === '/fhir/metadata' || route === '/healthz') return true;
  return !(route === '/fhir' || route.startsWith('/fhir/') || route === '/api' || route.startsWith('/api/'));
}

/** The audit kind of a refused request, from its route pattern (`/fhir/:type/:id`) and method. */
export function auditKindOf(method: string, route: string): AuditKind {
  if (route === '/fhir' && method === 'POST') return 'transaction';
  if (route.includes('/_history/')) return 'vread';
  if (route.endsWith('/_history')) return 'history';
  if (route.endsWith('/_search')) return 'search';
  if (/\/sign$/.test(route)) return 'sign';
  if (route.includes('/findings')) return 'review';
  if (route.includes('export')) return 'export';
  if (route.includes('/admin') || route.includes('/audit')) return 'admin';
  if (method === 'GET' || method === 'HEAD') return route === '/fhir/:type' ? 'search' : 'read';
  if (method === 'DELETE') return 'delete';
  if (method === 'PUT' || method === 'PATCH') return 'update';
  return 'create';
}
