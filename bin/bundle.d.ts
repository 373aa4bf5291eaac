export const ROOT: string;
export const BUNDLE_DIR: string;
export const MANIFEST: string;
export function inputsHash(inputs: string[], root?: string): string;
export function freshBundle(dir?: string, root?: string): string | null;
