//! The `marsad` binary: parses arguments and wires the library crates
//! together. No analysis logic lives here.

mod analyze;
mod archive;
mod records;
mod tokenize;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// mimalloc instead of the system allocator: the annotators make many small,
/// short-lived allocations per article, and glibc malloc/free/realloc took
/// about 9% of all instructions of `marsad analyze` (callgrind, benchmark sample).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "marsad", version, about = "Arabic news to structured facts: who said what, who did what to whom, where and when")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles: entities, dates, quotations and events as JSON (schema marsad/1).
    Analyze(analyze::AnalyzeArgs),
    /// Tokenise text with the text layer alone: tokens, normalised forms or clitic segments.
    Tokenize(tokenize::TokenizeArgs),
    /// Add articles to the archive (text, HTML, JSON Lines, .gz, directories).
    Ingest(archive::IngestArgs),
    /// Full-text search of the archive, with filters.
    Search(archive::SearchArgs),
    /// Quotations in the archive, by speaker.
    Quotes(archive::QuotesArgs),
    /// Export the archive's events (csv, jsonl, plover).
    Events(archive::EventsArgs),
    /// The most mentioned actors in a period.
    Actors(archive::ActorsArgs),
    /// What the archive holds.
    Stats(archive::StatsArgs),
    /// Rebuild the search index from the database.
    Reindex(archive::ReindexArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => analyze::run(args),
        Command::Tokenize(args) => tokenize::run(args),
        Command::Ingest(args) => archive::ingest::run(args),
        Command::Search(args) => archive::search(args),
        Command::Quotes(args) => archive::quotes(args),
        Command::Events(args) => archive::events(args),
        Command::Actors(args) => archive::actors(args),
        Command::Stats(args) => archive::stats(args),
        Command::Reindex(args) => archive::reindex(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`marsad analyze … | head`) is not an error.
            if let Some(io) = e.downcast_ref::<std::io::Error>() {
                if io.kind() == std::io::ErrorKind::BrokenPipe {
                    return ExitCode::SUCCESS;
                }
            }
            eprintln!("marsad: {e:#}");
            ExitCode::from(2)
        }
    }
}
