//! Time the event annotator alone on a JSON Lines corpus (`text` field):
//!
//! ```text
//! zcat ../shared/data/news/ant-multisource.jsonl.gz | head -3000 > /tmp/ant3k.jsonl
//! cargo run --release -p marsad-events --example events_speed -- /tmp/ant3k.jsonl
//! ```
//!
//! Documents are built (tokens, sentences, entities, times) before the clock starts; the
//! figure is words per second of one thread for `EventAnnotator::annotate`.
use marsad_doc::{Annotator, Doc};
use std::io::BufRead;
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: events_speed CORPUS.jsonl");
    let f = std::io::BufReader::new(std::fs::File::open(path).expect("open corpus"));
    let mut docs = Vec::new();
    let mut words = 0usize;
    for line in f.lines().map_while(Result::ok) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else { continue };
        let Some(text) = v.get("text").and_then(|t| t.as_str()) else { continue };
        words += text.split_whitespace().count();
        docs.push(Doc::new(text, "2024-01-01"));
    }
    // the layers before events, so that actors and dates are looked up as in the pipeline
    let ents = marsad_entities::EntityAnnotator::new();
    let times = marsad_times::TimeAnnotator::new();
    for d in docs.iter_mut() {
        ents.annotate(d);
        times.annotate(d);
    }
    let ann = marsad_events::EventAnnotator::new();
    let t0 = Instant::now();
    let mut events = 0usize;
    for d in docs.iter_mut() {
        ann.annotate(d);
        events += d.events.len();
    }
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "{} docs, {} words, {} events, {:.3} s, {:.0} words/s (events layer, one thread)",
        docs.len(),
        words,
        events,
        secs,
        words as f64 / secs
    );
}
