/** Ingest errors with stable codes and the HTTP status the API answers with. */
export type IngestErrorCode =
  | 'bad_input' | 'private_address' | 'bad_url' | 'fetch_failed' | 'too_large' | 'unsupported_type' | 'not_article' | 'bad_feed' | 'no_text';

const STATUS: Record<IngestErrorCode, number> = {
  bad_input: 400, private_address: 400, bad_url: 400, fetch_failed: 502, too_large: 413, unsupported_type: 415,
  not_article: 422, bad_feed: 422, no_text: 422,
};

export class IngestError extends Error {
  readonly status: number;
  constructor(readonly code: IngestErrorCode, message: string) {
    super(message);
    this.name = 'IngestError';
    this.status = STATUS[code];
  }
}
