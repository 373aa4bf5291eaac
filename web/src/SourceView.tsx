/**
 * A document with every extracted span marked by kind. The text is rendered
 * as text nodes only (JSX children), never parsed as HTML: a document holding
 * <script> or onerror= shows those characters and runs nothing.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, type DocSpan, type DocumentView } from './api.ts';
import { KINDS, layoutSpans, safeHref } from './spans.ts';

function Text(props: { text: string; spans: DocSpan[]; focus: [number, number] | null }) {
  const { text, spans, focus } = props;
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  if (focus) { cuts.add(Math.max(0, focus[0])); cuts.add(Math.min(text.length, focus[1])); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  let si = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    while (si < spans.length && spans[si].end <= a) si++;
    const span = si < spans.length && spans[si].start <= a && spans[si].end >= b ? spans[si] : null;
    const inFocus = !!focus && a >= focus[0] && b <= focus[1];
    const piece = text.slice(a, b);
    if (!span) { out.push(inFocus ? <span key={a} class="focus">{piece}</span> : piece); continue; }
    const title = `${span.kind}${span.label ? `: ${span.label}` : ''}${span.event_ids.length ? ' — open event' : ''}`;
    const cls = `span span-${span.kind}${inFocus ? ' focus' : ''}`;
    out.push(span.event_ids.length
      ? <a key={a} class={cls} href={`#/event/${encodeURIComponent(span.event_ids[0])}`} title={title} data-kind={span.kind}>{piece}</a>
      : <mark key={a} class={cls} title={title} data-kind={span.kind}>{piece}</mark>);
  }
  return <div class="doc-text" id="doc-text">{out}</div>;
}

export function SourceView(props: { id: string; focus: [number, number] | null; onClose: () => void }) {
  const [doc, setDoc] = useState<DocumentView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(() => new Set<string>(KINDS.map((k) => k.kind)));
  useEffect(() => {
    setDoc(null);
    api.document(props.id).then(setDoc, (err) => setError((err as Error).message));
  }, [props.id]);
  useEffect(() => {
    if (doc && props.focus) document.querySelector('.doc-text .focus')?.scrollIntoView({ block: 'center' });
  }, [doc, props.focus?.[0]]);
  if (error) return <section class="panel-body"><p class="error" role="alert">Document {props.id}: {error}</p></section>;
  if (!doc) return <section class="panel-body"><p class="muted">Loading document…</p></section>;
  const href = safeHref(doc.url);
  const counts = new Map<string, number>();
  for (const s of doc.spans) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
  const spans = layoutSpans(doc.spans, shown, doc.text.length);
  return (
    <article class="panel-body source-view" aria-labelledby="doc-title">
      <button type="button" class="link back" onClick={props.onClose}>‹ Back</button>
      <h2 id="doc-title">{doc.title || 'Untitled document'}</h2>
      <p class="event-meta">
        <span>{doc.source ?? 'unknown outlet'}</span>
        <span>{doc.published ? `published ${doc.published}` : 'no publication time'}</span>
        <span>{doc.language}</span>
        {doc.url && (href ? <a href={href} rel="noopener noreferrer nofollow" target="_blank">{doc.url}</a> : <span class="url">{doc.url}</span>)}
      </p>
      <fieldset class="kinds">
        <legend>Highlight</legend>
        {KINDS.map(({ kind, label }) => (
          <label key={kind} class={`kind span-${kind}`}>
            <input type="checkbox" checked={shown.has(kind)} onChange={() => {
              const next = new Set(shown);
              if (next.has(kind)) next.delete(kind); else next.add(kind);
              setShown(next);
            }} />
            {label} <span class="count">{counts.get(kind) ?? 0}</span>
          </label>
        ))}
      </fieldset>
      <Text text={doc.text} spans={spans} focus={props.focus} />
    </article>
  );
}
