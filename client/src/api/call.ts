// Calls an endpoint of the API by its contract from @accord/shared: the path is filled from the
// parameters, the input and the answer are typed from the contract's schemas.
//
//   const document = await call(documentContracts.getDocument, { params: { documentId } });
import {
  endpointUrl,
  type Endpoint,
  type EndpointInput,
  type EndpointResponse,
} from '@accord/shared';
import { request, type Method } from './http.js';

interface LooseInput {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

export function call<E extends Endpoint>(
  endpoint: E,
  input: EndpointInput<E>,
): Promise<EndpointResponse<E>> {
  const { params, query, body } = input as LooseInput;
  return request<EndpointResponse<E>>(
    endpoint.method.toUpperCase() as Method,
    endpointUrl(endpoint, params, query),
    body,
  );
}

/** The URL of an endpoint that answers a file (for links and downloads), under `/api`. */
export const fileUrl = <E extends Endpoint>(endpoint: E, input: EndpointInput<E>): string => {
  const { params, query } = input as LooseInput;
  return `/api${endpointUrl(endpoint, params, query)}`;
};
