// Every API error is RFC 9457 problem+json; this turns openapi-fetch's results into one error type.

/** Messages by field name, as the API sends them in a 422's `errors`. */
export type FieldErrors = Record<string, string[]>;

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: Record<string, unknown>;
}

/** An API call that failed; status 0 means the API could not be reached at all. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  /** Field messages flattened to strings, so a form can show them next to each field. */
  get fieldErrors(): FieldErrors {
    const result: FieldErrors = {};
    for (const [field, messages] of Object.entries(this.problem.errors ?? {})) {
      result[field] = Array.isArray(messages) ? messages.map(String) : [String(messages)];
    }
    return result;
  }

  /** The API is down or a proxy in front of it answered for it (502/503/504, or a bare 500). */
  get unreachable(): boolean {
    return this.problem.type === undefined || [502, 503, 504].includes(this.status);
  }
}

const UNREACHABLE: Problem = {
  status: 0,
  title: 'The API cannot be reached',
  detail: 'Check your connection, or that the server is running, then try again.',
};

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value;
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The ApiError for a failed response that did not go through openapi-fetch. */
export async function errorOf(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  return new ApiError(isProblem(body) ? body : { ...UNREACHABLE, status: response.status });
}

/** The ApiError for a fetch that got no response at all. */
export function unreachableError(): ApiError {
  return new ApiError(UNREACHABLE);
}

/** Awaits an openapi-fetch call; returns its data and response, or throws an ApiError. */
export async function send<T>(
  call: Promise<FetchResult<T>>,
): Promise<{ data: T; response: Response }> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch {
    throw new ApiError(UNREACHABLE); // fetch rejects only when no response came back
  }
  const { data, error, response } = result;
  if (response.ok) return { data: data as T, response };
  // A proxy's own error page is not problem+json: the API behind it did not answer.
  throw new ApiError(isProblem(error) ? error : { ...UNREACHABLE, status: response.status });
}

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  return (await send(call)).data;
}
