//! Print the clitic segmentation of each word given on the command line (or
//! of each word of stdin): `cargo run --release -p marsad-text --example segment -- وبالعراق للعراق`
//!
//! `segment --bench FILE` times tokenising FILE and segmenting every word token
//! through a fresh [`marsad_text::SegmentCache`] (as `marsad tokenize --segment`
//! does), best of 5 runs, lexicon loading excluded, and prints words/s.
use std::io::Read;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--bench") {
        let path = args.get(1).cloned().unwrap_or_else(|| "benchmarks/work/sample.txt".into());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        let _ = marsad_text::segment_word("و"); // load the lexicon outside the timing
        let mut best = f64::MAX;
        let mut words = 0usize;
        let runs: usize = std::env::var("SEG_BENCH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(5);
        for _ in 0..runs {
            let t0 = std::time::Instant::now();
            let mut cache = marsad_text::SegmentCache::default();
            let mut n = 0usize;
            let mut segs = 0usize;
            for line in text.lines() {
                let toks = marsad_text::tokenize(line);
                for i in 0..toks.len() {
                    if toks[i].kind == marsad_text::TokenKind::Word {
                        segs += cache.segment(toks.text(line, i)).segments.len();
                    }
                }
                n += line.split_whitespace().count();
            }
            std::hint::black_box(segs);
            best = best.min(t0.elapsed().as_secs_f64());
            words = n;
        }
        println!("{words} words in {:.1} ms: {:.2}M words/s", best * 1e3, words as f64 / best / 1e6);
        return;
    }
    if args.is_empty() {
        let mut s = String::new();
        let _ = std::io::stdin().read_to_string(&mut s);
        args = s.split_whitespace().map(String::from).collect();
    }
    for w in args {
        println!("{w}\t{}", marsad_text::segment_word(&w).to_plus_string());
    }
}
