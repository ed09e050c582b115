//! Train the averaged-perceptron NER tagger and evaluate it.
//!
//! cargo run --release -p marsad-entities --example train_ner -- \
//!     --train FILE [--train FILE…] [--test FILE] [--epochs 8] [--out data/ner/model.bin]
//!
//! Files are CoNLL-style "word TAG" lines (ANERcorp, AQMAR); blank lines or a
//! final "." end a sentence. Prints entity-level precision/recall/F1 (exact
//! span and type, conlleval style) per type, micro and macro, on --test.

use marsad_entities::tagger::{features, tag_features, tag_words, Model, Tag, Word, NT};
use marsad_text::{normalize_str, tokenize, TokenKind};
use marsad_entities::kb::HashMap;

struct Sent {
    words: Vec<(String, TokenKind)>,
    tags: Vec<Tag>,
}

fn kind_of(w: &str) -> TokenKind {
    let t = tokenize(w);
    t.get(0).map(|t| t.kind).unwrap_or(TokenKind::Punct)
}

fn read(path: &str) -> Vec<Sent> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    let mut cur = Sent { words: Vec::new(), tags: Vec::new() };
    for line in text.lines() {
        let line = line.replace(['\u{200e}', '\u{200f}'], "");
        let line = line.trim();
        let mut end = line.is_empty();
        if !line.is_empty() {
            let Some((w, t)) = line.rsplit_once(char::is_whitespace) else { continue };
            let w = w.trim();
            let n = normalize_str(w);
            let n = if n.is_empty() { w.to_string() } else { n };
            cur.words.push((n, kind_of(w)));
            cur.tags.push(Tag::parse(&coarse(t.trim())));
            end = matches!(w, "." | "!" | "?" | "؟");
        }
        if end && !cur.words.is_empty() {
            out.push(std::mem::replace(&mut cur, Sent { words: Vec::new(), tags: Vec::new() }));
        }
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    out
}

/// Fine-grained NewsFANE/Wojood labels to the coarse PER/ORG/LOC/MISC set.
fn coarse(label: &str) -> String {
    let Some((bi, ty)) = label.split_once('-') else { return "O".into() };
    let c = match ty {
        "PER" | "PERS" | "Politician" | "Athlete" | "Artist" | "Other_PER" | "Religious_PER" | "Scientist"
        | "Police" | "Businessperson" | "Lawyer" | "Engineer" => "PERS",
        "ORG" | "Non-Governmental" | "Sports" | "Media" | "Government" | "Commercial" | "Educational"
        | "Religious_ORG" | "Medical-Science" | "Entertainment" => "ORG",
        "LOC" | "GPE" | "Nation" | "Population-Center" | "State-or-Province" | "GPE-Cluster" | "Continent"
        | "Water-Body" | "Land" | "County-or-District" | "Land-Region-Natural" | "Building-Grounds" | "Airport"
        | "Path" | "Subarea-Facility" | "FAC" | "Celestial" => "LOC",
        "MISC" | "MIS" | "Book" | "Movie" | "Software" | "Hardware" | "Shooting" | "Projectile" | "Air" | "Water"
        | "Food" | "Drug" | "Plant" | "EVENT" | "PRODUCT" | "LAW" | "LANGUAGE" => "MISC",
        _ => return "O".into(),
    };
    format!("{bi}-{c}")
}

fn spans(tags: &[Tag]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        if let Some(t) = tags[i].type_index() {
            let mut j = i + 1;
            while j < tags.len() && !tags[j].is_begin() && tags[j].type_index() == Some(t) {
                j += 1;
            }
            out.push((i, j, t));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

fn evaluate(m: &Model, test: &[Sent]) {
    let mut tp = [0usize; 4];
    let mut ns = [0usize; 4];
    let mut ng = [0usize; 4];
    for s in test {
        let words: Vec<Word> = s.words.iter().map(|(n, k)| Word::new(n, *k)).collect();
        let mut pred = Vec::new();
        tag_words(m, &words, &mut pred);
        let g = spans(&s.tags);
        let p = spans(&pred);
        for x in &g {
            ng[x.2] += 1;
        }
        for x in &p {
            ns[x.2] += 1;
            if g.contains(x) {
                tp[x.2] += 1;
            }
        }
    }
    let f = |tp: usize, s: usize, g: usize| {
        let p = if s > 0 { tp as f64 / s as f64 } else { 0.0 };
        let r = if g > 0 { tp as f64 / g as f64 } else { 0.0 };
        (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
    };
    let names = ["PER", "ORG", "LOC", "MISC"];
    let mut macro_f = 0.0;
    for t in 0..4 {
        let (p, r, f1) = f(tp[t], ns[t], ng[t]);
        macro_f += f1 / 4.0;
        println!("{:5} P {:.3} R {:.3} F1 {:.3} (gold {})", names[t], p, r, f1, ng[t]);
    }
    let (p, r, f1) = f(tp.iter().sum(), ns.iter().sum(), ng.iter().sum());
    println!("micro P {p:.3} R {r:.3} F1 {f1:.3}; macro F1 {macro_f:.3}");
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut train_files = Vec::new();
    let mut test_file = None;
    let mut out = None;
    let mut epochs = 8usize;
    let mut min_abs = 0.5f32;
    let mut gold_history = false;
    let mut common_out: Option<String> = None;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--train" => train_files.push(args[i + 1].clone()),
            "--test" => test_file = Some(args[i + 1].clone()),
            "--out" => out = Some(args[i + 1].clone()),
            "--common-out" => common_out = Some(args[i + 1].clone()),
            "--epochs" => epochs = args[i + 1].parse().expect("epochs"),
            "--no-common" => {
                marsad_entities::tagger::SKIP_COMMON.store(false, std::sync::atomic::Ordering::Relaxed);
                i -= 1;
            }
            "--predicted-history" => {
                gold_history = true;
                i -= 1;
            }
            "--min-weight" => min_abs = args[i + 1].parse().expect("min-weight"),
            a => panic!("unknown argument {a}"),
        }
        i += 2;
    }
    let mut train = Vec::new();
    for f in &train_files {
        train.extend(read(f));
    }
    eprintln!("{} training sentences", train.len());
    if let Some(path) = &common_out {
        // words that are (almost) never part of a name: the tagger skips them
        let mut counts: HashMap<&str, (usize, usize)> = HashMap::default();
        for s in &train {
            for ((w, k), t) in s.words.iter().zip(&s.tags) {
                if *k != TokenKind::Word {
                    continue;
                }
                let e = counts.entry(w.as_str()).or_default();
                e.0 += 1;
                if *t == Tag::O {
                    e.1 += 1;
                }
            }
        }
        let mut words: Vec<&str> =
            counts.iter().filter(|(_, (n, o))| *n >= 8 && *o as f64 >= 0.995 * *n as f64).map(|(w, _)| *w).collect();
        words.sort();
        let mut text = String::from("# Generated by train_ner --common-out: normalised words seen >= 8 times and tagged O >= 99.5%\n# in the training corpora of the shipped model (NewsFANE CC BY-SA 3.0, AQMAR Apache-2.0).\n");
        for w in &words {
            text.push_str(w);
            text.push('\n');
        }
        std::fs::write(path, text).expect("write common words");
        eprintln!("{} common words -> {path}", words.len());
    }
    // averaged perceptron: w, and u = sum of c * update, average = w - u / c
    let mut w: HashMap<u64, [f32; NT]> = HashMap::default();
    let mut u: HashMap<u64, [f32; NT]> = HashMap::default();
    let mut c = 1f32;
    let mut fs = Vec::new();
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut seed = 0x9e3779b97f4a7c15u64;
    for ep in 0..epochs {
        // deterministic shuffle
        for k in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(k, (seed % (k as u64 + 1)) as usize);
        }
        let mut errors = 0usize;
        let mut total = 0usize;
        for &si in &order {
            let s = &train[si];
            let words: Vec<Word> = s.words.iter().map(|(n, k)| Word::new(n, *k)).collect();
            let (mut p1, mut p2) = (Tag::O, Tag::O);
            for i in 0..words.len() {
                features(&words, i, &mut fs);
                tag_features(&words, i, p1, p2, &mut fs);
                let mut sc = [0f32; NT];
                for f in &fs {
                    if let Some(x) = w.get(f) {
                        for k in 0..NT {
                            sc[k] += x[k];
                        }
                    }
                }
                let mut best = 0;
                for k in 1..NT {
                    if sc[k] > sc[best] {
                        best = k;
                    }
                }
                let gold = s.tags[i].0 as usize;
                if best != gold {
                    errors += 1;
                    for f in &fs {
                        let x = w.entry(*f).or_insert([0.0; NT]);
                        x[gold] += 1.0;
                        x[best] -= 1.0;
                        let y = u.entry(*f).or_insert([0.0; NT]);
                        y[gold] += c;
                        y[best] -= c;
                    }
                }
                c += 1.0;
                total += 1;
                // previous predicted tags, as at inference (no exposure bias)
                p2 = p1;
                p1 = if gold_history { Tag(best as u8) } else { s.tags[i] };
            }
        }
        eprintln!("epoch {} error rate {:.4}", ep + 1, errors as f64 / total.max(1) as f64);
    }
    let mut avg = Model::default();
    for (f, x) in &w {
        let y = u.get(f).copied().unwrap_or([0.0; NT]);
        let mut a = [0f32; NT];
        for k in 0..NT {
            a[k] = x[k] - y[k] / c;
        }
        avg.weights.insert(*f, a);
    }
    let bytes = avg.to_bytes(min_abs);
    let pruned = Model::from_bytes(&bytes).unwrap_or_default();
    eprintln!("{} features, {} kept, {} bytes", avg.weights.len(), pruned.weights.len(), bytes.len());
    if let Some(t) = &test_file {
        let test = read(t);
        println!("test {t}: {} sentences (pruned model)", test.len());
        evaluate(&pruned, &test);
    }
    if let Some(o) = out {
        std::fs::write(&o, &bytes).expect("write model");
        eprintln!("wrote {o}");
    }
}
