/**
 * What can go wrong talking to the newsroom server, as codes the hosts word in their UI language
 * (the message is a one-line English fallback; `detail` is the server's own one-line message).
 */
export const SERVER_ERROR_CODES = [
  'bad-address', // the setting is not an http(s) address
  'unreachable', // refused, no route, TLS, no host permission: the local archive takes over
  'timeout',
  'unauthorized', // missing, wrong or revoked token (401)
  'forbidden', // the token's role may not do this (403)
  'not-found',
  'bad-query', // the server could not read the query (400 bad_query)
  'bad-request', // any other 4xx the client caused (400, 413, 415, 422)
  'rate-limited', // 429
  'server-error', // 5xx
  'bad-response', // not JSON: not a Jianbao server, or a proxy's page
] as const;

export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number];

export class ServerError extends Error {
  override readonly name = 'ServerError';
  constructor(
    readonly code: ServerErrorCode,
    message: string,
    readonly status?: number,
    /** The server's one-line message, when it sent one. */
    readonly detail?: string,
  ) {
    super(message);
  }

  /** Whether the local archive should answer instead (the server is not usable right now). */
  get fallback(): boolean {
    return this.code === 'unreachable' || this.code === 'timeout' || this.code === 'server-error' || this.code === 'bad-response'
      || this.code === 'unauthorized' || this.code === 'forbidden' || this.code === 'rate-limited' || this.code === 'bad-address';
  }
}

/** The server's one-line JSON error ({"error":{"code","message"}}) as a ServerError. */
export function errorFromResponse(status: number, text: string): ServerError {
  let serverCode = '';
  let detail: string | undefined;
  try {
    const e = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
    if (typeof e?.code === 'string') serverCode = e.code;
    if (typeof e?.message === 'string') detail = e.message.split('\n')[0]!.slice(0, 300);
  } catch {
    // not JSON: a proxy's error page; the status says enough
  }
  const code: ServerErrorCode =
    status === 401 ? 'unauthorized'
    : status === 403 ? 'forbidden'
    : status === 404 ? 'not-found'
    : status === 429 ? 'rate-limited'
    : status >= 500 ? 'server-error'
    : serverCode === 'bad_query' ? 'bad-query'
    : status >= 400 ? 'bad-request'
    : 'bad-response';
  return new ServerError(code, `the server answered ${status}${detail ? `: ${detail}` : ''}`, status, detail);
}
