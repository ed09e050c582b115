//! `marsad analyze`: files, stdin or JSON Lines in; JSON, JSON Lines or a
//! text report out, in input order, using all cores.

use crate::records::{html_file_name, open_maybe_gz, prepare, read_all, Article, HtmlMode, JsonlRecords, Record, Source};
use anyhow::{bail, Context, Result};
use clap::Args;
use marsad::{Analysis, Doc, OutputOptions, Pipeline};
use marsad_printer::{write_analysis, Format};
use rayon::prelude::*;
use std::io::{BufWriter, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Article files (UTF-8 text or HTML); `-` reads standard input.
    pub files: Vec<PathBuf>,
    /// Anchor date for relative dates (YYYY-MM-DD). Default: the record's `date`, else today.
    #[arg(long)]
    pub date: Option<String>,
    /// JSON Lines input (`.jsonl` or `.jsonl.gz`, `-` for stdin): one object a line with `text`
    /// and optional `id`, `date`, `title`, `url`, `source`. May be repeated.
    #[arg(long)]
    pub input: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Add the token layer (offsets, kind, normalised form, clitic segments).
    #[arg(long)]
    pub tokens: bool,
    /// Replace invalid UTF-8 and NUL bytes with U+FFFD instead of failing.
    #[arg(long)]
    pub lossy: bool,
    /// How to treat HTML input; extracted text is embedded in the output as `text`,
    /// and offsets refer to it.
    #[arg(long, value_enum, default_value = "auto")]
    pub html: HtmlMode,
    /// Run only these layers (comma-separated: entities,times,quotes,events). Default: all.
    #[arg(long, value_delimiter = ',')]
    pub layers: Option<Vec<String>>,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// Articles longer than this many bytes are analysed in paragraph-aligned
    /// chunks, streamed to the output, so memory stays bounded.
    #[arg(long, default_value_t = 4 << 20, hide = true)]
    pub chunk_bytes: usize,
}

/// One article to analyse and where it came from (for error messages).
struct Work<'a> {
    origin: Origin<'a>,
    source: Source,
}

/// Where an article came from: a file, or a line of a JSON Lines file. Kept
/// as a path and a number, and written out only when a message needs it
/// (formatting one a record cost more than reading the record).
#[derive(Debug, Clone, Copy)]
struct Origin<'a> {
    path: &'a Path,
    line: Option<usize>,
}

impl std::fmt::Display for Origin<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            None => write!(f, "{}", self.path.display()),
            Some(line) => write!(f, "{}:{line}", self.path.display()),
        }
    }
}

struct Settings<'a> {
    pipeline: &'a Pipeline,
    date: Option<String>,
    tokens: bool,
    lossy: bool,
    html: HtmlMode,
    format: Format,
    chunk_bytes: usize,
}

pub fn run(args: AnalyzeArgs) -> Result<ExitCode> {
    if let Some(d) = &args.date {
        if !marsad::valid_date(d) {
            bail!("--date {d}: expected a calendar date as YYYY-MM-DD");
        }
    }
    if args.files.is_empty() && args.input.is_empty() {
        bail!("nothing to analyse: give article files, `-` for standard input, or --input FILE.jsonl");
    }
    if let Some(n) = args.threads {
        // Ignore the error if a global pool already exists (tests).
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
    }
    let single = args.files.len() == 1 && args.input.is_empty();
    let format = match args.format {
        None | Some(Format::Json) if single => Format::Json,
        None | Some(Format::Json) => Format::Jsonl,
        Some(other) => other,
    };
    let pipeline = match &args.layers {
        None => Pipeline::standard(),
        Some(names) => {
            let names: Vec<&str> = names.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
            Pipeline::with_layers(&names).map_err(anyhow::Error::msg)?
        }
    };
    let settings = Settings {
        pipeline: &pipeline,
        date: args.date.clone(),
        tokens: args.tokens,
        lossy: args.lossy,
        html: args.html,
        format,
        chunk_bytes: args.chunk_bytes.max(1024),
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut failed = 0usize;
    if format == Format::EventsCsv {
        write!(out, "{}\r\n", marsad_printer::events::CSV_HEADER)?;
    }

    // Plain files: read in order, analysed in parallel batches.
    let mut batch: Vec<Work> = Vec::new();
    let mut batch_bytes = 0usize;
    for path in &args.files {
        let origin = Origin { path, line: None };
        let bytes = match read_all(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("marsad: {e:#}");
                failed += 1;
                continue;
            }
        };
        batch_bytes += bytes.len();
        let html_name = html_file_name(path);
        batch.push(Work { origin, source: Source::Bytes { bytes, html_name } });
        if batch.len() >= 64 || batch_bytes >= 16 << 20 {
            failed += flush(&mut batch, &settings, &mut out)?;
            batch_bytes = 0;
        }
    }
    failed += flush(&mut batch, &settings, &mut out)?;

    // JSON Lines.
    for path in &args.input {
        let reader = match open_maybe_gz(path) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("marsad: {e:#}");
                failed += 1;
                continue;
            }
        };
        let mut batch_bytes = 0usize;
        for (line, rec) in JsonlRecords::new(reader) {
            match rec {
                Ok(record) => {
                    batch_bytes += record.text.len();
                    batch.push(Work { origin: Origin { path, line: Some(line) }, source: Source::Record(record) });
                    if batch.len() >= 256 || batch_bytes >= 16 << 20 {
                        failed += flush(&mut batch, &settings, &mut out)?;
                        batch_bytes = 0;
                    }
                }
                Err(bad) => {
                    eprintln!("marsad: {}:{}: {}", path.display(), bad.line, bad.error);
                    failed += 1;
                }
            }
        }
        failed += flush(&mut batch, &settings, &mut out)?;
    }
    out.flush()?;
    if failed > 0 {
        eprintln!("marsad: {failed} input(s) could not be analysed");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// An article ready for analysis.
struct Prepared {
    text: String,
    date: String,
    id: Option<String>,
    meta: marsad::doc::Meta,
    warnings: Vec<String>,
    embed_text: bool,
}

/// Decode and extract (shared with `ingest`), then pick the anchor date:
/// `--date`, else the record's date, else the HTML page's date, else today.
fn prepare_work(work: Work, s: &Settings) -> std::result::Result<Prepared, String> {
    // A file's id is its name's stem (records carry their own id).
    let file_id = match &work.source {
        Source::Bytes { .. } if work.origin.path.as_os_str() != "-" => {
            work.origin.path.file_stem().map(|n| n.to_string_lossy().into_owned())
        }
        _ => None,
    };
    let mut article: Article = prepare(work.source, s.lossy, s.html)?;
    let record_date = article.record_date();
    if article.record.date.is_some() && record_date.is_none() && s.date.is_none() {
        let raw = article.record.date.clone().unwrap_or_default();
        article.warnings.push(format!("record date {raw:?} is not YYYY-MM-DD; anchored at today"));
    }
    let date = s.date.clone().or(record_date).or(article.html_date.take()).unwrap_or_else(marsad::today);
    let Record { id, title, url, source, .. } = article.record;
    Ok(Prepared {
        text: article.text,
        date,
        id: id.or(file_id),
        meta: marsad::doc::Meta { title, url, source },
        warnings: article.warnings,
        embed_text: article.was_html,
    })
}

fn analyze_small(p: Prepared, s: &Settings) -> Analysis {
    let mut doc = Doc::new(p.text, p.date);
    doc.id = p.id;
    doc.meta = p.meta;
    doc.warnings = p.warnings;
    s.pipeline.run(&mut doc);
    doc.into_analysis(OutputOptions { tokens: s.tokens, embed_text: p.embed_text })
}

fn render(a: &Analysis, format: Format) -> Vec<u8> {
    let mut buf = Vec::with_capacity(4096);
    match format {
        // Straight into the buffer (write_analysis would copy it once more).
        Format::Json | Format::Jsonl => marsad_printer::write_json_line(&mut buf, a),
        _ => write_analysis(&mut buf, a, format).expect("writing to memory cannot fail"),
    }
    buf
}

/// Analyse a batch in parallel and write the results in input order.
fn flush<W: Write>(batch: &mut Vec<Work<'_>>, s: &Settings, out: &mut W) -> Result<usize> {
    let items: Vec<Work> = std::mem::take(batch);
    let prepared: Vec<(Origin, std::result::Result<Prepared, String>)> =
        items.into_par_iter().map(|w| (w.origin, prepare_work(w, s))).collect();
    let mut failed = 0;
    // Large articles are analysed alone, chunk by chunk; the rest in parallel.
    let mut pending: Vec<(Origin, Prepared)> = Vec::new();
    for (origin, p) in prepared {
        match p {
            Err(e) => {
                write_pending(&mut pending, s, out)?;
                eprintln!("marsad: {origin}: {e}");
                failed += 1;
            }
            Ok(p) if p.text.len() > s.chunk_bytes => {
                write_pending(&mut pending, s, out)?;
                analyze_large(p, s, out).with_context(|| format!("{origin}: writing the analysis"))?;
            }
            Ok(p) => pending.push((origin, p)),
        }
    }
    write_pending(&mut pending, s, out)?;
    Ok(failed)
}

fn write_pending<W: Write>(pending: &mut Vec<(Origin<'_>, Prepared)>, s: &Settings, out: &mut W) -> Result<()> {
    let rendered: Vec<Vec<u8>> = std::mem::take(pending)
        .into_par_iter()
        .map(|(_, p)| render(&analyze_small(p, s), s.format))
        .collect();
    for r in rendered {
        out.write_all(&r)?;
    }
    Ok(())
}

/// Split points of a large text: byte offsets just after a paragraph break
/// (or a line break, or a space) near every `chunk_bytes`.
fn chunk_bounds(text: &str, chunk_bytes: usize) -> Vec<usize> {
    let mut bounds = vec![0];
    let mut start = 0;
    while text.len() - start > chunk_bytes {
        let mut target = start + chunk_bytes;
        while !text.is_char_boundary(target) {
            target -= 1;
        }
        let window = &text[start..target];
        let floor = window.len() / 2;
        let cut = window
            .rfind("\n\n")
            .filter(|&p| p >= floor)
            .map(|p| p + 2)
            .or_else(|| window.rfind('\n').filter(|&p| p >= floor).map(|p| p + 1))
            .or_else(|| window.rfind(". ").filter(|&p| p >= floor).map(|p| p + 2))
            .or_else(|| window.rfind(' ').filter(|&p| p >= floor).map(|p| p + 1))
            .unwrap_or(window.len());
        start += cut.max(1);
        while !text.is_char_boundary(start) {
            start += 1;
        }
        bounds.push(start);
    }
    bounds.push(text.len());
    bounds
}

/// Analyse a huge article in chunks and stream one merged analysis.
///
/// Each layer's items are spooled to an anonymous temporary file as they are
/// produced, then copied into the output, so memory holds the text and a few
/// chunks' analyses, never the whole result.
fn analyze_large<W: Write>(p: Prepared, s: &Settings, out: &mut W) -> Result<()> {
    let bounds = chunk_bounds(&p.text, s.chunk_bytes);
    let mut spools: Vec<(&str, std::fs::File, bool)> = Vec::new();
    for name in ["sentences", "entities", "times", "quotes", "events", "tokens"] {
        spools.push((name, tempfile::tempfile().context("cannot create a temporary file")?, true));
    }
    let mut actors: Vec<marsad::doc::ActorRef> = Vec::new();
    let mut char_offset = 0usize;
    let par = rayon::current_num_threads().max(1) * 2;
    let windows: Vec<(usize, usize)> = bounds.windows(2).map(|w| (w[0], w[1])).collect();
    for group in windows.chunks(par) {
        let analyses: Vec<(Analysis, usize)> = group
            .par_iter()
            .map(|&(a, b)| {
                let piece = &p.text[a..b];
                let mut doc = Doc::new(piece, p.date.clone());
                s.pipeline.run(&mut doc);
                let chars = doc.char_len();
                (doc.into_analysis(OutputOptions { tokens: s.tokens, embed_text: false }), chars)
            })
            .collect();
        for (mut a, chars) in analyses {
            marsad::doc::shift_analysis(&mut a, char_offset);
            char_offset += chars;
            if matches!(s.format, Format::Text | Format::EventsCsv | Format::Plover) {
                // Row- and report-shaped formats are written chunk by chunk.
                a.id = p.id.clone();
                a.meta = p.meta.clone();
                write_analysis(out, &a, s.format)?;
                continue;
            }
            let layers: [Vec<serde_json::Value>; 6] = [
                a.sentences.iter().map(|x| serde_json::to_value(x).unwrap()).collect(),
                a.entities.iter().map(|x| serde_json::to_value(x).unwrap()).collect(),
                a.times.iter().map(|x| serde_json::to_value(x).unwrap()).collect(),
                a.quotes.iter().map(|x| serde_json::to_value(x).unwrap()).collect(),
                a.events.iter().map(|x| serde_json::to_value(x).unwrap()).collect(),
                a.tokens.iter().flatten().map(|x| serde_json::to_value(x).unwrap()).collect(),
            ];
            for (items, spool) in layers.iter().zip(spools.iter_mut()) {
                let mut w = BufWriter::new(&mut spool.1);
                for item in items {
                    if !spool.2 {
                        w.write_all(b",")?;
                    }
                    spool.2 = false;
                    serde_json::to_writer(&mut w, item)?;
                }
                w.flush()?;
            }
            for actor in a.actors {
                if !actors.iter().any(|x| x.id == actor.id) {
                    actors.push(actor);
                }
            }
        }
    }
    if matches!(s.format, Format::Text | Format::EventsCsv | Format::Plover) {
        return Ok(());
    }
    let head = Analysis {
        schema: marsad::SCHEMA.to_string(),
        id: p.id,
        date: p.date,
        meta: p.meta,
        offsets: p.embed_text.then(|| "extracted-text".to_string()),
        text: None,
        sentences: vec![],
        entities: vec![],
        times: vec![],
        quotes: vec![],
        events: vec![],
        actors: actors.clone(),
        tokens: None,
        warnings: {
            let mut w = p.warnings;
            w.push(format!("large input analysed in {} chunks split at paragraph breaks", bounds.len() - 1));
            w
        },
    };
    // Write the head fields, then each spooled array.
    let mut head_value = serde_json::to_value(&head)?;
    let obj = head_value.as_object_mut().expect("an Analysis is an object");
    for name in ["sentences", "entities", "times", "quotes", "events", "tokens"] {
        obj.remove(name);
    }
    if p.embed_text {
        obj.insert("text".into(), serde_json::Value::String(p.text.clone()));
    }
    let head_json = serde_json::to_string(&head_value)?;
    out.write_all(&head_json.as_bytes()[..head_json.len() - 1])?;
    for (name, mut file, empty) in spools {
        if name == "tokens" && !s.tokens {
            continue;
        }
        write!(out, ",\"{name}\":[")?;
        if !empty {
            file.rewind()?;
            let mut reader = std::io::BufReader::new(&mut file);
            let mut buf = [0u8; 1 << 16];
            loop {
                let n = reader.read(&mut buf)?;
                if n == 0 {
                    break;
                }
                out.write_all(&buf[..n])?;
            }
        }
        out.write_all(b"]")?;
    }
    out.write_all(b"}\n")?;
    Ok(())
}

