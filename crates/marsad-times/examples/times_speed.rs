//! Throughput of the times layer alone: `cargo run --release -p marsad-times --example times_speed -- FILE.txt...`
//! Prints words/s of `TimeAnnotator::find` (document building excluded) and the number of times found.

use std::time::Instant;

use marsad_doc::Doc;
use marsad_times::TimeAnnotator;

fn main() {
    let ann = TimeAnnotator::new();
    let docs: Vec<Doc> = std::env::args()
        .skip(1)
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|t| Doc::new(t, "2024-01-27"))
        .collect();
    let words: usize = docs.iter().map(|d| d.tokens.len()).sum();
    let mut found = 0;
    let rounds = 20;
    let t0 = Instant::now();
    for _ in 0..rounds {
        for d in &docs {
            found += ann.find(d).len();
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    println!("{} tokens x {} rounds in {:.3}s: {:.0} tokens/s, {} times per round", words, rounds, secs, (words * rounds) as f64 / secs, found / rounds);
}
