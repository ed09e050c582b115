//! Time the quote annotator alone on a JSON Lines corpus (`text` field):
//!
//! ```text
//! zcat ../shared/data/news/ant-multisource.jsonl.gz | head -3000 > /tmp/ant3k.jsonl
//! cargo run --release -p marsad-quotes --example quotes_speed -- /tmp/ant3k.jsonl
//! ```
//!
//! Documents are built (tokens, sentences) before the clock starts; the
//! figure is words per second of one thread for `QuoteAnnotator::annotate`.
use marsad_doc::{Annotator, Doc};
use std::io::BufRead;
use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: quotes_speed CORPUS.jsonl");
        return;
    };
    let Ok(file) = std::fs::File::open(&path) else {
        eprintln!("cannot open {path}");
        return;
    };
    let mut docs = Vec::new();
    let mut words = 0usize;
    for line in std::io::BufReader::new(file).lines().map_while(Result::ok) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else { continue };
        let Some(text) = v.get("text").and_then(|t| t.as_str()) else { continue };
        words += text.split_whitespace().count();
        docs.push(Doc::new(text, "2024-01-01"));
    }
    let ann = marsad_quotes::QuoteAnnotator::new();
    let t0 = Instant::now();
    let mut quotes = 0usize;
    for d in docs.iter_mut() {
        ann.annotate(d);
        quotes += d.quotes.len();
    }
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "{} docs, {} words, {} quotes, {:.3} s, {:.0} words/s (quotes layer, one thread)",
        docs.len(),
        words,
        quotes,
        secs,
        words as f64 / secs
    );
}
