export const ROOT: string;
export const BUNDLE_DIR: string;
export const MANIFEST: string;
export const V8_FLAGS: string[];
export function digest(files: [string, Uint8Array | string][]): string;
export function inputsHash(inputs: string[], root?: string): string;
export function stampOf(path: string): string;
export function stamp(inputs: string[], root?: string): string;
export function freshBundle(dir?: string, root?: string): string | null;
