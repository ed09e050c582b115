//! Archive subcommands: ingest, search, quotes, events, actors, stats, reindex.

pub mod ingest;
#[cfg(feature = "parquet")]
mod parquet_out;

use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use marsad_archive::{Archive, SearchQuery};
use marsad_printer::events::{plover_record, EventRecord, CSV_HEADER};
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

pub use ingest::IngestArgs;

/// The archive location.
#[derive(Debug, Args, Clone)]
pub struct DbArg {
    /// The archive database (SQLite); the search index lives beside it in `<db>.index/`.
    #[arg(long, default_value = "marsad.db", global = true)]
    pub db: PathBuf,
}

impl DbArg {
    pub fn path(&self) -> PathBuf {
        self.db.clone()
    }
}

/// `--from` / `--to`: the date range shared by every archive query.
#[derive(Debug, Args)]
pub struct Period {
    /// From this date (YYYY-MM-DD, inclusive).
    #[arg(long, value_parser = parse_date)]
    pub from: Option<String>,
    /// Up to this date (YYYY-MM-DD, inclusive).
    #[arg(long, value_parser = parse_date)]
    pub to: Option<String>,
}

/// Clap value parser for --from/--to: a calendar date as YYYY-MM-DD.
fn parse_date(d: &str) -> std::result::Result<String, String> {
    if marsad::valid_date(d) {
        Ok(d.to_string())
    } else {
        Err(format!("{d}: expected a calendar date as YYYY-MM-DD"))
    }
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query: words (Arabic words match their clitic and plural forms), "a phrase", -exclude, OR.
    pub query: Option<String>,
    #[command(flatten)]
    pub db: DbArg,
    /// Only articles that mention this actor (canonical id).
    #[arg(long)]
    pub actor: Option<String>,
    /// Only articles with an event of this PLOVER type (ASSAULT, PROTEST…).
    #[arg(long = "type")]
    pub event_type: Option<String>,
    /// Only articles quoting this speaker (canonical id).
    #[arg(long)]
    pub speaker: Option<String>,
    #[command(flatten)]
    pub period: Period,
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Include near-duplicate copies.
    #[arg(long)]
    pub all: bool,
    /// JSON Lines output.
    #[arg(long)]
    pub json: bool,
    /// Benchmark: run every query of FILE (one a line) and print latency percentiles.
    #[arg(long, hide = true)]
    pub bench_queries: Option<PathBuf>,
}

pub fn search(args: SearchArgs) -> Result<ExitCode> {
    let archive = Archive::open_read(&args.db.path())?;
    let mut q = SearchQuery {
        text: args.query.clone().unwrap_or_default(),
        actor: args.actor,
        event_type: args.event_type,
        speaker: args.speaker,
        from: args.period.from,
        to: args.period.to,
        limit: args.limit.max(1),
        include_duplicates: args.all,
    };
    if let Some(file) = &args.bench_queries {
        let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
        let mut times = Vec::new();
        let mut hits = 0usize;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            q.text = line.to_string();
            let t = Instant::now();
            hits += archive.search(&q)?.len();
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        if times.is_empty() {
            bail!("no queries in {}", file.display());
        }
        times.sort_by(|a, b| a.total_cmp(b));
        let pct = |p: f64| times[(((times.len() - 1) as f64) * p).round() as usize];
        let mean = times.iter().sum::<f64>() / times.len() as f64;
        println!(
            "queries {}  hits {}  p50 {:.2} ms  p90 {:.2} ms  p99 {:.2} ms  max {:.2} ms  mean {:.2} ms",
            times.len(),
            hits,
            pct(0.5),
            pct(0.9),
            pct(0.99),
            times[times.len() - 1],
            mean
        );
        return Ok(ExitCode::SUCCESS);
    }
    if q.text.trim().is_empty() && q.actor.is_none() && q.event_type.is_none() && q.speaker.is_none() {
        bail!("give a query, or at least one of --actor, --type, --speaker");
    }
    let hits = archive.search(&q)?;
    let stdout = std::io::stdout();
    let tty = stdout.is_terminal();
    let mut out = BufWriter::new(stdout.lock());
    for (i, h) in hits.iter().enumerate() {
        if args.json {
            let mut v = serde_json::to_value(h)?;
            v["snippet_html"] = serde_json::Value::String(h.marked_snippet("<b>", "</b>"));
            serde_json::to_writer(&mut out, &v)?;
            writeln!(out)?;
        } else {
            let snippet = if tty { h.marked_snippet("\x1b[1m", "\x1b[0m") } else { h.marked_snippet("[", "]") };
            writeln!(
                out,
                "{}. {}  {}  (id {}, score {:.2}{})",
                i + 1,
                h.date.as_deref().unwrap_or("----------"),
                h.title.as_deref().unwrap_or(""),
                h.id.as_deref().unwrap_or("-"),
                h.score,
                h.dup_of.map(|d| format!(", copy of article {d}")).unwrap_or_default()
            )?;
            writeln!(out, "   {snippet}")?;
        }
    }
    out.flush()?;
    if hits.is_empty() && !args.json {
        eprintln!("no results");
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Only quotes of this speaker (canonical actor id).
    #[arg(long)]
    pub speaker: Option<String>,
    #[command(flatten)]
    pub period: Period,
    #[arg(long, default_value_t = 100)]
    pub limit: usize,
    /// JSON Lines output.
    #[arg(long)]
    pub json: bool,
}

pub fn quotes(args: QuotesArgs) -> Result<ExitCode> {
    let archive = Archive::open_read(&args.db.path())?;
    let rows = archive.quotes(args.speaker.as_deref(), args.period.from.as_deref(), args.period.to.as_deref(), args.limit)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    for r in rows {
        if args.json {
            serde_json::to_writer(&mut out, &r)?;
            writeln!(out)?;
        } else {
            writeln!(
                out,
                "{}  {} [{}] {}: {}",
                r.date.as_deref().unwrap_or("----------"),
                r.speaker.as_deref().unwrap_or("?"),
                r.speaker_actor.as_deref().unwrap_or("-"),
                r.cue,
                r.content.replace('\n', " ")
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum EventFormat {
    /// One row per event, the columns of `marsad analyze --format events-csv`.
    Csv,
    /// The same rows as JSON Lines.
    Jsonl,
    /// The same rows as Parquet (needs --output).
    Parquet,
    /// PLOVER JSON Lines (the manual's data fields), as `marsad analyze --format plover`.
    Plover,
}

#[derive(Debug, Args)]
pub struct EventsArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub period: Period,
    /// Only this PLOVER type.
    #[arg(long = "type")]
    pub event_type: Option<String>,
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: EventFormat,
    /// Write to this file instead of standard output (required for parquet).
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
}

pub fn events(args: EventsArgs) -> Result<ExitCode> {
    let archive = Archive::open_read(&args.db.path())?;
    if args.format == EventFormat::Parquet {
        return events_parquet(&archive, &args);
    }
    let sink: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 16, sink);
    if args.format == EventFormat::Csv {
        write!(out, "{CSV_HEADER}\r\n")?;
    }
    let format = args.format;
    let event_type = args.event_type.as_deref().map(|t| t.to_uppercase());
    archive.events(args.period.from.as_deref(), args.period.to.as_deref(), event_type.as_deref(), &mut |a, k| {
        match format {
            EventFormat::Csv | EventFormat::Jsonl => {
                let Some(r) = EventRecord::new(a, k) else { return Ok(()) };
                if format == EventFormat::Csv {
                    write!(out, "{}\r\n", r.csv_row())?;
                } else {
                    serde_json::to_writer(&mut out, &r)?;
                    writeln!(out)?;
                }
            }
            EventFormat::Plover => {
                serde_json::to_writer(&mut out, &plover_record(a, k, &a.events[k]))?;
                writeln!(out)?;
            }
            EventFormat::Parquet => unreachable!("rejected above"),
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(feature = "parquet")]
fn events_parquet(archive: &Archive, args: &EventsArgs) -> Result<ExitCode> {
    let Some(path) = &args.output else { bail!("--format parquet needs --output FILE") };
    let file = std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut w = parquet_out::EventParquet::new(BufWriter::with_capacity(1 << 16, file))?;
    let event_type = args.event_type.as_deref().map(|t| t.to_uppercase());
    archive.events(args.period.from.as_deref(), args.period.to.as_deref(), event_type.as_deref(), &mut |a, k| match EventRecord::new(a, k) {
        Some(r) => w.push(r),
        None => Ok(()),
    })?;
    w.finish()?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "parquet"))]
fn events_parquet(_archive: &Archive, _args: &EventsArgs) -> Result<ExitCode> {
    bail!("this marsad was built without Parquet export: rebuild with `cargo build --release -p marsad-cli --features parquet`, or use --format csv|jsonl")
}

#[derive(Debug, Args)]
pub struct ActorsArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub period: Period,
    #[arg(long, default_value_t = 30)]
    pub limit: usize,
    #[arg(long)]
    pub json: bool,
}

pub fn actors(args: ActorsArgs) -> Result<ExitCode> {
    let archive = Archive::open_read(&args.db.path())?;
    let rows = archive.actors(args.period.from.as_deref(), args.period.to.as_deref(), args.limit)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    for r in rows {
        if args.json {
            serde_json::to_writer(&mut out, &r)?;
            writeln!(out)?;
        } else {
            writeln!(out, "{:>7} mentions {:>6} articles  {}  {} {}", r.mentions, r.articles, r.id, r.name.as_deref().unwrap_or(""), r.actor_type.as_deref().unwrap_or(""))?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[arg(long)]
    pub json: bool,
}

pub fn stats(args: StatsArgs) -> Result<ExitCode> {
    let archive = Archive::open_read(&args.db.path())?;
    let s = archive.stats()?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &s)?;
        writeln!(out)?;
    } else {
        writeln!(out, "articles         {} ({:.1} MB of text)", s.articles, s.bytes as f64 / 1e6)?;
        writeln!(out, "near-duplicates  {}", s.near_duplicates)?;
        writeln!(out, "date range       {} .. {}", s.first_date.as_deref().unwrap_or("-"), s.last_date.as_deref().unwrap_or("-"))?;
        writeln!(out, "actors           {} ({} entity mentions)", s.actors, s.entity_mentions)?;
        writeln!(out, "quotes           {}", s.quotes)?;
        writeln!(out, "events           {}", s.events)?;
        for (t, n) in &s.events_by_type {
            writeln!(out, "  {t:<14} {n}")?;
        }
        writeln!(out, "index            {} documents ({} articles waiting)", s.indexed_documents, s.unindexed)?;
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Args)]
pub struct ReindexArgs {
    #[command(flatten)]
    pub db: DbArg,
}

pub fn reindex(args: ReindexArgs) -> Result<ExitCode> {
    let path = args.db.path();
    if !path.exists() {
        bail!("no archive at {}", path.display());
    }
    let mut archive = Archive::open(&path)?;
    let t = Instant::now();
    let n = archive.reindex()?;
    eprintln!("reindexed {n} articles in {:.1}s", t.elapsed().as_secs_f64());
    Ok(ExitCode::SUCCESS)
}
