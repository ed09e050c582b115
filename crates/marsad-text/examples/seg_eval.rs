//! Clitic segmentation accuracy on the two gold sets in ../shared/data/segmentation.
//!
//! ```text
//! cargo run --release -p marsad-text --example seg_eval [-- SEGMENTATION_DIR]
//! ```
//!
//! Both sets are test data only: nothing in marsad was tuned on them.
//!
//! **Farasa WikiNews** (`WikiNews.pos.ref`, one word a line, segments joined by
//! `+` with their POS tags). Farasa also marks noun/verb suffixes that are not
//! clitics (ة، ات، ين، ون، the case alef, verbal ت/وا/ن tagged PRON). The gold
//! is mapped to clitic-only segmentation: leading segments tagged CONJ, PREP,
//! DET, FUT_PART or PART whose form is و ف ب ل ك س or ال stay apart; trailing
//! segments tagged PRON whose form is an object/possessive pronoun (ه ها هم هما
//! هن ك كم كما كن نا ي ني) stay apart; everything between is merged into the stem.
//! The surface word is the concatenation (ل+ال is written لل). Segments are
//! compared in normalised form, the article as ال (so لل = ل+ال on both sides).
//!
//! **UD Arabic-PUD** (CoNLL-U). This release has no multiword-token lines
//! (`1-2`): a clitic is a token of its own with `SpaceAfter=No` on the token
//! before it. Words are rebuilt by joining Arabic tokens linked by
//! `SpaceAfter=No`. UD does not split the article, and writes لل as ل + ل…
//! (للسلطة = ل + لسلطة): our article segment is merged into the stem and
//! segments are compared by their surface text (normalised).
//!
//! Scores, over Arabic-letter words only: word accuracy (the segmentation is
//! exactly right), segment precision/recall/F1 (a segment counts when a gold
//! segment has the same position and form), and the same for the trivial
//! baseline that never splits.

use marsad_text::{normalize_str, segment_word, SegmentKind};
use std::collections::HashSet;

fn is_arabic_word(w: &str) -> bool {
    !w.is_empty()
        && w.chars().all(|c| marsad_text::chars::is_arabic_letter(c) || marsad_text::chars::is_word_continuation(c))
        && w.chars().any(marsad_text::chars::is_arabic_letter)
}

#[derive(Default)]
struct Score {
    words: usize,
    exact: usize,
    gold_segs: usize,
    pred_segs: usize,
    matched: usize,
}

impl Score {
    fn add(&mut self, gold: &[String], pred: &[String]) {
        self.words += 1;
        if gold == pred {
            self.exact += 1;
        }
        let key = |v: &[String]| -> HashSet<(usize, String)> {
            let mut at = 0;
            v.iter()
                .map(|s| {
                    let k = (at, s.clone());
                    at += s.chars().count();
                    k
                })
                .collect()
        };
        let (g, p) = (key(gold), key(pred));
        self.gold_segs += gold.len();
        self.pred_segs += pred.len();
        self.matched += g.intersection(&p).count();
    }
    fn print(&self, name: &str) {
        let p = self.matched as f64 / self.pred_segs.max(1) as f64;
        let r = self.matched as f64 / self.gold_segs.max(1) as f64;
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        println!(
            "{name:<28} words {:>6}  word accuracy {:>6.2}%  segments P {:>6.2}% R {:>6.2}% F1 {:>6.2}%",
            self.words,
            100.0 * self.exact as f64 / self.words.max(1) as f64,
            100.0 * p,
            100.0 * r,
            100.0 * f
        );
    }
}

const PROCLITICS: [&str; 7] = ["و", "ف", "ب", "ل", "ك", "س", "ال"];
const PRONOUNS: [&str; 12] = ["ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "نا", "ي", "ني"];

/// Farasa gold → clitic-only normalised segments and the surface word.
fn farasa_gold(segs: &str, tags: &str) -> Option<(String, Vec<String>)> {
    let raw: Vec<&str> = segs.split('+').map(str::trim).collect();
    let segs: Vec<String> = raw.iter().map(|s| normalize_str(s)).collect();
    let tags: Vec<&str> = tags.split('+').map(str::trim).collect();
    if segs.len() != tags.len() || segs.iter().any(|s| s.is_empty()) {
        return None;
    }
    let mut surface = String::new();
    for (i, s) in segs.iter().enumerate() {
        if s == "ال" && i > 0 && segs[i - 1] == "ل" {
            surface.push('ل');
        } else {
            surface.push_str(raw[i]);
        }
    }
    if !is_arabic_word(&surface) {
        return None;
    }
    let n = segs.len();
    let mut lead = 0;
    while lead < n
        && PROCLITICS.contains(&segs[lead].as_str())
        && matches!(tags[lead], "CONJ" | "PREP" | "DET" | "FUT_PART" | "PART")
    {
        lead += 1;
    }
    let mut trail = n;
    while trail > lead + 1 && tags[trail - 1] == "PRON" && PRONOUNS.contains(&segs[trail - 1].as_str()) {
        trail -= 1;
    }
    let mut out: Vec<String> = segs[..lead].to_vec();
    if lead < trail {
        out.push(segs[lead..trail].concat());
    }
    out.extend(segs[trail..].iter().cloned());
    Some((surface, out))
}

fn ours_farasa(word: &str) -> Vec<String> {
    segment_word(word).segments.into_iter().map(|s| s.form).collect()
}

fn ours_ud(word: &str) -> Vec<String> {
    let seg = segment_word(word);
    let chars: Vec<char> = word.chars().collect();
    let mut out: Vec<String> = Vec::new();
    let mut merge_next = false;
    for s in &seg.segments {
        let text: String = chars[s.start as usize..(s.end as usize).min(chars.len())].iter().collect();
        let text = normalize_str(&text);
        if merge_next {
            if let Some(last) = out.last_mut() {
                last.push_str(&text);
            }
        } else {
            out.push(text);
        }
        merge_next = s.kind == SegmentKind::Article;
    }
    out
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/segmentation".into());
    // Our own hand-annotated dev list (eval/text/seg_dev.tsv), same conventions as Farasa.
    let dev_path = std::env::args().nth(2).unwrap_or_else(|| "eval/text/seg_dev.tsv".into());
    if let Ok(data) = std::fs::read_to_string(&dev_path) {
        let (mut ours, mut base) = (Score::default(), Score::default());
        let mut errors = Vec::new();
        for line in data.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let mut cols = line.split('\t');
            let (Some(word), Some(gold)) = (cols.next(), cols.next()) else { continue };
            let gold: Vec<String> = gold.trim().split('+').map(String::from).collect();
            let pred = ours_farasa(word.trim());
            if pred != gold {
                errors.push(format!("{word}: gold {} ours {}", gold.join("+"), pred.join("+")));
            }
            ours.add(&gold, &pred);
            base.add(&gold, &[normalize_str(word.trim())]);
        }
        println!("marsad dev list ({dev_path})");
        ours.print("  marsad");
        base.print("  baseline (no split)");
        for e in errors {
            println!("    {e}");
        }
    }
    // Farasa WikiNews.
    let path = format!("{dir}/farasa-wikinews/WikiNews.pos.ref");
    match std::fs::read_to_string(&path) {
        Ok(data) => {
            let (mut ours, mut base) = (Score::default(), Score::default());
            let mut errors = Vec::new();
            for line in data.lines().skip(1) {
                let mut cols = line.split('\t');
                let (Some(segs), Some(tags)) = (cols.next(), cols.next()) else { continue };
                let Some((surface, gold)) = farasa_gold(segs, tags) else { continue };
                let pred = ours_farasa(&surface);
                if pred != gold && errors.len() < 40 {
                    errors.push(format!("{surface}: gold {} ours {}", gold.join("+"), pred.join("+")));
                }
                ours.add(&gold, &pred);
                base.add(&gold, &[normalize_str(&surface)]);
            }
            println!("Farasa WikiNews (clitic-only, article split)");
            ours.print("  marsad");
            base.print("  baseline (no split)");
            if std::env::var_os("SEG_EVAL_ERRORS").is_some() {
                for e in errors {
                    println!("    {e}");
                }
            }
        }
        Err(e) => println!("Farasa WikiNews: cannot read {path}: {e}"),
    }
    // UD Arabic-PUD.
    let path = format!("{dir}/ud-arabic-pud/ar_pud-ud-test.conllu");
    match std::fs::read_to_string(&path) {
        Ok(data) => {
            let (mut ours, mut base) = (Score::default(), Score::default());
            let mut errors = Vec::new();
            let mut word: Vec<String> = Vec::new();
            let mut glued = false;
            let mut flush = |word: &mut Vec<String>, ours: &mut Score, base: &mut Score| {
                if word.is_empty() {
                    return;
                }
                let surface: String = word.concat();
                if is_arabic_word(&surface) {
                    let gold: Vec<String> = word.iter().map(|s| normalize_str(s)).collect();
                    let pred = ours_ud(&surface);
                    if pred != gold && errors.len() < 40 {
                        errors.push(format!("{surface}: gold {} ours {}", gold.join("+"), pred.join("+")));
                    }
                    ours.add(&gold, &pred);
                    base.add(&gold, &[normalize_str(&surface)]);
                }
                word.clear();
            };
            for line in data.lines() {
                if line.starts_with('#') || line.trim().is_empty() {
                    flush(&mut word, &mut ours, &mut base);
                    glued = false;
                    continue;
                }
                let cols: Vec<&str> = line.split('\t').collect();
                if cols.len() < 10 || !cols[0].bytes().all(|b| b.is_ascii_digit()) {
                    continue; // multiword-token ranges and empty nodes (none in this release)
                }
                let form = cols[1];
                let arabic = is_arabic_word(form);
                if !(glued && arabic && word.last().is_some_and(|w| is_arabic_word(w))) {
                    flush(&mut word, &mut ours, &mut base);
                }
                word.push(form.to_string());
                glued = cols[9].split('|').any(|m| m == "SpaceAfter=No");
            }
            flush(&mut word, &mut ours, &mut base);
            println!("UD Arabic-PUD (clitic-only, article kept)");
            ours.print("  marsad");
            base.print("  baseline (no split)");
            if std::env::var_os("SEG_EVAL_ERRORS").is_some() {
                for e in errors {
                    println!("    {e}");
                }
            }
        }
        Err(e) => println!("UD Arabic-PUD: cannot read {path}: {e}"),
    }
}
