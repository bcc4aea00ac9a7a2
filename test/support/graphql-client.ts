/** What a GraphQL HTTP response carried, with the headers tests look at. */
export interface GraphqlResponse<T> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
  headers: Headers;
  raw: string;
}

/** Posts one operation to a GraphQL endpoint as a browser or an integrating system would. */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  { variables, headers = {} }: { variables?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<GraphqlResponse<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const raw = await response.text();
  const body = JSON.parse(raw) as { data?: T; errors?: GraphqlResponse<T>['errors'] };
  return { status: response.status, data: body.data, errors: body.errors, headers: response.headers, raw };
}
