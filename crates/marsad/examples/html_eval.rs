//! Scores HTML → article text extraction (`marsad::input::html_to_text`)
//! against hand-made gold text, with the metric of benchmarks/bench.py:
//! bag-of-words precision/recall/F1 over `\w+` words in a shared folded form
//! (diacritics and tatweel removed, أ إ آ ٱ → ا, ى → ي, ة → ه), averaged over
//! pages.
//!
//! ```text
//! cargo run --release -p marsad --example html_eval -- [DIR ...] [-v] [--speed PAGES.jsonl[.gz]]
//! ```
//!
//! Each DIR (default eval/html) holds NAME.html + NAME.txt (the expected
//! article text). `-v` prints the words lost and the words added per page.
//! `--speed` times extraction on a JSON Lines file of pages (the `text`
//! field, e.g. benchmarks/work/sample_html.jsonl) and prints words of
//! extracted text per second (one thread).

use std::io::Read;
use std::time::Instant;

#[path = "../tests/support/bag_of_words.rs"]
mod bag_of_words;
use bag_of_words::prf;

fn main() {
    let mut dirs = Vec::new();
    let mut verbose = false;
    let mut speed = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-v" => verbose = true,
            "--speed" => speed = args.next(),
            _ => dirs.push(a),
        }
    }
    if dirs.is_empty() && speed.is_none() {
        dirs.push("eval/html".to_string());
    }
    for dir in &dirs {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().to_str().and_then(|n| n.strip_suffix(".html")).map(str::to_string))
            .filter(|n| std::path::Path::new(dir).join(format!("{n}.txt")).exists())
            .collect();
        names.sort();
        let mut sums = (0.0, 0.0, 0.0);
        for name in &names {
            let html = std::fs::read_to_string(format!("{dir}/{name}.html")).unwrap();
            let gold = std::fs::read_to_string(format!("{dir}/{name}.txt")).unwrap();
            let (text, _) = marsad::input::html_to_text(&html);
            let (p, r, f, lost, extra) = prf(&text, &gold);
            println!("{dir}/{name}: P {p:.3} R {r:.3} F1 {f:.3}");
            if verbose {
                if !lost.is_empty() {
                    println!("    lost: {}", lost.join(" "));
                }
                if !extra.is_empty() {
                    println!("    extra: {}", extra.join(" "));
                }
            }
            sums = (sums.0 + p, sums.1 + r, sums.2 + f);
        }
        let n = names.len().max(1) as f64;
        println!("{dir} mean over {} pages: precision {:.3} recall {:.3} F1 {:.3}", names.len(), sums.0 / n, sums.1 / n, sums.2 / n);
    }
    if let Some(path) = speed {
        let mut raw = Vec::new();
        std::fs::File::open(&path).unwrap_or_else(|e| panic!("{path}: {e}")).read_to_end(&mut raw).unwrap();
        if path.ends_with(".gz") {
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut out).unwrap();
            raw = out;
        }
        let pages: Vec<String> = String::from_utf8_lossy(&raw)
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_string))
            .collect();
        let bytes: usize = pages.iter().map(String::len).sum();
        let mut words = 0usize;
        let t = Instant::now();
        for page in &pages {
            words += marsad::input::html_to_text(page).0.split_whitespace().count();
        }
        let s = t.elapsed().as_secs_f64();
        println!(
            "speed: {} pages, {:.1} MB of HTML, {} words extracted in {:.3} s: {:.0} words/s, {:.1} MB/s",
            pages.len(),
            bytes as f64 / 1e6,
            words,
            s,
            words as f64 / s,
            bytes as f64 / 1e6 / s
        );
    }
}
