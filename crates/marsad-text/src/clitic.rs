//! Clitic segmentation: و ف ب ل ك س ال before a stem, pronouns after it.
//!
//! Arabic writes conjunctions, prepositions, the article and object/possessive
//! pronouns attached to the word: وبالعراق = و + ب + ال + عراق. Splitting them
//! is what lets a gazetteer entry العراق match بالعراق and للعراق. The danger
//! is cutting stems that merely start with such letters (بغداد، والي، لبنان):
//! a lexicon of protected stems guards against that.
//!
//! Segments carry code-point offsets relative to the start of the word's
//! *original* text (diacritics included), so a caller adds the token's start.

use crate::normalize::{normalize_str, Normalized};
use std::collections::HashSet;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SegmentKind {
    /// و ف ب ل ك س
    Proclitic,
    /// The definite article ال (also the ل of لل that stands for it).
    Article,
    Stem,
    /// ه ها هم هما هن ك كم كن نا ي ني
    Enclitic,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Code-point offset in the word's original text (inclusive).
    pub start: u32,
    /// Code-point offset in the word's original text (exclusive).
    pub end: u32,
    pub kind: SegmentKind,
    /// Normalised form ("ال" for the article even when written ل in لل).
    pub form: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Segmentation {
    pub segments: Vec<Segment>,
}

impl Segmentation {
    /// The stem segment (every segmentation has exactly one).
    pub fn stem(&self) -> Option<&Segment> {
        self.segments.iter().find(|s| s.kind == SegmentKind::Stem)
    }
    /// Code-point offset where the word starts once proclitics (not the article) are removed.
    pub fn after_proclitics(&self) -> u32 {
        self.segments
            .iter()
            .find(|s| s.kind != SegmentKind::Proclitic)
            .map(|s| s.start)
            .unwrap_or(0)
    }
    /// The normalised segments joined with `+` (Farasa style): "و+ب+ال+عراق".
    pub fn to_plus_string(&self) -> String {
        self.segments.iter().map(|s| s.form.as_str()).collect::<Vec<_>>().join("+")
    }
}

const PROTECTED_DATA: &str = include_str!("../../../data/text/clitic_protected.txt");

fn protected() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        PROTECTED_DATA
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(normalize_str)
            .collect()
    })
}

const ENCLITICS: [&str; 11] = ["هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ني", "ه", "ك"];

/// Segment one word (the original text of a [`crate::TokenKind::Word`] token).
pub fn segment_word(word: &str) -> Segmentation {
    let norm = Normalized::new(word);
    let letters: Vec<char> = norm.as_str().chars().collect();
    let pieces = segment_normalized(&letters);
    let mut segments = Vec::with_capacity(pieces.len());
    for (a, b, kind, form) in pieces {
        let (s, e) = norm.to_original(a, b);
        segments.push(Segment { start: s as u32, end: e as u32, kind, form });
    }
    // Leading/trailing dropped characters (a diacritic on the first letter is
    // kept by to_original; tatweel between segments) belong to the neighbour.
    if let Some(first) = segments.first_mut() {
        first.start = 0;
    }
    if let Some(last) = segments.last_mut() {
        last.end = word.chars().count() as u32;
    }
    for i in 1..segments.len() {
        let prev_end = segments[i - 1].end;
        segments[i].start = prev_end;
    }
    Segmentation { segments }
}

/// Segment a normalised word given as characters; returns (start, end, kind, form)
/// in normalised character offsets.
fn segment_normalized(w: &[char]) -> Vec<(usize, usize, SegmentKind, String)> {
    let n = w.len();
    let whole: String = w.iter().collect();
    let mut out = Vec::new();
    if n < 3 || protected().contains(&whole) || !w.iter().all(|c| crate::chars::is_arabic_letter(*c)) {
        out.push((0, n, SegmentKind::Stem, whole));
        return out;
    }
    let mut i = 0usize;
    let rest = |i: usize| -> String { w[i..].iter().collect() };
    // Conjunction.
    if matches!(w[0], 'و' | 'ف') && n - i >= 4 && !protected().contains(&rest(0)) {
        let r = rest(1);
        if !starts_with_protected_stem(&r, &whole) {
            out.push((0, 1, SegmentKind::Proclitic, w[0].to_string()));
            i = 1;
        }
    }
    // لل = ل + ال
    if n - i >= 4 && w[i] == 'ل' && w[i + 1] == 'ل' && !protected().contains(&rest(i)) {
        out.push((i, i + 1, SegmentKind::Proclitic, "ل".into()));
        out.push((i + 1, i + 2, SegmentKind::Article, "ال".into()));
        i += 2;
    } else {
        // Preposition.
        if n - i >= 5 && matches!(w[i], 'ب' | 'ل' | 'ك') && w[i + 1] == 'ا' && w[i + 2] == 'ل' {
            out.push((i, i + 1, SegmentKind::Proclitic, w[i].to_string()));
            i += 1;
        }
        // Article.
        if n - i >= 4 && w[i] == 'ا' && w[i + 1] == 'ل' && !protected().contains(&rest(i)) {
            out.push((i, i + 2, SegmentKind::Article, "ال".into()));
            i += 2;
        }
    }
    // Enclitic pronoun (not after the article).
    let has_article = out.iter().any(|s| s.2 == SegmentKind::Article);
    let mut end = n;
    if !has_article {
        let stem_now: String = w[i..].iter().collect();
        if !protected().contains(&stem_now) {
            for e in ENCLITICS {
                let el = e.chars().count();
                if n - i >= el + 3 && stem_now.ends_with(e) && e.chars().count() >= 2 {
                    end = n - el;
                    break;
                }
            }
        }
    }
    out.push((i, end, SegmentKind::Stem, w[i..end].iter().collect()));
    if end < n {
        out.push((end, n, SegmentKind::Enclitic, w[end..].iter().collect()));
    }
    out
}

fn starts_with_protected_stem(rest: &str, whole: &str) -> bool {
    // A word such as "وزير" must not become و+زير: the whole word is known.
    protected().contains(whole) || rest.is_empty()
}
