/** Paste a report or a URL and see it coded: the API stores it and returns its events. */
import { useState } from 'preact/hooks';
import { api, type StoredEvent } from './api.ts';
import { typeColor } from './colors.ts';
import { actors, fmtCount, place } from './format.ts';

type Result = { document_id: string; duplicate_of: string | null; events: StoredEvent[] };

export function Ingest(props: { onIngested: () => void }) {
  const [mode, setMode] = useState<'text' | 'url'>('text');
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const [published, setPublished] = useState('');
  const [title, setTitle] = useState('');
  const [source, setSource] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setResult(null);
    if (mode === 'text' ? !text.trim() : !url.trim()) { setError(mode === 'text' ? 'Paste some text first.' : 'Enter a URL first.'); return; }
    setBusy(true);
    try {
      const body = {
        ...(mode === 'text' ? { text } : { url: url.trim() }),
        ...(published ? { published } : {}), ...(title ? { title } : {}), ...(source ? { source } : {}),
      };
      const res = await api.ingest(body);
      // the API answers with event ids; fetch them to show what was coded
      const events = await Promise.all(res.events.map((e) => (typeof e === 'string' ? api.event(e) : e)));
      setResult({ ...res, events });
      props.onIngested();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel-body ingest" aria-labelledby="ingest-title">
      <h2 id="ingest-title">Add a report</h2>
      <form onSubmit={submit}>
        <fieldset class="mode">
          <legend>Input</legend>
          <label><input type="radio" name="mode" checked={mode === 'text'} onChange={() => setMode('text')} /> Paste text</label>
          <label><input type="radio" name="mode" checked={mode === 'url'} onChange={() => setMode('url')} /> From a URL</label>
        </fieldset>
        {mode === 'text'
          ? <label class="field wide"><span>Report text</span><textarea name="text" rows={10} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} /></label>
          : <label class="field wide"><span>URL</span><input name="url" type="url" value={url} placeholder="https://…" onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)} /></label>}
        <div class="row">
          <label class="field"><span>Published (relative dates resolve against it)</span><input name="published" type="datetime-local" value={published} onInput={(e) => setPublished((e.currentTarget as HTMLInputElement).value)} /></label>
          <label class="field"><span>Title</span><input name="title" value={title} onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)} /></label>
          <label class="field"><span>Outlet</span><input name="source" value={source} onInput={(e) => setSource((e.currentTarget as HTMLInputElement).value)} /></label>
        </div>
        <button type="submit" class="primary" disabled={busy}>{busy ? 'Coding…' : 'Code and store'}</button>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
      {result && (
        <div class="ingest-result" role="status">
          <p>
            {result.duplicate_of ? <>Already stored as <a href={`#/doc/${encodeURIComponent(result.duplicate_of)}`}>{result.duplicate_of}</a>. </> : 'Stored. '}
            {result.events.length} event{result.events.length === 1 ? '' : 's'} coded · <a href={`#/doc/${encodeURIComponent(result.document_id)}`}>view the source with its marks</a>
          </p>
          <ul class="sources">
            {result.events.map((e) => (
              <li key={e.id}>
                <a href={`#/event/${encodeURIComponent(e.id)}`}><span class="swatch" style={{ background: typeColor(e.event_type) }} aria-hidden="true" />{e.sub_event_type || e.event_type}</a>
                {' '}· {e.event_date ?? 'no date'} · {place(e)} · {actors(e)} · fatalities {fmtCount(e.fatalities)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
