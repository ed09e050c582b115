//! Build `data/text/word_freq.tsv`, the word-frequency lexicon that guides
//! clitic segmentation, from the ANT news corpus (Apache-2.0).
//!
//! ```text
//! cargo run --release -p marsad-text --example build_lexicon -- \
//!     ../shared/data/news/ant-multisource.jsonl.gz ../shared/data/news/ant-jawharafm.jsonl.gz \
//!     > data/text/word_freq.tsv
//! ```
//!
//! Several corpus files may be given; their counts are added.
//!
//! Every article's `title` and `text` are tokenised with [`marsad_text::tokenize`];
//! each Arabic word token is counted under its normalised form (ة kept distinct
//! from ه, see `marsad_text::clitic::lexicon_normalize_options`). Words seen at
//! least `MIN_COUNT` times are written, most frequent first, as `word<TAB>count`.
//! The output is deterministic (ties are broken alphabetically).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};

const MIN_COUNT: u64 = 3;

fn main() {
    let mut paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        paths.push("../shared/data/news/ant-multisource.jsonl.gz".into());
    }
    let mut counts: HashMap<String, u64> = HashMap::new();
    // The matching normalisation except that ة stays ة: the segmenter needs to
    // tell كرة (ball) from كره and عدة from عده.
    let light = marsad_text::clitic::lexicon_normalize_options();
    let (mut articles, mut words) = (0u64, 0u64);
    for path in &paths {
        let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("cannot open {path}: {e}"));
        let reader: Box<dyn BufRead> = if path.ends_with(".gz") {
            Box::new(BufReader::new(flate2::read::GzDecoder::new(file)))
        } else {
            Box::new(BufReader::new(file))
        };
        for line in reader.lines() {
            let Ok(line) = line else { break };
            let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
                continue;
            };
            articles += 1;
            for field in ["title", "text"] {
                let Some(text) = v.get(field).and_then(|t| t.as_str()) else {
                    continue;
                };
                let toks = marsad_text::tokenize(text);
                for i in 0..toks.len() {
                    if toks[i].kind == marsad_text::TokenKind::Word {
                        words += 1;
                        let n = marsad_text::normalize_str_with(toks.text(text, i), &light);
                        if let Some(c) = counts.get_mut(&n) {
                            *c += 1;
                        } else {
                            counts.insert(n, 1);
                        }
                    }
                }
            }
        }
    }
    let mut list: Vec<(String, u64)> = counts
        .into_iter()
        .filter(|(_, c)| *c >= MIN_COUNT)
        .collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    let names: Vec<&str> = paths
        .iter()
        .map(|p| p.rsplit('/').next().unwrap_or(p))
        .collect();
    writeln!(
        out,
        "# Word frequencies (normalised Arabic word tokens, ة kept) from the ANT corpus"
    )
    .unwrap();
    writeln!(
        out,
        "# ({}, Apache-2.0): {articles} articles, {words} Arabic words, min count {MIN_COUNT}.",
        names.join(", ")
    )
    .unwrap();
    writeln!(
        out,
        "# Built by: cargo run --release -p marsad-text --example build_lexicon -- {}",
        paths.join(" ")
    )
    .unwrap();
    for (w, c) in list {
        writeln!(out, "{w}\t{c}").unwrap();
    }
}
