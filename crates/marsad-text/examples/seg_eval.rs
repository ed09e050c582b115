//! Clitic segmentation accuracy on the two gold sets in ../shared/data/segmentation,
//! each split into a DEV half and a HELD-OUT half.
//!
//! ```text
//! cargo run --release -p marsad-text --example seg_eval [-- SEGMENTATION_DIR [DEV_LIST]]
//! SEG_EVAL_ERRORS=1 ...   # also list the errors on the DEV halves (never the held-out ones)
//! SEG_EVAL_HELDOUT=1 ...  # also print the HELD-OUT figures (hidden by default: tune on DEV only)
//! ```
//!
//! The scoring is the benchmark's (`benchmarks/bench.py`, functions `load_wikinews`, `load_pud`,
//! `scheme`): one mapping, applied in the same way to the gold and to every system's output.
//!
//! * A segmentation is reduced to clitic boundaries: leading segments that are و ف ب ل ك س (and ال
//!   for WikiNews) and trailing segments that are pronouns (ه ها هم هما هن ك كم كما كن ي ني نا) stay
//!   apart, everything between is merged into one core. Boundaries are decided on the segments with
//!   diacritics removed, ى → ي and أ إ آ ٱ → ا (so the feminine ة never passes for the pronoun ه);
//!   then every segment is folded to the comparison form (ة → ه).
//! * **Farasa WikiNews** (`WikiNews.pos.ref`): one word a line, segments joined by `+`; the surface
//!   word is their concatenation (ل+ال written لل). DEV = the first half of the words in file
//!   order, HELD-OUT = the second half.
//! * **UD Arabic-PUD** (CoNLL-U, no multiword lines in this release): a word is a run of Arabic
//!   tokens glued by `SpaceAfter=No`; UD writes ل + ال as ل + لـ, so when the token after ل is
//!   `Definite=Def`, or its lemma does not start with ل (للدنمارك = ل + لدنمارك, lemma دنمارك; but
//!   للبنان = ل + لبنان, lemma لبنان), its alef is put back. UD keeps the article on the word, so a split-off ال is
//!   merged back into the core (on both sides). DEV = sentences 1–500, HELD-OUT = 501–1000.
//! * Only words made of Arabic letters (and marks) are scored; accuracy = the reduced
//!   segmentation is exactly the gold's.

use marsad_text::segment_word;

fn is_ar_word_char(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

fn is_ar_word(w: &str) -> bool {
    !w.is_empty() && w.chars().all(is_ar_word_char)
}

fn is_diacritic(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}')
}

/// Boundary form: no diacritics, ى → ي, hamzated alefs → ا (ة kept).
fn raw_form(s: &str) -> String {
    s.chars()
        .filter(|c| !is_diacritic(*c))
        .map(|c| match c {
            'ى' => 'ي',
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            c => c,
        })
        .collect()
}

/// Comparison form: the boundary form with ة → ه.
fn cmp_form(s: &str) -> String {
    raw_form(s).replace('ة', "ه")
}

const PREFIXES: [&str; 7] = ["و", "ف", "ب", "ل", "ك", "س", "ال"];
const PRONOUNS: [&str; 12] = ["ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "ي", "ني", "نا"];

/// The shared reduction (bench.py `scheme`).
fn scheme(segs: &[String], with_al: bool) -> Vec<String> {
    let segs: Vec<String> = segs.iter().map(|s| raw_form(s)).filter(|s| !s.is_empty()).collect();
    if segs.is_empty() {
        return Vec::new();
    }
    let is_pre = |s: &str| PREFIXES.contains(&s) && (with_al || s != "ال");
    let mut i = 0;
    while i + 1 < segs.len() && is_pre(&segs[i]) {
        i += 1;
    }
    let mut j = segs.len();
    while j - 1 > i && PRONOUNS.contains(&segs[j - 1].as_str()) {
        j -= 1;
    }
    let mut core: String = segs[i..j].concat();
    if !with_al {
        while i > 0 && segs[i - 1] == "ال" {
            i -= 1;
            core = format!("ال{core}");
        }
    }
    let mut out: Vec<String> = segs[..i].iter().map(|s| cmp_form(s)).collect();
    out.push(cmp_form(&core));
    out.extend(segs[j..].iter().map(|s| cmp_form(s)));
    out
}

/// The written word from gold segments (ل+ال is written لل).
fn surface(segs: &[&str]) -> String {
    let mut out = String::new();
    for (i, s) in segs.iter().enumerate() {
        if i > 0 && segs[i - 1] == "ل" && s.starts_with("ال") && out.ends_with('ل') {
            out.push_str(&s["ا".len()..]);
        } else {
            out.push_str(s);
        }
    }
    out
}

/// (word, gold segments, held-out?)
type Item = (String, Vec<String>, bool);

fn load_wikinews(path: &str) -> std::io::Result<Vec<Item>> {
    let data = std::fs::read_to_string(path)?;
    let mut out = Vec::new();
    for line in data.lines().skip(1) {
        let tok = line.split('\t').next().unwrap_or("");
        let segs: Vec<&str> = tok.split('+').filter(|s| !s.is_empty()).collect();
        if segs.is_empty() {
            continue;
        }
        let w = surface(&segs);
        if is_ar_word(&w) {
            out.push((w, segs.iter().map(|s| s.to_string()).collect(), false));
        }
    }
    let half = out.len() / 2;
    for (i, it) in out.iter_mut().enumerate() {
        it.2 = i >= half;
    }
    Ok(out)
}

fn load_pud(path: &str) -> std::io::Result<Vec<Item>> {
    let data = std::fs::read_to_string(path)?;
    let mut raw: Vec<(String, Vec<String>, usize)> = Vec::new();
    let mut group: Vec<(String, bool)> = Vec::new(); // (form, the ل it starts with is the article)
    let mut sent = 0usize;
    let flush = |group: &mut Vec<(String, bool)>, raw: &mut Vec<(String, Vec<String>, usize)>, sent: usize| {
        if group.is_empty() {
            return;
        }
        let w: String = group.iter().map(|(f, _)| f.as_str()).collect();
        let segs: Vec<String> = group
            .iter()
            .enumerate()
            .map(|(i, (f, def))| {
                if i > 0 && group[i - 1].0 == "ل" && f.starts_with('ل') && !f.starts_with("ال") && *def {
                    format!("ا{f}")
                } else {
                    f.clone()
                }
            })
            .collect();
        if is_ar_word(&w) {
            raw.push((w, segs, sent));
        }
        group.clear();
    };
    for line in data.lines() {
        if line.starts_with("# sent_id") {
            sent += 1;
        }
        if line.trim().is_empty() || line.starts_with('#') {
            flush(&mut group, &mut raw, sent);
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 10 || c[0].contains('-') || c[0].contains('.') {
            continue;
        }
        let (form, lemma, feats, misc) = (c[1], c[2], c[5], c[9]);
        if !is_ar_word(form) {
            flush(&mut group, &mut raw, sent);
            continue;
        }
        // the token's ل is the article when it is definite or its lemma does not start with ل
        let lemma_l = lemma.chars().find(|c| !is_diacritic(*c)) == Some('ل');
        group.push((form.to_string(), feats.split('|').any(|f| f == "Definite=Def") || !lemma_l));
        if !misc.split('|').any(|m| m == "SpaceAfter=No") {
            flush(&mut group, &mut raw, sent);
        }
    }
    flush(&mut group, &mut raw, sent);
    let half = sent.div_ceil(2);
    Ok(raw.into_iter().map(|(w, g, s)| (w, g, s > half)).collect())
}

fn predict(word: &str) -> Vec<String> {
    segment_word(word).segments.into_iter().map(|s| s.form).collect()
}

#[derive(Default)]
struct Half {
    words: usize,
    exact: usize,
    baseline: usize,
}

fn evaluate(name: &str, items: &[Item], with_al: bool, show_errors: bool, show_held: bool) {
    let (mut dev, mut held) = (Half::default(), Half::default());
    let mut errors: Vec<String> = Vec::new();
    for (w, g, heldout) in items {
        let gold = scheme(g, with_al);
        let pred = scheme(&predict(w), with_al);
        let h = if *heldout { &mut held } else { &mut dev };
        h.words += 1;
        if gold == pred {
            h.exact += 1;
        } else if !*heldout {
            errors.push(format!("{w}\tgold {}\tours {}", gold.join("+"), pred.join("+")));
        }
        if gold == scheme(std::slice::from_ref(w), with_al) {
            h.baseline += 1;
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!("{name}");
    for (label, h) in [("held-out half", &held), ("dev half", &dev)] {
        if h.words > 0 && std::ptr::eq(h, &held) && !show_held {
            println!("  {label:<14} words {:>6}  (hidden; SEG_EVAL_HELDOUT=1 prints it)", h.words);
            continue;
        }
        println!(
            "  {label:<14} words {:>6}  word accuracy {:>6.2}%  (no-split baseline {:>6.2}%)",
            h.words,
            pct(h.exact, h.words),
            pct(h.baseline, h.words)
        );
    }
    println!("  {:<14} errors {:>5}", "dev half", dev.words - dev.exact);
    if show_held || held.words == 0 {
        println!("  {:<14} words {:>6}  word accuracy {:>6.2}%", "all", dev.words + held.words, pct(dev.exact + held.exact, dev.words + held.words));
    }
    if show_errors {
        for e in &errors {
            println!("    {e}");
        }
    }
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/segmentation".into());
    let show_errors = std::env::var_os("SEG_EVAL_ERRORS").is_some();
    // The held-out halves are the published headline: their figures are printed only on request
    // (and their errors never), so that tuning looks at the DEV halves alone.
    let show_held = std::env::var_os("SEG_EVAL_HELDOUT").is_some();
    // Our own hand-annotated dev list (eval/text/seg_dev.tsv): normalised clitic segments, article split.
    let dev_path = std::env::args().nth(2).unwrap_or_else(|| "eval/text/seg_dev.tsv".into());
    if let Ok(data) = std::fs::read_to_string(&dev_path) {
        let items: Vec<Item> = data
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let (w, g) = (cols.next()?.trim(), cols.next()?.trim());
                Some((w.to_string(), g.split('+').map(String::from).collect(), false))
            })
            .collect();
        evaluate(&format!("marsad dev list ({dev_path}; both halves are dev)"), &items, true, show_errors, show_held);
    }
    match load_wikinews(&format!("{dir}/farasa-wikinews/WikiNews.pos.ref")) {
        Ok(items) => evaluate("Farasa WikiNews (clitics, article split)", &items, true, show_errors, show_held),
        Err(e) => println!("Farasa WikiNews: {e}"),
    }
    match load_pud(&format!("{dir}/ud-arabic-pud/ar_pud-ud-test.conllu")) {
        Ok(items) => evaluate("UD Arabic-PUD (clitics, article kept on the word)", &items, false, show_errors, show_held),
        Err(e) => println!("UD Arabic-PUD: {e}"),
    }
}
