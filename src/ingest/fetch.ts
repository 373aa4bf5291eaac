/**
 * Fetching a URL the careful way: http(s) only, a time limit, a size cap,
 * a content-type check, and no connection to loopback, private or
 * link-local addresses (checked after DNS resolution, on every redirect)
 * unless the caller allows it.
 */
import http from 'node:http';
import https from 'node:https';
import dns from 'node:dns';
import net from 'node:net';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import { IngestError } from './errors.ts';

export interface FetchOptions {
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export interface Fetched {
  url: string;
  contentType: string;
  body: string;
}

export const DEFAULT_FETCH = { timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 };

const ACCEPTED = ['text/html', 'application/xhtml+xml', 'text/plain', 'application/rss+xml', 'application/atom+xml', 'application/xml', 'text/xml', 'application/x-ndjson', 'application/jsonl', 'application/json'];

function privateRanges(): net.BlockList {
  const b = new net.BlockList();
  for (const [a, p] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
    ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 3]] as const) {
    b.addSubnet(a, p, 'ipv4');
  }
  for (const [a, p] of [['::', 127], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2001:db8::', 32]] as const) b.addSubnet(a, p, 'ipv6');
  return b;
}

/** True for loopback, private, link-local, multicast and other non-public addresses. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const ip = mapped ? mapped[1] : address;
  const family = net.isIP(ip);
  if (family === 0) return true;
  return privateRanges().check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

function refuse(host: string, address: string): IngestError {
  return new IngestError('private_address', `refusing to fetch ${host}: ${address} is a loopback, private or link-local address (use --allow-private to allow)`);
}

/** dns.lookup that fails for private addresses, so the check holds for the address actually connected to. */
function guardedLookup(hostname: string, options: dns.LookupOptions, callback: (...args: any[]) => void): void {
  dns.lookup(hostname, options, (err, address: string | dns.LookupAddress[], family?: number) => {
    if (err) return callback(err);
    const all = Array.isArray(address) ? address.map((a) => a.address) : [address];
    const bad = all.find(isPrivateAddress);
    if (bad) return callback(refuse(hostname, bad));
    callback(null, address, family);
  });
}

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new IngestError('bad_url', `not a URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new IngestError('bad_url', `only http and https URLs can be fetched: ${raw}`);
  return url;
}

function decode(buf: Buffer, contentType: string): string {
  const charset = /charset=([\w-]+)/i.exec(contentType)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(buf);
  } catch {
    return new TextDecoder('utf-8').decode(buf);
  }
}

function once(url: URL, opts: Required<FetchOptions>): Promise<{ status: number; location: string | null; contentType: string; body: Buffer }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!opts.allowPrivate && net.isIP(host) && isPrivateAddress(host)) return Promise.reject(refuse(host, host));
  return new Promise((resolve, reject) => {
    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.get(url, {
      lookup: opts.allowPrivate ? undefined : (guardedLookup as unknown as typeof dns.lookup),
      headers: { 'user-agent': 'sitrep/0.1 (+conflict event coder)', accept: ACCEPTED.join(', '), 'accept-encoding': 'gzip, deflate, br' },
      timeout: opts.timeoutMs,
    });
    const timer = setTimeout(() => req.destroy(new IngestError('fetch_failed', `timed out after ${opts.timeoutMs} ms: ${url.href}`)), opts.timeoutMs);
    const fail = (e: Error) => {
      clearTimeout(timer);
      reject(e instanceof IngestError ? e : new IngestError('fetch_failed', `could not fetch ${url.href}: ${e.message}`));
    };
    req.on('timeout', () => req.destroy(new IngestError('fetch_failed', `timed out after ${opts.timeoutMs} ms: ${url.href}`)));
    req.on('error', fail);
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const contentType = String(res.headers['content-type'] ?? '');
      if (status >= 300 && status < 400) {
        res.resume();
        clearTimeout(timer);
        return resolve({ status, location: res.headers.location ?? null, contentType, body: Buffer.alloc(0) });
      }
      if (Number(res.headers['content-length'] ?? 0) > opts.maxBytes) {
        req.destroy();
        return fail(new IngestError('too_large', `${url.href} is larger than ${opts.maxBytes} bytes`));
      }
      const enc = String(res.headers['content-encoding'] ?? '');
      const stream: Readable = enc === 'gzip' ? res.pipe(zlib.createGunzip()) : enc === 'deflate' ? res.pipe(zlib.createInflate()) : enc === 'br' ? res.pipe(zlib.createBrotliDecompress()) : res;
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        if (size > opts.maxBytes) {
          req.destroy();
          fail(new IngestError('too_large', `${url.href} is larger than ${opts.maxBytes} bytes`));
        } else chunks.push(c);
      });
      stream.on('error', fail);
      stream.on('end', () => {
        clearTimeout(timer);
        resolve({ status, location: null, contentType, body: Buffer.concat(chunks) });
      });
    });
  });
}

/**
 * GETs a URL, following redirects, within the limits of `options`.
 * @example await safeFetch('http://169.254.169.254/') // throws IngestError private_address
 */
export async function safeFetch(raw: string, options: FetchOptions = {}): Promise<Fetched> {
  const opts = { allowPrivate: false, ...DEFAULT_FETCH, ...options };
  let url = parseUrl(raw);
  for (let hop = 0; ; hop++) {
    const r = await once(url, opts);
    if (r.location) {
      if (hop >= opts.maxRedirects) throw new IngestError('fetch_failed', `too many redirects from ${raw}`);
      url = parseUrl(new URL(r.location, url).href);
      continue;
    }
    if (r.status >= 400) throw new IngestError('fetch_failed', `${url.href} answered HTTP ${r.status}`);
    const type = r.contentType.split(';')[0].trim().toLowerCase();
    if (type && !ACCEPTED.includes(type)) throw new IngestError('unsupported_type', `${url.href} is ${type}, not a page, feed or text`);
    return { url: url.href, contentType: type, body: decode(r.body, r.contentType) };
  }
}
