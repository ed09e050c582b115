//! Time the entity layer alone on a JSON Lines corpus (the `text` field).
//! cargo run --release -p marsad-entities --example bench_entities -- CORPUS.jsonl [--rules-only]
use marsad_doc::{Annotator, Doc};
use marsad_entities::EntityAnnotator;
use std::io::BufRead;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().expect("usage: bench_entities CORPUS.jsonl [--rules-only]");
    let ann = if args.iter().any(|a| a == "--rules-only") { EntityAnnotator::rules_only() } else { EntityAnnotator::new() };
    let f = std::io::BufReader::new(std::fs::File::open(path).expect("open"));
    let mut docs: Vec<Doc> = Vec::new();
    let mut words = 0usize;
    for l in f.lines().map_while(Result::ok) {
        let Some(t) = l.split("\"text\": \"").nth(1).or_else(|| l.split("\"text\":\"").nth(1)) else { continue };
        let t = t.split("\", \"").next().unwrap_or(t).replace("\\n", "\n");
        words += t.split_whitespace().count();
        docs.push(Doc::new(t, "2024-01-01"));
    }
    let t0 = Instant::now();
    let mut n = 0;
    for d in &mut docs {
        ann.annotate(d);
        n += d.entities.len();
    }
    let s = t0.elapsed().as_secs_f64();
    println!("{} docs, {} words, {} entities, {:.3} s, {:.0} words/s", docs.len(), words, n, s, words as f64 / s);
}
