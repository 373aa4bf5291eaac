/** Store errors with stable codes; the API maps each code to one HTTP status. */
export type StoreErrorCode = 'document_id_taken' | 'bad_split' | 'bad_correction';

export class StoreError extends Error {
  constructor(readonly code: StoreErrorCode, message: string) {
    super(message);
    this.name = 'StoreError';
  }
}
