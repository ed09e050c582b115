//! In-process throughput of the text layer and of the whole pipeline on a
//! JSON Lines corpus (the `text` field of each line; `.gz` accepted).
//!
//! ```text
//! cargo run --release -p marsad --example throughput -- CORPUS.jsonl[.gz] [--threads N]
//! ```
//!
//! Prints one JSON object with MB/s and words/s for (a) the text layer
//! (normalise + tokenise + sentences, then clitic segmentation of every
//! word) and (b) every annotator. "Words" are whitespace-separated words, as
//! `wc -w` counts them, so figures compare with other tools. Used by
//! scripts/bench.sh; whole-program figures come from `marsad analyze`.

use rayon::prelude::*;
use std::io::{BufRead, BufReader, Read};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut path = None;
    let mut threads = 0usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--threads" => threads = args.next().and_then(|n| n.parse().ok()).expect("--threads N"),
            _ => path = Some(a),
        }
    }
    let path = path.expect("usage: throughput CORPUS.jsonl[.gz] [--threads N]");
    if threads > 0 {
        rayon::ThreadPoolBuilder::new().num_threads(threads).build_global().unwrap();
    }
    let file = std::fs::File::open(&path).expect("cannot open the corpus");
    let reader: Box<dyn Read> = if path.ends_with(".gz") { Box::new(flate2::read::MultiGzDecoder::new(file)) } else { Box::new(file) };
    let texts: Vec<String> = BufReader::new(reader)
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(&l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let mb = bytes as f64 / 1e6;

    let t = Instant::now();
    let tokens: usize = texts
        .par_iter()
        .map(|text| {
            let doc = marsad::Doc::new(text.as_str(), "2024-01-01");
            doc.tokens.len()
        })
        .sum();
    let text_secs = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let segmented: usize = texts
        .par_iter()
        .map(|text| {
            let toks = marsad::text::tokenize(text);
            toks.iter()
                .enumerate()
                .filter(|(_, tok)| tok.kind == marsad::text::TokenKind::Word)
                .map(|(i, _)| marsad::text::segment_word(toks.text(text, i)).segments.len())
                .sum::<usize>()
        })
        .sum();
    let seg_secs = t.elapsed().as_secs_f64();

    let pipeline = marsad::Pipeline::standard();
    let t = Instant::now();
    let found: usize = texts
        .par_iter()
        .map(|text| {
            let doc = pipeline.analyze(text, "2024-01-01");
            doc.entities.len() + doc.times.len() + doc.quotes.len() + doc.events.len()
        })
        .sum();
    let all_secs = t.elapsed().as_secs_f64();

    let rate = |secs: f64| (mb / secs, words as f64 / secs);
    let (tl_mb, tl_w) = rate(text_secs);
    let (sg_mb, sg_w) = rate(seg_secs);
    let (all_mb, all_w) = rate(all_secs);
    println!(
        "{}",
        serde_json::json!({
            "articles": texts.len(), "megabytes": mb, "words": words, "tokens": tokens,
            "threads": rayon::current_num_threads(),
            "text_layer": {"seconds": text_secs, "mb_per_s": tl_mb, "words_per_s": tl_w},
            "tokenize_and_segment": {"seconds": seg_secs, "mb_per_s": sg_mb, "words_per_s": sg_w, "segments": segmented},
            "all_layers": {"seconds": all_secs, "mb_per_s": all_mb, "words_per_s": all_w, "annotations": found},
        })
    );
}
