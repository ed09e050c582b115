//! `marsad ingest`: read articles from files, JSON Lines (gzip too), HTML and
//! directories; analyse them on all cores; store them in the archive.

use super::DbArg;
use crate::records::{html_file_name, open_maybe_gz, prepare, read_all, Article, HtmlMode, JsonlRecords, Record, Source};
use anyhow::Result;
use clap::Args;
use marsad_archive::{Analyzed, Archive, Item};
use rayon::prelude::*;
use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files (text, HTML, `.jsonl`, `.jsonl.gz`) and directories (read recursively); `-` reads JSON Lines from stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub db: DbArg,
    /// Worker threads for analysis (default: all cores).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// Articles per transaction.
    #[arg(long, default_value_t = 256)]
    pub batch: usize,
    /// Replace invalid UTF-8 and NUL bytes instead of skipping the input.
    #[arg(long)]
    pub lossy: bool,
    /// No progress line.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// File names read from directories.
const DIR_EXTENSIONS: &[&str] = &["txt", "text", "html", "htm", "xhtml", "jsonl", "ndjson", "gz"];

fn is_jsonl(path: &Path) -> bool {
    if path.as_os_str() == "-" {
        return true;
    }
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    name.ends_with(".jsonl") || name.ends_with(".ndjson") || name.ends_with(".gz")
}

fn collect_files(path: &Path, out: &mut Vec<PathBuf>, errors: &mut usize) {
    if path.as_os_str() == "-" || !path.is_dir() {
        out.push(path.to_path_buf());
        return;
    }
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            eprintln!("marsad: {}: cannot read the directory: {e}", path.display());
            *errors += 1;
            return;
        }
    };
    entries.sort();
    for p in entries {
        let hidden = p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            collect_files(&p, out, errors);
        } else {
            let ext = p.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
            if DIR_EXTENSIONS.contains(&ext.as_str()) {
                out.push(p);
            }
        }
    }
}

/// Turn a text or HTML file into an item; its id is the file name's stem.
fn file_item(path: &Path, lossy: bool) -> std::result::Result<Item, String> {
    let bytes = read_all(path).map_err(|e| format!("{e:#}"))?;
    let article = prepare(Source::Bytes { bytes, html_name: html_file_name(path) }, lossy, HtmlMode::Auto)?;
    let mut item = item_of(path.display().to_string(), article);
    item.id = path.file_stem().map(|s| s.to_string_lossy().into_owned());
    Ok(item)
}

fn record_item(origin: String, rec: Record, lossy: bool) -> std::result::Result<Item, String> {
    prepare(Source::Record(rec), lossy, HtmlMode::Auto).map(|article| item_of(origin, article))
}

/// The archive item of a prepared article: the record's date when it is
/// valid, else the HTML page's date, else whatever the record said (the
/// archive anchors invalid dates at today).
fn item_of(origin: String, article: Article) -> Item {
    let date = article.record_date().or(article.html_date).or(article.record.date);
    let Record { id, title, url, source, .. } = article.record;
    Item { origin, id, text: article.text, date, title, url, source }
}

/// Progress shown on a terminal.
struct Progress {
    enabled: bool,
    start: Instant,
    last: Instant,
    total_bytes: u64,
}

impl Progress {
    fn show(&mut self, done: usize, bytes: u64, read_fraction: Option<f64>, force: bool) {
        if !self.enabled || (!force && self.last.elapsed() < Duration::from_millis(250)) {
            return;
        }
        self.last = Instant::now();
        let secs = self.start.elapsed().as_secs_f64().max(1e-3);
        let rate = done as f64 / secs;
        let mbs = bytes as f64 / secs / 1e6;
        let eta = match read_fraction {
            Some(f) if f > 0.001 && f < 1.0 => {
                let left = secs * (1.0 - f) / f;
                format!("  ETA {:02}:{:02}", (left / 60.0) as u64, (left % 60.0) as u64)
            }
            _ => String::new(),
        };
        let bar = match read_fraction {
            Some(f) => {
                let n = (f.clamp(0.0, 1.0) * 24.0) as usize;
                format!("[{}{}] {:>3.0}%  ", "#".repeat(n), "-".repeat(24 - n), f * 100.0)
            }
            None => String::new(),
        };
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[K{bar}{done} articles  {rate:.0} articles/s  {mbs:.2} MB/s{eta}");
        let _ = err.flush();
    }
}

enum Msg {
    Batch(Vec<Analyzed>, u64),
}

pub fn run(args: IngestArgs) -> Result<ExitCode> {
    if let Some(n) = args.threads {
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
    }
    let db = args.db.path();
    let mut archive = Archive::open(&db)?;
    let mut errors = 0usize;
    let mut files = Vec::new();
    for p in &args.paths {
        if p.as_os_str() != "-" && !p.exists() {
            eprintln!("marsad: {}: no such file or directory", p.display());
            errors += 1;
            continue;
        }
        collect_files(p, &mut files, &mut errors);
    }
    let total_bytes: u64 = files.iter().filter_map(|f| std::fs::metadata(f).ok()).map(|m| m.len()).sum();
    let start = Instant::now();
    let mut progress = Progress {
        enabled: !args.quiet && std::io::stderr().is_terminal(),
        start,
        last: start - Duration::from_secs(1),
        total_bytes,
    };
    let batch_size = args.batch.clamp(1, 10_000);
    let lossy = args.lossy;
    // A second connection for the reader: skip what is already stored before analysing it.
    let seen_db = rusqlite::Connection::open(&db)?;
    seen_db.busy_timeout(Duration::from_secs(30))?;

    let (tx, rx) = mpsc::sync_channel::<Msg>(2);
    let read_bytes = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let read_bytes_r = read_bytes.clone();
    let mut added = 0usize;
    let mut present = 0usize;
    let mut near = 0usize;
    let mut bytes_added = 0u64;
    let reader_errors = std::thread::scope(|scope| -> Result<usize> {
        let reader = scope.spawn(move || -> usize {
            let pipeline = marsad::Pipeline::standard();
            let mut errors = 0usize;
            let mut batch: Vec<Item> = Vec::with_capacity(batch_size);
            let mut in_run: HashSet<String> = HashSet::new();
            let mut st = seen_db.prepare("SELECT 1 FROM articles WHERE hash = ?1").ok();
            let mut skipped_known = 0u64;
            let send = |batch: &mut Vec<Item>, skipped: &mut u64| -> bool {
                let items = std::mem::take(batch);
                let bytes: u64 = items.iter().map(|i| i.text.len() as u64).sum();
                let analyzed: Vec<Analyzed> = items.into_par_iter().map(|it| marsad_archive::analyze(&pipeline, it)).collect();
                let skipped = std::mem::take(skipped);
                tx.send(Msg::Batch(analyzed, bytes + (skipped << 48))).is_ok()
            };
            let mut push = |item: Item, batch: &mut Vec<Item>, skipped: &mut u64| -> bool {
                let hash = item.hash();
                let known = st.as_mut().and_then(|s| s.exists([&hash]).ok()).unwrap_or(false);
                // Hashes of this run not yet committed; older ones are in the database.
                if in_run.len() >= 65_536 {
                    in_run.clear();
                }
                if known || !in_run.insert(hash) {
                    *skipped += 1;
                    return false;
                }
                batch.push(item);
                batch.len() >= batch_size
            };
            'files: for path in &files {
                if is_jsonl(path) {
                    let reader = match open_maybe_gz(path) {
                        Ok(r) => r,
                        Err(e) => {
                            eprintln!("\rmarsad: {e:#}");
                            errors += 1;
                            continue;
                        }
                    };
                    for (line, rec) in JsonlRecords::new(reader) {
                        match rec.map_err(|b| b.error).and_then(|r| record_item(format!("{}:{line}", path.display()), r, lossy)) {
                            Ok(item) => {
                                read_bytes_r.fetch_add(item.text.len() as u64, std::sync::atomic::Ordering::Relaxed);
                                if push(item, &mut batch, &mut skipped_known) && !send(&mut batch, &mut skipped_known) {
                                    break 'files;
                                }
                            }
                            Err(e) => {
                                eprintln!("\r\x1b[Kmarsad: {}:{line}: {e} (skipped)", path.display());
                                errors += 1;
                            }
                        }
                    }
                } else {
                    match file_item(path, lossy) {
                        Ok(item) => {
                            if push(item, &mut batch, &mut skipped_known) && !send(&mut batch, &mut skipped_known) {
                                break 'files;
                            }
                        }
                        Err(e) => {
                            eprintln!("\r\x1b[Kmarsad: {}: {e} (skipped)", path.display());
                            errors += 1;
                        }
                    }
                    if let Ok(m) = std::fs::metadata(path) {
                        read_bytes_r.fetch_add(m.len(), std::sync::atomic::Ordering::Relaxed);
                    }
                }
            }
            if !batch.is_empty() || skipped_known > 0 {
                send(&mut batch, &mut skipped_known);
            }
            errors
        });
        let mut last_commit = Instant::now();
        for msg in rx {
            let Msg::Batch(batch, packed) = msg;
            let (bytes, skipped) = (packed & ((1 << 48) - 1), (packed >> 48) as usize);
            present += skipped;
            let report = archive.store(&batch)?;
            added += report.added;
            present += report.already_present;
            near += report.near_duplicates;
            bytes_added += bytes;
            if archive.pending_index() >= 4096 || last_commit.elapsed() > Duration::from_secs(20) {
                archive.commit_index()?;
                last_commit = Instant::now();
            }
            let frac = (progress.total_bytes > 0)
                .then(|| read_bytes.load(std::sync::atomic::Ordering::Relaxed) as f64 / progress.total_bytes as f64);
            progress.show(added, bytes_added, frac.map(|f| f.min(0.999)), false);
        }
        archive.commit_index()?;
        Ok(reader.join().unwrap_or(1))
    })?;
    errors += reader_errors;
    progress.show(added, bytes_added, Some(1.0), true);
    if progress.enabled {
        eprintln!();
    }
    let secs = start.elapsed().as_secs_f64().max(1e-6);
    let stats = archive.stats()?;
    eprintln!(
        "ingested {added} new articles ({:.1} MB) in {secs:.1}s: {:.1} articles/s, {:.2} MB/s; {present} already present, {near} near-duplicates, {errors} errors",
        bytes_added as f64 / 1e6,
        added as f64 / secs,
        bytes_added as f64 / 1e6 / secs
    );
    eprintln!(
        "archive {}: {} articles ({} near-duplicates), {} quotes, {} events, {} actors",
        db.display(),
        stats.articles,
        stats.near_duplicates,
        stats.quotes,
        stats.events,
        stats.actors
    );
    Ok(if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
