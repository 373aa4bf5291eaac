/** URLs compared as the same page: case, fragments, tracking parameters and "www." do not matter. */
const TRACKING = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid|at_medium|at_campaign|_ga)$/i;

/** @example canonicalUrl('https://WWW.Example.com/a/?utm_source=x#top') // 'https://example.com/a' */
export function canonicalUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return raw.trim();
  }
  const params = [...u.searchParams].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? '?' + new URLSearchParams(params).toString() : '';
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const port = u.port ? `:${u.port}` : '';
  const path = u.pathname.replace(/\/+$/, '') || '';
  return `${u.protocol}//${host}${port}${path}${query}`;
}
